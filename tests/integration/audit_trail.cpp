#include "audit_trail.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "api_methods.hpp"
#include "assist/v1/cases.pb.h"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

// "GetCase" also when the host writes "/assist.v1.CaseService/GetCase".
std::string MethodName(const std::string& rpc) {
  const std::size_t slash = rpc.rfind('/');
  return slash == std::string::npos ? rpc : rpc.substr(slash + 1);
}

std::string Lines(std::vector<std::string> rows) {
  std::sort(rows.begin(), rows.end());
  std::string text;
  for (const std::string& row : rows) text += "  " + row + "\n";
  return text;
}

}  // namespace

std::string AuditRow::Text() const {
  return rpc + " " + action + " by " + actor_id + " (" + role + ") case " +
         std::to_string(case_id) + " request " + request_id;
}

void AuditFollower::ExpectGained(std::vector<AuditRow> expected, const std::string& request_id) {
  if (!last_listing_.empty()) {
    expected.push_back({"ListAuditEvents", "read", std::string(reader_.actor_id),
                        std::string(reader_.role), case_id_, last_listing_});
  }
  v1::ListAuditEventsRequest request;
  request.set_case_id(case_id_);
  request.set_page_size(1000);
  std::string bytes;
  ASSERT_TRUE(IsOk(client_.CallMethod(ApiMethod("ListAuditEvents"), reader_.token, request, &bytes,
                                      request_id)));
  last_listing_ = request_id;
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(events.ParseFromString(bytes));
  ASSERT_TRUE(events.next_page_token().empty());
  std::vector<std::string> gained;
  for (const v1::AuditEvent& event : events.events()) {
    const auto seen = seen_.find(event.id());
    if (seen != seen_.end()) {
      EXPECT_EQ(event.SerializeAsString(), seen->second)
          << "FAIL: audit row " << event.id() << " changed: " << event.ShortDebugString();
      continue;
    }
    seen_[event.id()] = event.SerializeAsString();
    gained.push_back(AuditRow{MethodName(event.rpc()), event.action(), event.actor_id(),
                              v1::Role_Name(event.role()), event.case_id(), event.request_id()}
                         .Text());
  }
  std::vector<std::string> wanted;
  for (const AuditRow& row : expected) wanted.push_back(row.Text());
  EXPECT_EQ(Lines(gained), Lines(wanted))
      << "FAIL: the audit trail of case " << case_id_ << " did not gain exactly the rows expected"
      << " (listing " << request_id << ")";
  EXPECT_EQ(seen_.size(), static_cast<std::size_t>(events.events_size()))
      << "FAIL: rows read before are gone from the trail";
}

void AuditFollower::CatchUp(const std::string& request_id) {
  v1::ListAuditEventsRequest request;
  request.set_case_id(case_id_);
  request.set_page_size(1000);
  std::string bytes;
  ASSERT_TRUE(IsOk(client_.CallMethod(ApiMethod("ListAuditEvents"), reader_.token, request, &bytes,
                                      request_id)));
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(events.ParseFromString(bytes));
  ASSERT_TRUE(events.next_page_token().empty());
  seen_.clear();
  for (const v1::AuditEvent& event : events.events()) {
    seen_[event.id()] = event.SerializeAsString();
  }
  last_listing_ = request_id;  // its own row comes with the next listing
}

}  // namespace assist::it
