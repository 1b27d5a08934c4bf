// Tenancy, RPC by RPC: every RPC of the API (as the service descriptors list them) called by
// every member of Jastrzębia's staff with the ids of Sopot's records answers NOT_FOUND,
// PERMISSION_DENIED or Jastrzębia's own data, never anything of Sopot's, and changes nothing in
// Sopot. Within Sopot, an assistant gets NOT_FOUND for every RPC about a case not assigned to
// them, the operator none about people or cases, and the platform auditor nothing but the
// platform trail.
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <set>

#include "api_methods.hpp"
#include "assist/v1/cases.pb.h"
#include "cross_centre_probes.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace pb = google::protobuf;
namespace v1 = assist::v1;
using grpc::StatusCode;

// Jastrzębia has no case, so any count in its statistics is someone else's.
void AddCountedCases(const pb::Message& response, std::vector<std::string>& leaks) {
  const auto* statistics = dynamic_cast<const v1::Statistics*>(&response);
  if (statistics == nullptr) return;
  for (const v1::TypeStatistics& type : statistics->types()) {
    int counted = type.cases_served() + type.cases_opened() + type.cases_closed() +
                  type.open_at_year_end() + type.people_served() + type.families_served() +
                  type.assistants();
    for (const v1::IndicatorSummary& indicator : type.indicators()) counted += indicator.cases();
    if (counted > 0) {
      leaks.push_back("statistics count cases of another centre: " + type.ShortDebugString());
    }
  }
}

struct Tally {
  int attempts = 0;
  int leaking_attempts = 0;
  std::vector<std::string> leaks;       // what each leaking attempt gave away
  std::vector<std::string> unexpected;  // answers that are no leak but not what the API promises
};

class CrossCentreTest : public HostTest {
 protected:
  void SetUp() override {
    HostTest::SetUp();
    if (HasFatalFailure() || IsSkipped()) return;
    ASSERT_NO_FATAL_FAILURE(CreateSopotRecords(client(), &sopot_));
    ASSERT_NO_FATAL_FAILURE(SnapshotSopot(client(), sopot_, &before_));
    probes_ = CrossCentreProbes(sopot_);
  }

  // Every RPC of the descriptors has probes, and every probe is for an RPC of the descriptors.
  void ExpectEveryRpcProbed() {
    std::set<std::string> api;
    for (const pb::MethodDescriptor* method : ApiMethods()) {
      api.insert(method->name());
      const auto it = probes_.find(method->name());
      EXPECT_TRUE(it != probes_.end() && !it->second.empty())
          << "FAIL: no cross-centre probe for " << method->full_name()
          << ": add it to tests/integration/cross_centre_probes.cpp";
    }
    for (const auto& [rpc, ignored] : probes_) {
      EXPECT_EQ(api.count(rpc), 1u) << "probe for an RPC the API does not have: " << rpc;
    }
  }

  void Attempt(const pb::MethodDescriptor& method, const Identity& who, const Probe& probe,
               Tally& tally) {
    ++tally.attempts;
    std::string bytes;
    const grpc::Status status = client().CallMethod(method, who.token, *probe.request, &bytes);
    std::unique_ptr<pb::Message> response;
    if (status.ok()) {
      response = NewMessage(*method.output_type());
      if (!response->ParseFromString(bytes)) response.reset();
    }
    std::vector<std::string> leaks =
        FindLeaks(sopot_.secrets, who.centre_id, *probe.request, status, response.get());
    if (response) AddCountedCases(*response, leaks);
    const StatusCode code = status.error_code();
    const bool refused = code == StatusCode::NOT_FOUND || code == StatusCode::PERMISSION_DENIED ||
                         std::count(probe.refused_with.begin(), probe.refused_with.end(), code);
    if (status.ok() && !response) {
      tally.unexpected.push_back(What(method, who, probe) + ": unparseable response");
    } else if (status.ok() && probe.names_sopot) {
      leaks.push_back("accepted: " + response->ShortDebugString().substr(0, 300));
    } else if (!status.ok() && !refused && probe.names_sopot) {
      leaks.push_back("answered " + Describe(status) + ", which tells the record exists");
    } else if (!status.ok() && !refused) {
      tally.unexpected.push_back(What(method, who, probe) + ": " + Describe(status));
    }
    if (!leaks.empty()) ++tally.leaking_attempts;
    for (const std::string& leak : leaks) {
      tally.leaks.push_back(What(method, who, probe) + ": " + leak);
    }
  }

