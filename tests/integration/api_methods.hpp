#pragma once
// The RPCs of the platform API as its service descriptors list them, so that a table of RPCs in a
// test is checked against the contract itself: a new RPC that the table misses fails the test.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <memory>
#include <string_view>
#include <vector>

namespace assist::it {

// PlatformService, CaseService, StaffService and AuditService of assist.v1 (AuditService last).
std::vector<const google::protobuf::ServiceDescriptor*> ApiServices();

// Every method of ApiServices(), in declaration order.
std::vector<const google::protobuf::MethodDescriptor*> ApiMethods();

// The method called `name` (e.g. "GetCase"); throws std::invalid_argument if there is none.
const google::protobuf::MethodDescriptor& ApiMethod(std::string_view name);

// Whether the method's request names one case (an int64 field case_id).
bool NamesACase(const google::protobuf::MethodDescriptor& method);

// An empty message of `type` (a generated assist.v1 message).
std::unique_ptr<google::protobuf::Message> NewMessage(const google::protobuf::Descriptor& type);

}  // namespace assist::it
