#include "domain/case_store.hpp"

#include "domain/errors.hpp"
#include "store/assignment_repository.hpp"

namespace assist::host {
namespace {

// An assistant sees the cases they hold a current assignment of, in any role.
assist::v1::Case VisibleOrNotFound(Transaction& tx, const Identity& who, long long id,
                                   const std::optional<assist::v1::Case>& found) {
  if (!found || (who.role == assist::v1::ROLE_ASSISTANT &&
                 !HoldsCurrentAssignment(tx, who.centre_id, id, who.actor_id))) {
    ThrowNotFound("case", std::to_string(id));
  }
  return *found;
}

}  // namespace

assist::v1::Case LoadVisibleCase(Transaction& tx, const Identity& who, long long id) {
  return VisibleOrNotFound(tx, who, id, FindCase(tx, who.centre_id, id));
}

assist::v1::Case LoadVisibleCaseForUpdate(Transaction& tx, const Identity& who, long long id) {
  return VisibleOrNotFound(tx, who, id, FindCaseForUpdate(tx, who.centre_id, id));
}

namespace {

std::string ChangedFields(const assist::v1::Case& before, const assist::v1::Case& after) {
  const auto* descriptor = assist::v1::Case::descriptor();
  const auto* reflection = assist::v1::Case::GetReflection();
  std::string changed;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    if (field->is_repeated() || field->name() == "updated_at") continue;
    const bool same =
        field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING
            ? reflection->GetString(before, field) == reflection->GetString(after, field)
        : field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_ENUM
            ? reflection->GetEnumValue(before, field) == reflection->GetEnumValue(after, field)
        : field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_INT32
            ? reflection->GetInt32(before, field) == reflection->GetInt32(after, field)
            : reflection->GetInt64(before, field) == reflection->GetInt64(after, field);
    if (!same) changed += (changed.empty() ? "changed: " : ", ") + field->name();
  }
  return changed;
}

}  // namespace

std::string UpdateCase(Transaction& tx, const assist::v1::Case& c) {
  auto stored = FindCase(tx, c.centre_id(), c.id());
  UpdateCaseRow(tx, c);
  return stored ? ChangedFields(*stored, c) : std::string();
}

}  // namespace assist::host