  static std::string What(const pb::MethodDescriptor& method, const Identity& who,
                          const Probe& probe) {
    return std::string(who.actor_id) + " " + method.name() + "(" +
           probe.request->ShortDebugString().substr(0, 120) + ")";
  }

  void ExpectSopotUnchanged() {
    std::string after;
    ASSERT_NO_FATAL_FAILURE(SnapshotSopot(client(), sopot_, &after));
    EXPECT_EQ(after, before_) << "FAIL: Sopot's records changed";
  }

  // The leak checker is no formality: Sopot's own answers, taken as given to Jastrzębia, leak.
  void ExpectCheckerSeesSopotsOwnAnswers() {
    for (const char* rpc : {"GetCase", "ListContacts", "GetPerson"}) {
      const pb::MethodDescriptor& method = ApiMethod(rpc);
      const Probe& probe = probes_[rpc].front();
      std::string bytes;
      ASSERT_TRUE(IsOk(client().CallMethod(method, Sopot().head.token, *probe.request, &bytes)));
      std::unique_ptr<pb::Message> response = NewMessage(*method.output_type());
      ASSERT_TRUE(response->ParseFromString(bytes));
      const std::vector<std::string> leaks =
          FindLeaks(sopot_.secrets, kJastrzebia, *probe.request, grpc::Status::OK, response.get());
      EXPECT_GE(leaks.size(), 3u) << rpc << ": the checker misses Sopot's own data in "
                                  << response->ShortDebugString();
    }
  }

  // Jastrzębia's refusals are recorded in Jastrzębia's trail, not in Sopot's.
  void ExpectNoJastrzebiaRowInSopotTrail() {
    v1::ListAuditEventsRequest request;
    request.set_page_size(1000);
    int rows = 0;
    for (int page = 0; page < 100; ++page) {
      v1::ListAuditEventsResponse events;
      ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Audit::ListAuditEvents, request, &events)));
      for (const v1::AuditEvent& event : events.events()) {
        ++rows;
        EXPECT_EQ(event.centre_id(), kSopot) << event.ShortDebugString();
        EXPECT_FALSE(event.actor_id().starts_with("jastrzebia.")) << event.ShortDebugString();
      }
      if (events.next_page_token().empty()) break;
      request.set_page_token(events.next_page_token());
    }
    EXPECT_GT(rows, 30) << "Sopot's own work is in its trail";
  }

  SopotRecords sopot_;
  std::string before_;
  std::map<std::string, std::vector<Probe>> probes_;
};

std::string Join(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += "  " + line + "\n";
  return text;
}

TEST_P(CrossCentreTest, NoRpcGivesJastrzebiaAnythingOfSopot) {
  ASSERT_NO_FATAL_FAILURE(ExpectEveryRpcProbed());
  ASSERT_NO_FATAL_FAILURE(ExpectCheckerSeesSopotsOwnAnswers());
  const CentreStaff& staff = Jastrzebia();
  Tally tally;
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    for (const Probe& probe : probes_[method->name()]) {
      for (const Identity& who : {staff.head, staff.worker, staff.assistant, staff.other_assistant,
                                  staff.auditor, staff.app}) {
        Attempt(*method, who, probe, tally);
      }
    }
  }
  std::cout << tally.leaking_attempts << " leaks out of " << tally.attempts << " attempts\n";
  EXPECT_TRUE(tally.leaks.empty()) << "FAIL: HOST LEAKS Sopot's records to gops-jastrzebia:\n"
                                   << Join(tally.leaks);
  EXPECT_TRUE(tally.unexpected.empty()) << "unexpected answers:\n" << Join(tally.unexpected);
  EXPECT_GT(tally.attempts, 300);
  ASSERT_NO_FATAL_FAILURE(ExpectSopotUnchanged());
  ASSERT_NO_FATAL_FAILURE(ExpectNoJastrzebiaRowInSopotTrail());
}

