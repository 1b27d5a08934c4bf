// Tamper evidence over real gRPC (issue 10): each trail is a hash chain that VerifyAuditTrail
// walks. Rows rewritten, deleted, reordered or forged directly in the database (as whoever holds
// the SQLite file or a PostgreSQL superuser login can) are each reported at the first broken
// link; an untouched trail verifies, also after retention (the RPC and the host's own sweep)
// anonymised cases; the operator's refusals are in the platform trail, which the platform auditor
// reads and verifies; and two hosts appending to one PostgreSQL database at once leave chains
// that verify.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "api_methods.hpp"
#include "case_steps.hpp"
#include "fault_support.hpp"
#include "host_test.hpp"
#include "race_support.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

using Kind = v1::AuditChainBreak;

// A family case of Sopot referred and closed in 2010: past any retention period.
void OldClosedCase(Client& client, std::int64_t* case_id) {
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client, Sopot(), &family_id));
  v1::OpenCaseRequest open;
  open.set_type_id("family");
  open.set_family_id(family_id);
  open.set_referral_reason("school reports neglect");
  open.set_referred_on("2010-01-04");
  v1::Case old;
  ASSERT_TRUE(IsOk(client.Call(Sopot().worker, &Cases::OpenCase, open, &old)));
  v1::CloseCaseRequest close;
  close.set_case_id(old.id());
  close.set_reason(v1::CLOSURE_REASON_NO_COOPERATION);
  close.set_closed_on("2010-06-30");
  v1::Case closed;
  ASSERT_TRUE(IsOk(client.Call(Sopot().worker, &Cases::CloseCase, close, &closed)));
  *case_id = old.id();
}

class AuditChainTest : public HostTest {
 protected:
  // Sopot's trail gains the rows of a whole family case.
  void Work() {
    v1::Case closed;
    ASSERT_NO_FATAL_FAILURE(NewClosedFamilyCase(client(), Sopot(), &closed));
  }

  v1::VerifyAuditTrailResponse Verify(const Identity& who) {
    v1::VerifyAuditTrailResponse answer;
    const grpc::Status status =
        client().Call(who, &Audit::VerifyAuditTrail, v1::VerifyAuditTrailRequest(), &answer);
    EXPECT_TRUE(IsOk(status)) << Describe(status);
    return answer;
  }

  // The id of Sopot's row at sequence number `seq`, read from the database.
  std::string IdAt(int seq) {
    const Rows rows =
        Query(database(), "SELECT id FROM audit_events WHERE centre_id = '" + std::string(kSopot) +
                              "' AND seq = " + std::to_string(seq));
    return rows.empty() ? "" : rows[0][0];
  }

  // Runs `statements` on Sopot's rows with the trail's guards out of the way.
  void Tamper(const std::vector<std::string>& statements) {
    if (GetParam() == Backend::kSqlite) {
      for (const char* trigger :
           {"audit_events_no_update", "audit_events_no_delete", "audit_events_no_replace"}) {
        Query(database(), std::string("DROP TRIGGER ") + trigger);
      }
    } else {
      Query(database(), "ALTER TABLE audit_events DISABLE TRIGGER USER");
    }
    for (const std::string& statement : statements) Query(database(), statement);
  }

  static std::string OfSopot(const std::string& condition) {
    return " WHERE centre_id = '" + std::string(kSopot) + "' AND " + condition;
  }

  // Expects Sopot's trail broken first at `seq`, at event `event_id`, with `kind`.
  void ExpectBroken(Kind::Kind kind, int seq, const std::string& event_id) {
    const v1::VerifyAuditTrailResponse answer = Verify(Sopot().auditor);
    EXPECT_FALSE(answer.intact());
    EXPECT_EQ(Kind::Kind_Name(answer.first_break().kind()), Kind::Kind_Name(kind))
        << answer.ShortDebugString();
    EXPECT_EQ(answer.first_break().sequence(), seq) << answer.ShortDebugString();
    EXPECT_EQ(std::to_string(answer.first_break().event_id()), event_id)
        << answer.ShortDebugString();
    // The head also answers for the others.
    EXPECT_TRUE(Verify(Jastrzebia().auditor).intact());
  }
};

