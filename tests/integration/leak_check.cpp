#include "leak_check.hpp"

#include <memory>

#include "assist/v1/cases.pb.h"

namespace assist::it {
namespace {

namespace pb = google::protobuf;

const std::set<std::int64_t>* IdsNamedBy(const Secrets& secrets, const pb::FieldDescriptor& field) {
  const std::string& message = field.containing_type()->name();
  const std::string& name = field.name();
  if (name == "case_id" || name == "anonymised_case_ids") return &secrets.case_ids;
  if (name == "person_id") return &secrets.person_ids;
  if (name == "family_id") return &secrets.family_ids;
  if (name != "id") return nullptr;
  if (message == "Case") return &secrets.case_ids;
  if (message == "Person") return &secrets.person_ids;
  if (message == "Family") return &secrets.family_ids;
  if (message == "Contact") return &secrets.contact_ids;
  if (message == "Review") return &secrets.review_ids;
  return nullptr;
}

bool NamesACentre(const pb::FieldDescriptor& field) {
  return field.name() == "centre_id" ||
         (field.containing_type()->name() == "Centre" && field.name() == "id");
}

class FieldWalk {
 public:
  FieldWalk(const Secrets& secrets, std::string_view centre, std::vector<std::string>& leaks)
      : secrets_(secrets), centre_(centre), leaks_(leaks) {}

  void Walk(const pb::Message& message, const std::string& path) {
    const pb::Reflection* reflection = message.GetReflection();
    std::vector<const pb::FieldDescriptor*> fields;
    reflection->ListFields(message, &fields);
    for (const pb::FieldDescriptor* field : fields) {
      const int n = field->is_repeated() ? reflection->FieldSize(message, field) : 1;
      for (int i = 0; i < n; ++i) {
        const std::string here = path + "." + field->name() +
                                 (field->is_repeated() ? "[" + std::to_string(i) + "]" : "");
        Check(message, *field, field->is_repeated() ? i : -1, here);
      }
    }
  }

 private:
  void Check(const pb::Message& message, const pb::FieldDescriptor& field, int index,
             const std::string& path) {
    const pb::Reflection* r = message.GetReflection();
    switch (field.cpp_type()) {
      case pb::FieldDescriptor::CPPTYPE_MESSAGE:
        Walk(index < 0 ? r->GetMessage(message, &field)
                       : r->GetRepeatedMessage(message, &field, index),
             path);
        return;
      case pb::FieldDescriptor::CPPTYPE_INT64: {
        const std::set<std::int64_t>* ids = IdsNamedBy(secrets_, field);
        const std::int64_t value =
            index < 0 ? r->GetInt64(message, &field) : r->GetRepeatedInt64(message, &field, index);
        if (ids != nullptr && ids->count(value) > 0) {
          leaks_.push_back(path + " = " + std::to_string(value) + ", a record of the other centre");
        }
        return;
      }
      case pb::FieldDescriptor::CPPTYPE_STRING: {
        if (!NamesACentre(field)) return;
        const std::string value = index < 0 ? r->GetString(message, &field)
                                            : r->GetRepeatedString(message, &field, index);
        if (value != centre_)
          leaks_.push_back(path + " = \"" + value + "\", not the caller's centre");
        return;
      }
      default:
        return;
    }
  }

  const Secrets& secrets_;
  std::string_view centre_;
  std::vector<std::string>& leaks_;
};

// `response` without what the caller's own audit rows of refused requests echo back.
std::unique_ptr<pb::Message> WithoutOwnRefusals(const pb::Message& response,
                                                std::string_view caller_centre) {
  std::unique_ptr<pb::Message> copy(response.New());
  copy->CopyFrom(response);
  auto* events = dynamic_cast<assist::v1::ListAuditEventsResponse*>(copy.get());
  if (events == nullptr) return copy;
  for (assist::v1::AuditEvent& event : *events->mutable_events()) {
    const bool echoes_request =
        event.action() == "denied" || event.rpc().ends_with("ListAuditEvents");
    if (event.centre_id() != caller_centre || !echoes_request) continue;
    event.clear_detail();
    event.clear_case_id();
  }
  return copy;
}

}  // namespace

std::vector<std::string> FindLeaks(const Secrets& secrets, std::string_view caller_centre,
                                   const pb::Message& request, const grpc::Status& status,
                                   const pb::Message* response) {
  std::vector<std::string> leaks;
  std::unique_ptr<pb::Message> scrubbed;
  std::string response_bytes;
  if (response != nullptr) {
    scrubbed = WithoutOwnRefusals(*response, caller_centre);
    response_bytes = scrubbed->SerializeAsString();
    FieldWalk(secrets, caller_centre, leaks).Walk(*scrubbed, response->GetDescriptor()->name());
  }
  const std::string supplied = request.SerializeAsString();
  for (const std::string& text : secrets.texts) {
    if (supplied.find(text) != std::string::npos) continue;
    if (status.error_message().find(text) != std::string::npos) {
      leaks.push_back("the status message holds \"" + text + "\": " + status.error_message());
    }
    if (status.error_details().find(text) != std::string::npos) {
      leaks.push_back("the status details hold \"" + text + "\"");
    }
    if (response_bytes.find(text) != std::string::npos) {
      leaks.push_back("the response holds \"" + text + "\"");
    }
  }
  return leaks;
}

}  // namespace assist::it