TEST_P(CrossCentreTest, UnassignedAssistantFindsNoCaseNorItsPeople) {
  Tally tally;
  int probed_rpcs = 0;
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    const bool people = method->name() == "GetPerson" || method->name() == "GetFamily";
    if (!NamesACase(*method) && !people) continue;
    ++probed_rpcs;
    // policy.cpp: an assistant assigns nobody, ends no assignment, approves no plan, transfers
    // no case and does not read the audit trail.
    const bool role_allowed = method->name() != "AssignAssistant" &&
                              method->name() != "EndAssignment" &&
                              method->name() != "ApprovePlan" && method->name() != "TransferCase" &&
                              method->name() != "ListAuditEvents";
    for (const Probe& probe : probes_[method->name()]) {
      ++tally.attempts;
      std::string ignored;
      const grpc::Status status =
          client().CallMethod(*method, Sopot().other_assistant.token, *probe.request, &ignored);
      const StatusCode expected =
          role_allowed ? StatusCode::NOT_FOUND : StatusCode::PERMISSION_DENIED;
      if (status.error_code() != expected) {
        ++tally.leaking_attempts;
        tally.leaks.push_back(What(*method, Sopot().other_assistant, probe) + ": expected " +
                              CodeName(expected) + ", got " + Describe(status));
      }
    }
  }
  std::cout << tally.leaking_attempts << " leaks out of " << tally.attempts << " attempts\n";
  EXPECT_GE(probed_rpcs, 17) << "fewer case and people RPCs in the descriptors than expected";
  EXPECT_TRUE(tally.leaks.empty()) << "FAIL: an unassigned assistant reaches a case:\n"
                                   << Join(tally.leaks);
  ASSERT_NO_FATAL_FAILURE(ExpectSopotUnchanged());
}

TEST_P(CrossCentreTest, OperatorGetsNoPersonNorCase) {
  Tally tally;
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    if (method->service()->name() == "PlatformService") continue;  // centres are the operator's
    // So are the centres' staff registers (not the loads, which count cases).
    if (method->service()->name() == "StaffService" && method->name() != "ListCaseloads") continue;
    for (const Probe& probe : probes_[method->name()]) {
      ++tally.attempts;
      std::string ignored;
      const grpc::Status status =
          client().CallMethod(*method, Operator().token, *probe.request, &ignored);
      if (status.error_code() != StatusCode::PERMISSION_DENIED) {
        ++tally.leaking_attempts;
        tally.leaks.push_back(What(*method, Operator(), probe) +
                              ": expected PERMISSION_DENIED, got " + Describe(status));
      }
    }
  }
  std::cout << tally.leaking_attempts << " leaks out of " << tally.attempts << " attempts\n";
  EXPECT_TRUE(tally.leaks.empty()) << "FAIL: the operator reaches people or cases:\n"
                                   << Join(tally.leaks);
  ASSERT_NO_FATAL_FAILURE(ExpectSopotUnchanged());
}

// The platform auditor belongs to no centre: the audit RPCs answer with the platform trail only,
// everything else is PERMISSION_DENIED.
TEST_P(CrossCentreTest, PlatformAuditorReadsOnlyThePlatformTrail) {
  Tally tally;
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    const bool audit = method->service()->name() == "AuditService";
    for (const Probe& probe : probes_[method->name()]) {
      ++tally.attempts;
      std::string bytes;
      const grpc::Status status =
          client().CallMethod(*method, PlatformAuditor().token, *probe.request, &bytes);
      std::unique_ptr<pb::Message> response;
      if (status.ok()) {
        response = NewMessage(*method->output_type());
        if (!response->ParseFromString(bytes)) response.reset();
      }
      std::vector<std::string> leaks =
          FindLeaks(sopot_.secrets, "", *probe.request, status, response.get());
      const StatusCode expected = audit ? StatusCode::OK : StatusCode::PERMISSION_DENIED;
      if (status.error_code() != expected) {
        leaks.push_back("expected " + CodeName(expected) + ", got " + Describe(status));
      }
      if (!leaks.empty()) ++tally.leaking_attempts;
      for (const std::string& leak : leaks) {
        tally.leaks.push_back(What(*method, PlatformAuditor(), probe) + ": " + leak);
      }
    }
  }
  std::cout << tally.leaking_attempts << " leaks out of " << tally.attempts << " attempts\n";
  EXPECT_TRUE(tally.leaks.empty()) << "FAIL: the platform auditor reaches a centre:\n"
                                   << Join(tally.leaks);
  EXPECT_GT(tally.attempts, 30);
  ASSERT_NO_FATAL_FAILURE(ExpectSopotUnchanged());
}

INSTANTIATE_BACKENDS(CrossCentreTest);

}  // namespace
}  // namespace assist::it