TEST_P(AuditChainTest, AnUntouchedTrailVerifiesAlsoAfterRetention) {
  ASSERT_NO_FATAL_FAILURE(Work());
  v1::VerifyAuditTrailResponse answer = Verify(Sopot().auditor);
  EXPECT_TRUE(answer.intact()) << answer.ShortDebugString();
  EXPECT_GE(answer.rows_checked(), 8);
  EXPECT_EQ(answer.head_sequence(), answer.rows_checked()) << "a new database has no older rows";
  EXPECT_EQ(answer.head_hash().size(), 64u);

  // The newest events carry the chain: the head's sequence number and hash are the last row's.
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(IsOk(
      client().Call(Sopot().head, &Audit::ListAuditEvents, v1::ListAuditEventsRequest(), &events)));
  ASSERT_GE(events.events_size(), 2);
  EXPECT_EQ(events.events(0).rpc(), "VerifyAuditTrail");  // recorded after the rows it checked
  EXPECT_EQ(events.events(0).sequence(), answer.head_sequence() + 1);
  EXPECT_EQ(events.events(1).sequence(), answer.head_sequence());
  EXPECT_EQ(events.events(1).hash(), answer.head_hash());

  // A case closed long ago, anonymised by retention: its rows stay, the chain still verifies.
  std::int64_t old = 0;
  ASSERT_NO_FATAL_FAILURE(OldClosedCase(client(), &old));
  v1::ApplyRetentionResponse retention;
  ASSERT_TRUE(IsOk(client().Call(Sopot().head, &Cases::ApplyRetention, v1::ApplyRetentionRequest(),
                                 &retention)));
  ASSERT_EQ(retention.anonymised_case_ids_size(), 1);
  answer = Verify(Sopot().head);
  EXPECT_TRUE(answer.intact()) << answer.ShortDebugString();
}

TEST_P(AuditChainTest, ARewrittenRowIsReported) {
  ASSERT_NO_FATAL_FAILURE(Work());
  const std::string id = IdAt(4);
  Tamper({"UPDATE audit_events SET actor_id = 'nobody'" + OfSopot("seq = 4")});
  ExpectBroken(Kind::KIND_CONTENT_REWRITTEN, 4, id);
}

TEST_P(AuditChainTest, ADeletedRowIsReported) {
  ASSERT_NO_FATAL_FAILURE(Work());
  const std::string next = IdAt(5);
  Tamper({"DELETE FROM audit_events" + OfSopot("seq = 4")});
  ExpectBroken(Kind::KIND_ROW_MISSING, 4, next);
}

TEST_P(AuditChainTest, ReorderedRowsAreReported) {
  ASSERT_NO_FATAL_FAILURE(Work());
  const std::string moved_up = IdAt(5);
  Tamper({"UPDATE audit_events SET seq = -4" + OfSopot("seq = 4"),
          "UPDATE audit_events SET seq = 4" + OfSopot("seq = 5"),
          "UPDATE audit_events SET seq = 5" + OfSopot("seq = -4")});
  ExpectBroken(Kind::KIND_ROWS_REORDERED, 4, moved_up);
}

TEST_P(AuditChainTest, AForgedRowIsReported) {
  ASSERT_NO_FATAL_FAILURE(Work());
  const std::string head =
      Query(database(),
            "SELECT seq FROM audit_chain_heads WHERE centre_id = '" + std::string(kSopot) + "'")
          .at(0)
          .at(0);
  const std::string seq = std::to_string(std::stoll(head) + 1);
  // A plausible row with a made-up hash after the last one (no append moved the head there).
  Tamper(
      {"INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, detail, "
       "request_id, seq, hash) VALUES ('2026-12-01T08:00:00Z', 'sopot.head', 1, '" +
       std::string(kSopot) + "', 'CloseCase', 1, 'write', 'closed', 'forged', " + seq + ", '" +
       std::string(64, 'a') + "')"});
  const std::string forged = IdAt(std::stoi(seq));
  ExpectBroken(Kind::KIND_FORGED_ROW, std::stoi(seq), forged);
  // The trail still takes rows (the verification's own went beside the forged one), and the
  // forged row is still found, now as a second row at a taken place.
  ExpectBroken(Kind::KIND_FORGED_ROW, std::stoi(seq), forged);
}

