#pragma once
// Following one case's audit trail as its auditor reads it: after each step, the rows the trail
// gained since the last reading, with every row read before still there unchanged.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "client.hpp"
#include "identities.hpp"

namespace assist::it {

// One audit row as the tests compare it.
struct AuditRow {
  std::string rpc;     // the method name ("GetCase")
  std::string action;  // "read", "write", "denied" or "rejected"
  std::string actor_id;
  std::string role;  // assist.v1.Role value name
  std::int64_t case_id = 0;
  std::string request_id;

  std::string Text() const;
};

class AuditFollower {
 public:
  AuditFollower(Client& client, const Identity& reader) : client_(client), reader_(reader) {}

  void Follow(std::int64_t case_id) { case_id_ = case_id; }
  std::int64_t case_id() const { return case_id_; }

  // Lists the case's trail with x-request-id `request_id` and checks (gtest) that the rows read
  // before are unchanged and that the new ones are exactly `expected` plus the row of the
  // previous listing.
  void ExpectGained(std::vector<AuditRow> expected, const std::string& request_id);
  // Lists the case's trail with x-request-id `request_id` and takes every row in it as read:
  // following a case from some step on, when the rows of the steps before it are not the test's.
  void CatchUp(const std::string& request_id);

 private:
  Client& client_;
  const Identity& reader_;
  std::int64_t case_id_ = 0;
  std::map<std::int64_t, std::string> seen_;  // audit row id -> the row as first read
  std::string last_listing_;                  // request id of the previous listing
};

}  // namespace assist::it
