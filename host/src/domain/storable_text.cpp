#include "domain/storable_text.hpp"

#include "domain/errors.hpp"

namespace assist::host {
namespace {

namespace pb = google::protobuf;

// Deeper than any request or payload the host accepts (payload_limits.hpp stops at 16).
constexpr int kMaxDepth = 64;

void Walk(const pb::Message& message, const std::string& path, int depth,
          std::vector<sdk::FieldViolation>& out) {
  if (depth > kMaxDepth) return;
  const pb::Reflection* reflection = message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    const std::string at = path.empty() ? field->name() : path + "." + field->name();
    const bool is_text = field->type() == pb::FieldDescriptor::TYPE_STRING;
    const bool is_message = field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE;
    if (!field->is_repeated()) {
      if (is_text && !IsStorableText(reflection->GetString(message, field))) {
        out.push_back(NulViolation(at));
      }
      if (is_message) Walk(reflection->GetMessage(message, field), at, depth + 1, out);
      continue;
    }
    const int size = reflection->FieldSize(message, field);
    for (int i = 0; i < size; ++i) {
      const std::string item = at + "[" + std::to_string(i) + "]";
      if (is_text && !IsStorableText(reflection->GetRepeatedString(message, field, i))) {
        out.push_back(NulViolation(item));
      }
      if (is_message) Walk(reflection->GetRepeatedMessage(message, field, i), item, depth + 1, out);
    }
  }
}

}  // namespace

bool IsStorableText(std::string_view text) { return text.find('\0') == std::string_view::npos; }

sdk::FieldViolation NulViolation(const std::string& field) {
  return {field, "contains a NUL byte, which cannot be stored",
          "zawiera bajt NUL, którego nie można zapisać"};
}

std::vector<sdk::FieldViolation> UnstorableText(const pb::Message& message,
                                                const std::string& prefix) {
  std::vector<sdk::FieldViolation> violations;
  Walk(message, prefix, 0, violations);
  return violations;
}

void RefuseUnstorableText(const pb::Message& message, const std::string& prefix) {
  auto violations = UnstorableText(message, prefix);
  if (!violations.empty()) ThrowInvalid(violations);
}

}  // namespace assist::host