// The operator belongs to no centre: its refusals (and what else it does outside any centre) are
// the platform trail, which only the platform auditor reads and verifies.
TEST_P(AuditChainTest, TheOperatorsRefusalsAreInThePlatformTrail) {
  v1::GetCaseRequest probe;
  probe.set_case_id(1);
  v1::CaseDetail ignored;
  std::string bytes;
  const grpc::Status refused =
      client().CallMethod(ApiMethod("GetCase"), Operator().token, probe, &bytes, "op-probe");
  ASSERT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);

  v1::ListAuditEventsResponse platform;
  ASSERT_TRUE(IsOk(client().Call(PlatformAuditor(), &Audit::ListAuditEvents,
                                 v1::ListAuditEventsRequest(), &platform)));
  bool found = false;
  for (const v1::AuditEvent& event : platform.events()) {
    EXPECT_EQ(event.centre_id(), "") << event.ShortDebugString();
    found = found || (event.request_id() == "op-probe" && event.action() == "denied" &&
                      event.actor_id() == Operator().actor_id && event.rpc() == "GetCase");
  }
  EXPECT_TRUE(found) << platform.ShortDebugString();
  const v1::VerifyAuditTrailResponse verified = Verify(PlatformAuditor());
  EXPECT_TRUE(verified.intact()) << verified.ShortDebugString();
  EXPECT_GE(verified.rows_checked(), 2);  // the refusal and the auditor's reading

  // Nobody else reads it: Sopot's auditor reads Sopot's trail; the operator reads no trail.
  v1::ListAuditEventsResponse sopot;
  ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Audit::ListAuditEvents,
                                 v1::ListAuditEventsRequest(), &sopot)));
  for (const v1::AuditEvent& event : sopot.events()) EXPECT_EQ(event.centre_id(), kSopot);
  v1::VerifyAuditTrailResponse none;
  EXPECT_EQ(client()
                .Call(Operator(), &Audit::VerifyAuditTrail, v1::VerifyAuditTrailRequest(), &none)
                .error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // The platform auditor does nothing else, and its refusals are in its own trail.
  EXPECT_EQ(client().Call(PlatformAuditor(), &Cases::GetCase, probe, &ignored).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_TRUE(Verify(PlatformAuditor()).intact());
}

INSTANTIATE_BACKENDS(AuditChainTest);

// The host's own retention sweep (at start-up, then daily) appends its rows as "assist-host":
// the chain still verifies after it.
class AuditChainSweepTest : public HostGroupTest {};

TEST_P(AuditChainSweepTest, TheSweepAtStartUpKeepsTheChainVerifiable) {
  ASSERT_NO_FATAL_FAILURE(PrepareDatabase());
  if (IsSkipped()) return;
  ASSERT_NO_FATAL_FAILURE(StartHosts(1));
  std::int64_t old = 0;
  ASSERT_NO_FATAL_FAILURE(OldClosedCase(client(), &old));
  ASSERT_NO_FATAL_FAILURE(StopHosts());
  ASSERT_NO_FATAL_FAILURE(StartHosts(1));
  v1::ListAuditEventsRequest of_case;
  of_case.set_case_id(old);
  bool swept = false;
  for (int attempt = 0; attempt < 100 && !swept; ++attempt) {
    v1::ListAuditEventsResponse events;
    ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Audit::ListAuditEvents, of_case, &events)));
    for (const v1::AuditEvent& event : events.events()) {
      swept = swept || (event.rpc() == "ApplyRetention" && event.actor_id() == "assist-host");
    }
    if (!swept) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(swept) << "the sweep at start-up did not anonymise the case\n" << HostOutputs();
  v1::VerifyAuditTrailResponse answer;
  ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Audit::VerifyAuditTrail,
                                 v1::VerifyAuditTrailRequest(), &answer)));
  EXPECT_TRUE(answer.intact()) << answer.ShortDebugString();
}

INSTANTIATE_BACKENDS(AuditChainSweepTest);

// Two hosts on one PostgreSQL database, their executor threads appending to the same trails at
// once: every append takes its turn at the trail's head, so the chains verify.
class AuditChainRaceTest : public HostGroupTest {};

TEST_P(AuditChainRaceTest, TwoHostsAppendingTogetherLeaveChainsThatVerify) {
  ASSERT_NO_FATAL_FAILURE(PrepareDatabase());
  if (IsSkipped()) return;
  ASSERT_NO_FATAL_FAILURE(StartHosts(2));
  constexpr int kCallers = 16;
  constexpr int kRounds = 5;
  v1::GetCentreRequest centre;
  centre.set_id(std::string(kSopot));
  v1::GetCaseRequest probe;
  probe.set_case_id(1);
  for (int round = 0; round < kRounds; ++round) {
    const auto answers = RunTogether<grpc::StatusCode>(kCallers, [&](int index) {
      // Half read Sopot's centre (Sopot's trail), half are refused as the operator (the platform
      // trail); callers alternate between the two hosts.
      if (index % 4 < 2) {
        v1::Centre got;
        return caller(index).Call(Sopot().worker, &Platform::GetCentre, centre, &got).error_code();
      }
      v1::CaseDetail none;
      return caller(index).Call(Operator(), &Cases::GetCase, probe, &none).error_code();
    });
    for (int index = 0; index < kCallers; ++index) {
      EXPECT_EQ(answers[index],
                index % 4 < 2 ? grpc::StatusCode::OK : grpc::StatusCode::PERMISSION_DENIED)
          << HostOutputs();
    }
  }
  for (const Identity* who : {&Sopot().auditor, &PlatformAuditor()}) {
    v1::VerifyAuditTrailResponse answer;
    ASSERT_TRUE(IsOk(
        client(1).Call(*who, &Audit::VerifyAuditTrail, v1::VerifyAuditTrailRequest(), &answer)));
    EXPECT_TRUE(answer.intact()) << who->actor_id << ": " << answer.ShortDebugString();
    EXPECT_GE(answer.rows_checked(), kCallers / 2 * kRounds) << who->actor_id;
    std::cout << who->actor_id << ": " << answer.rows_checked() << " rows verified\n";
  }
}

INSTANTIATE_POSTGRESQL_ONLY(AuditChainRaceTest);

}  // namespace
}  // namespace assist::it
