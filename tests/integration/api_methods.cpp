#include "api_methods.hpp"

#include <stdexcept>
#include <string>

#include "assist/v1/cases.pb.h"
#include "assist/v1/platform.pb.h"
#include "assist/v1/staff.pb.h"

namespace assist::it {

namespace pb = google::protobuf;

std::vector<const pb::ServiceDescriptor*> ApiServices() {
  const pb::FileDescriptor* platform = assist::v1::Centre::descriptor()->file();
  const pb::FileDescriptor* cases = assist::v1::Case::descriptor()->file();
  const pb::FileDescriptor* staff = assist::v1::StaffMember::descriptor()->file();
  return {platform->FindServiceByName("PlatformService"), cases->FindServiceByName("CaseService"),
          staff->FindServiceByName("StaffService"), cases->FindServiceByName("AuditService")};
}

std::vector<const pb::MethodDescriptor*> ApiMethods() {
  std::vector<const pb::MethodDescriptor*> methods;
  for (const pb::ServiceDescriptor* service : ApiServices()) {
    for (int i = 0; i < service->method_count(); ++i) methods.push_back(service->method(i));
  }
  return methods;
}

const pb::MethodDescriptor& ApiMethod(std::string_view name) {
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    if (method->name() == name) return *method;
  }
  throw std::invalid_argument("no RPC " + std::string(name) + " in the assist.v1 services");
}

bool NamesACase(const pb::MethodDescriptor& method) {
  const pb::FieldDescriptor* field = method.input_type()->FindFieldByName("case_id");
  return field != nullptr && field->type() == pb::FieldDescriptor::TYPE_INT64 &&
         !field->is_repeated();
}

std::unique_ptr<pb::Message> NewMessage(const pb::Descriptor& type) {
  const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(&type);
  if (prototype == nullptr) throw std::invalid_argument("no generated type " + type.full_name());
  return std::unique_ptr<pb::Message>(prototype->New());
}

}  // namespace assist::it
