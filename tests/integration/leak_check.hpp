#pragma once
// Whether an answer to a caller of one centre gives away records of another centre.
#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace assist::it {

// What another centre holds: texts (names, notes, its id and its staff's ids) and record ids.
struct Secrets {
  std::vector<std::string> texts;
  std::set<std::int64_t> case_ids;
  std::set<std::int64_t> person_ids;
  std::set<std::int64_t> family_ids;
  std::set<std::int64_t> contact_ids;
  std::set<std::int64_t> review_ids;
};

// The leaks of `secrets` in the answer (`status`, and `response` when OK) to `request` by a
// caller of `caller_centre`, described for a failure message; empty when there is none:
//  - a secret text in the status message, its details or the response bytes (plugin payloads
//    inside Any included), unless the caller's own request holds that text;
//  - a field naming a record (Case.id, any case_id, person_id, family_id, Person.id, ...) whose
//    value is an id of the other centre's records;
//  - a centre_id (or Centre.id) other than the caller's.
// The caller's own audit trail records what its staff asked for in refused requests (action
// "denied") and in their reads of the trail (ListAuditEvents): the case id and the detail of
// those rows are not held against it.
std::vector<std::string> FindLeaks(const Secrets& secrets, std::string_view caller_centre,
                                   const google::protobuf::Message& request,
                                   const grpc::Status& status,
                                   const google::protobuf::Message* response);

}  // namespace assist::it
