// Transfers of a case to another centre (domain/case_transfers.hpp): accepting one registers the
// subject at the receiving centre (reusing a person with the same PESEL), opens a case there with
// copies of the intake and the plan in force, and closes the origin TRANSFERRED, at once; refusals
// write nothing; a transfer is seen by the two centres it joins only; the database holds one
// pending transfer per case. On a real database of each backend.
#include "domain/case_transfers.hpp"

#include <gtest/gtest.h>

#include "domain/case_queries.hpp"
#include "domain/closure_reasons.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;
using testing::As;

// The PreconditionFailure types, the BadRequest fields, or the ErrorInfo reason of a refusal.
std::string DetailOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  std::string out;
  for (const auto& any : details.details()) {
    google::rpc::PreconditionFailure failure;
    google::rpc::BadRequest bad;
    google::rpc::ErrorInfo info;
    if (any.Is<google::rpc::PreconditionFailure>() && any.UnpackTo(&failure)) {
      for (const auto& v : failure.violations()) out += v.type() + " ";
    } else if (any.Is<google::rpc::BadRequest>() && any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) out += v.field() + " ";
    } else if (status.error_code() == grpc::StatusCode::ALREADY_EXISTS &&
               any.Is<google::rpc::ErrorInfo>() && any.UnpackTo(&info)) {
      out += info.reason() + " ";
    }
  }
  return out;
}

Payload Json(const std::string& json) {
  Payload p;
  p.set_json(json);
  return p;
}

class CaseTransfersTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    SetUpWorkflow(1);  // one year of retention: the retention test's origin is due
    if (IsSkipped() || HasFatalFailure()) return;
    queries_ = std::make_unique<CaseQueries>(*registry_, *centres_);
    transfers_ = std::make_unique<CaseTransfers>(*registry_, *centres_);
    for (const auto& [id, types] : {std::pair<std::string, bool>{"east", true}, {"west", false}}) {
      CreateCentreRequest c;
      c.set_id(id);
      c.set_name("Centre " + id);
      c.set_municipality(id);
      if (types) c.add_enabled_types("testplug");
      Do([&](Transaction& tx) { return centres_->Create(tx, operator_, c); });
    }
  }

  template <typename F>
  grpc::Status StatusOf(F f) {
    try {
      Do(f);
      return grpc::Status::OK;
    } catch (const RpcError& e) {
      return e.status();
    }
  }

  Person NewPerson(const Identity& who, const std::string& given, const std::string& birth,
                   const std::string& pesel) {
    CreatePersonRequest p;
    p.set_given_name(given);
    p.set_family_name("Nowak");
    p.set_birth_date(birth);
    p.set_pesel(pesel);
    p.set_case_file_ref("NORTH-1");
    return Do([&](Transaction& tx) { return CreatePerson(tx, who, p); });
  }

  // Opened at north on 2024-01-10, assigned to asia, consent given, with an intake and a plan.
  long long WorkedCase(OpenCaseRequest open) {
    open.set_type_id("testplug");
    open.set_referral_reason("rent arrears");
    open.set_referred_on("2024-01-10");
    const long long id =
        Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, open); }).id();
    AssignAssistantRequest assign;
    assign.set_case_id(id);
    assign.set_assistant_id("asia");
    assign.set_assigned_on("2024-01-15");
    Do([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, assign); });
    RecordConsentRequest consent;
    consent.set_case_id(id);
    consent.set_decision(CONSENT_STATE_GIVEN);
    consent.set_decided_on("2024-01-20");
    Do([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, consent); });
    for (const char* household : {"with parents", "alone"}) {
      SubmitIntakeRequest intake;
      intake.set_case_id(id);
      *intake.mutable_intake() = Json(std::string(R"({"household": ")") + household + "\"}");
      Do([&](Transaction& tx) { return workflow_->SubmitIntake(tx, asia_, intake); });
    }
    SubmitPlanRequest plan;
    plan.set_case_id(id);
    *plan.mutable_plan() = Json(R"({"goals": ["pay the rent"]})");
    Do([&](Transaction& tx) { return workflow_->SubmitPlan(tx, asia_, plan); });
    return id;
  }

  long long PersonCase() {
    person_ = NewPerson(worker_, "Anna", "1985-04-12", "85041212344");
    OpenCaseRequest open;
    open.set_person_id(person_.id());
    return WorkedCase(open);
  }

  TransferCaseRequest Asking(long long case_id, const std::string& to = "south",
                             const std::string& on = "2024-03-01") {
    TransferCaseRequest r;
    r.set_case_id(case_id);
    r.set_to_centre_id(to);
    r.set_reason("the family moved to south");
    r.set_transfer_on(on);
    return r;
  }

  CaseTransfer Ask(const TransferCaseRequest& r) {
    return Do([&](Transaction& tx) { return transfers_->TransferCase(tx, head_, r); });
  }

  CaseTransfer Accept(long long transfer_id, const Identity& who) {
    AcceptTransferRequest r;
    r.set_transfer_id(transfer_id);
    return Do([&](Transaction& tx) { return transfers_->AcceptTransfer(tx, who, r); });
  }

  grpc::Status AcceptStatus(long long transfer_id, const Identity& who) {
    AcceptTransferRequest r;
    r.set_transfer_id(transfer_id);
    return StatusOf([&](Transaction& tx) { return transfers_->AcceptTransfer(tx, who, r); });
  }

  CaseDetail Detail(const Identity& who, long long id) {
    return Do([&](Transaction& tx) { return queries_->GetCase(tx, who, id); });
  }

  grpc::StatusCode DetailCode(const Identity& who, long long id) {
    return StatusOf([&](Transaction& tx) { return queries_->GetCase(tx, who, id); }).error_code();
  }

  std::vector<CaseTransfer> List(const Identity& who, TransferDirection direction = {},
                                 TransferState state = {}) {
    ListTransfersRequest r;
    r.set_direction(direction);
    r.set_state(state);
    auto response = Do([&](Transaction& tx) { return transfers_->ListTransfers(tx, who, r); });
    return {response.transfers().begin(), response.transfers().end()};
  }

  long long Transfers() { return Count("SELECT COUNT(*) FROM case_transfers"); }

  std::unique_ptr<CaseQueries> queries_;
  std::unique_ptr<CaseTransfers> transfers_;
  Person person_;  // the subject of the last PersonCase
  Identity asia_ = As("asia", "north", ROLE_ASSISTANT);
  Identity south_head_ = As("shead", "south", ROLE_HEAD);
  Identity east_head_ = As("ehead", "east", ROLE_HEAD);
};

TEST_P(CaseTransfersTest, AnAcceptedTransferMovesThePersonTheIntakeAndThePlan) {
  const long long origin = PersonCase();
  // South already has Anna, by her PESEL: she is reused, not registered twice.
  const Person at_south =
      NewPerson(As("sam", "south", ROLE_SOCIAL_WORKER), "Anna", "1985-04-12", "85041212344");
  const CaseTransfer asked = Ask(Asking(origin));
  EXPECT_EQ(asked.state(), TRANSFER_STATE_PENDING);
  EXPECT_EQ(asked.direction(), TRANSFER_DIRECTION_OUTGOING);
  EXPECT_EQ(asked.transfer_on(), "2024-03-01");

  const CaseTransfer accepted = Accept(asked.id(), south_head_);
  EXPECT_EQ(accepted.state(), TRANSFER_STATE_ACCEPTED);
  EXPECT_EQ(accepted.direction(), TRANSFER_DIRECTION_INCOMING);
  EXPECT_EQ(accepted.decided_by(), "shead");
  ASSERT_NE(accepted.new_case_id(), 0);

  const CaseDetail moved = Detail(south_head_, accepted.new_case_id());
  EXPECT_EQ(moved.case_().centre_id(), "south");
  EXPECT_EQ(moved.case_().person_id(), at_south.id());
  EXPECT_EQ(moved.case_().status(), CASE_STATUS_OPEN);
  EXPECT_EQ(moved.case_().referred_on(), "2024-03-01");
  EXPECT_EQ(moved.case_().referral_reason(), "rent arrears");
  EXPECT_EQ(moved.case_().consent(), CONSENT_STATE_PENDING);  // south records its own
  EXPECT_EQ(moved.case_().assistant_id(), "");
  EXPECT_EQ(moved.case_().intake_version(), 1);
  EXPECT_NE(moved.intake().json().find("alone"), std::string::npos);  // the current version
  EXPECT_EQ(moved.case_().plan_version(), 1);
  EXPECT_NE(moved.plan().plan().json().find("pay the rent"), std::string::npos);
  EXPECT_EQ(moved.plan_in_force_version(), 1);
  EXPECT_EQ(moved.transferred_from().transfer_id(), asked.id());
  EXPECT_EQ(moved.transferred_from().centre_id(), "north");
  EXPECT_EQ(moved.transferred_from().case_id(), origin);
  EXPECT_EQ(moved.transferred_from().referred_on(), "2024-01-10");

  const CaseDetail closed = Detail(head_, origin);
  EXPECT_EQ(closed.case_().status(), CASE_STATUS_CLOSED);
  EXPECT_EQ(closed.case_().closure_reason(), CLOSURE_REASON_TRANSFERRED);
  EXPECT_EQ(closed.case_().closed_on(), "2024-03-01");
  EXPECT_FALSE(closed.has_transferred_from());

  // Each centre sees its own case only; both see the transfer.
  EXPECT_EQ(DetailCode(south_head_, origin), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(DetailCode(head_, accepted.new_case_id()), grpc::StatusCode::NOT_FOUND);
  ASSERT_EQ(List(head_).size(), 1u);
  EXPECT_EQ(List(head_)[0].new_case_id(), accepted.new_case_id());
  ASSERT_EQ(List(south_head_, TRANSFER_DIRECTION_INCOMING, TRANSFER_STATE_ACCEPTED).size(), 1u);
  EXPECT_TRUE(List(south_head_, TRANSFER_DIRECTION_OUTGOING).empty());
  EXPECT_TRUE(List(east_head_).empty());
  EXPECT_EQ(AcceptStatus(asked.id(), east_head_).error_code(), grpc::StatusCode::NOT_FOUND);

  // A row in each centre's trail, naming the other centre's case.
  const std::string o = std::to_string(origin), n = std::to_string(accepted.new_case_id());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'AcceptTransfer' AND centre_id "
                  "= 'north' AND case_id = " +
                  o + " AND detail LIKE '%as case " + n + ";%'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'AcceptTransfer' AND centre_id "
                  "= 'south' AND case_id = " +
                  n + " AND detail LIKE '%case " + o + ";%'"),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'TransferCase'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE centre_id = 'south'"), 1);
}

TEST_P(CaseTransfersTest, AFamilyIsRegisteredAtTheReceivingCentreWithItsCurrentMembers) {
  const Person mother = NewPerson(worker_, "Anna", "1985-04-12", "85041212344");
  const Person son = NewPerson(worker_, "Jaś", "2012-01-05", "");
  CreateFamilyRequest f;
  f.set_name("Rodzina Nowak");
  for (const auto& [id, relation] :
       {std::pair{mother.id(), FAMILY_RELATION_PARENT}, {son.id(), FAMILY_RELATION_CHILD}}) {
    auto* m = f.add_members();
    m->set_person_id(id);
    m->set_relation(relation);
  }
  const Family family = Do([&](Transaction& tx) { return CreateFamily(tx, worker_, f); });
  OpenCaseRequest open;
  open.set_family_id(family.id());
  const long long origin = WorkedCase(open);
  const CaseTransfer accepted = Accept(Ask(Asking(origin)).id(), south_head_);

  const CaseDetail moved = Detail(south_head_, accepted.new_case_id());
  ASSERT_TRUE(moved.case_().has_family_id());
  const Family at_south =
      Do([&](Transaction& tx) { return LoadFamily(tx, "south", moved.case_().family_id()); });
  EXPECT_EQ(at_south.name(), "Rodzina Nowak");
  ASSERT_EQ(at_south.members_size(), 2);
  for (const auto& member : at_south.members()) {
    const Person p =
        Do([&](Transaction& tx) { return LoadPerson(tx, "south", member.person_id()); });
    EXPECT_EQ(member.relation() == FAMILY_RELATION_PARENT, p.given_name() == "Anna");
    EXPECT_EQ(p.case_file_ref(), "");  // north's file number stays north's
    if (p.given_name() == "Anna") {
      EXPECT_EQ(p.pesel(), "85041212344");
    }
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE centre_id = 'north'"), 2);
}

TEST_P(CaseTransfersTest, RefusesWhatCannotBeTransferredAndWritesNothing) {
  const long long origin = PersonCase();
  const long long audit_rows = Count("SELECT COUNT(*) FROM audit_events");
  auto refusal = [&](const TransferCaseRequest& r) {
    return StatusOf([&](Transaction& tx) { return transfers_->TransferCase(tx, head_, r); });
  };
  TransferCaseRequest bad = Asking(origin, "north", "2024-01-01");
  bad.set_reason("");
  grpc::Status status = refusal(bad);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(status), "to_centre_id reason transfer_on ");
  EXPECT_EQ(DetailOf(refusal(Asking(origin, "south", "2024-02-30"))), "transfer_on ");
  EXPECT_EQ(DetailOf(refusal(Asking(origin, "", ""))), "to_centre_id ");
  status = refusal(Asking(origin, "nowhere"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(DetailOf(status), "RECEIVING_CENTRE_UNKNOWN ");
  EXPECT_EQ(DetailOf(refusal(Asking(origin, "west"))), "TYPE_NOT_ENABLED_AT_RECEIVER ");
  // Another centre's case is not found, whatever else the request says.
  EXPECT_EQ(StatusOf([&](Transaction& tx) {
              return transfers_->TransferCase(tx, south_head_, Asking(origin, "south"));
            }).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Transfers(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events"), audit_rows);

  const CaseTransfer first = Ask(Asking(origin));
  status = refusal(Asking(origin, "east"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(DetailOf(status), "TRANSFER_PENDING ");
  EXPECT_EQ(Transfers(), 1);

  // Closed meanwhile by the sender: neither asked again nor accepted.
  CloseCaseRequest close;
  close.set_case_id(origin);
  close.set_reason(CLOSURE_REASON_MOVED_AWAY);
  close.set_closed_on("2024-02-15");
  *close.mutable_outcome() = Json(R"({"result": "moved"})");
  Do([&](Transaction& tx) { return workflow_->CloseCase(tx, head_, close); });
  EXPECT_EQ(DetailOf(refusal(Asking(origin, "east"))), "CASE_NOT_OPEN ");
  EXPECT_EQ(DetailOf(AcceptStatus(first.id(), south_head_)), "ORIGIN_CASE_NOT_OPEN ");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE centre_id = 'south'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE centre_id = 'south'"), 0);
  EXPECT_EQ(List(south_head_)[0].state(), TRANSFER_STATE_PENDING);
}

TEST_P(CaseTransfersTest, DeclinedAndCancelledTransfersLeaveTheOriginOpen) {
  const long long origin = PersonCase();
  const CaseTransfer asked = Ask(Asking(origin));
  EXPECT_EQ(DetailOf(AcceptStatus(asked.id(), head_)), "TRANSFER_NOT_INCOMING ");
  DeclineTransferRequest decline;
  decline.set_transfer_id(asked.id());
  EXPECT_EQ(DetailOf(StatusOf([&](Transaction& tx) {
              return transfers_->DeclineTransfer(tx, south_head_, decline);
            })),
            "reason ");
  decline.set_reason("not registered here");
  EXPECT_EQ(StatusOf([&](Transaction& tx) {
              return transfers_->DeclineTransfer(tx, east_head_, decline);
            }).error_code(),
            grpc::StatusCode::NOT_FOUND);
  const CaseTransfer declined =
      Do([&](Transaction& tx) { return transfers_->DeclineTransfer(tx, south_head_, decline); });
  EXPECT_EQ(declined.state(), TRANSFER_STATE_DECLINED);
  EXPECT_EQ(declined.decline_reason(), "not registered here");
  EXPECT_EQ(DetailOf(AcceptStatus(asked.id(), south_head_)), "TRANSFER_NOT_PENDING ");
  EXPECT_EQ(Detail(head_, origin).case_().status(), CASE_STATUS_OPEN);

  const CaseTransfer again = Ask(Asking(origin));  // nothing pending any more
  CancelTransferRequest cancel;
  cancel.set_transfer_id(again.id());
  EXPECT_EQ(DetailOf(StatusOf([&](Transaction& tx) {
              return transfers_->CancelTransfer(tx, south_head_, cancel);
            })),
            "TRANSFER_NOT_OUTGOING ");
  EXPECT_EQ(
      Do([&](Transaction& tx) { return transfers_->CancelTransfer(tx, head_, cancel); }).state(),
      TRANSFER_STATE_CANCELLED);
  EXPECT_EQ(DetailOf(AcceptStatus(again.id(), south_head_)), "TRANSFER_NOT_PENDING ");
  EXPECT_EQ(Detail(head_, origin).case_().status(), CASE_STATUS_OPEN);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE centre_id = 'south'"), 0);
  EXPECT_EQ(List(head_, TRANSFER_DIRECTION_OUTGOING).size(), 2u);
  EXPECT_EQ(List(head_, {}, TRANSFER_STATE_CANCELLED).size(), 1u);
  EXPECT_EQ(List(south_head_, {}, TRANSFER_STATE_PENDING).size(), 0u);
  // The sender's trail has the decline, the receiver's the cancellation, each with the other.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'DeclineTransfer' AND centre_id "
                  "= 'north' AND case_id = " +
                  std::to_string(origin)),
            1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'CancelTransfer' AND centre_id "
                  "= 'south' AND case_id = 0"),
            1);
}

TEST_P(CaseTransfersTest, APlannedTransferIsAcceptedFromItsDay) {
  const long long origin = PersonCase();
  const std::string later = sdk::FormatDate(sdk::AddDays(sdk::Today(), 10));
  const CaseTransfer asked = Ask(Asking(origin, "south", later));
  EXPECT_EQ(DetailOf(AcceptStatus(asked.id(), south_head_)), "TRANSFER_DATE_NOT_REACHED ");
  const std::string too_late = sdk::FormatDate(sdk::AddDays(sdk::Today(), 400));
  CancelTransferRequest cancel;
  cancel.set_transfer_id(asked.id());
  Do([&](Transaction& tx) { return transfers_->CancelTransfer(tx, head_, cancel); });
  EXPECT_EQ(DetailOf(StatusOf([&](Transaction& tx) {
              return transfers_->TransferCase(tx, head_, Asking(origin, "south", too_late));
            })),
            "transfer_on ");
}

TEST_P(CaseTransfersTest, TheDatabaseHoldsOnePendingTransferPerCaseBetweenTwoCentres) {
  const long long origin = PersonCase();
  Ask(Asking(origin));
  const std::string row =
      "INSERT INTO case_transfers (case_id, from_centre_id, to_centre_id, type_id, reason, "
      "transfer_on, origin_referred_on, state, requested_by, requested_at, decided_by, "
      "decided_at, decline_reason) VALUES (" +
      std::to_string(origin) +
      ", 'north', '%TO%', 'testplug', 'r', '2024-03-01', '', %STATE%, "
      "'h', 't', '%BY%', '%BY%', '')";
  auto with = [&](std::string sql, const std::string& to, int state, const std::string& by) {
    for (const auto& [key, value] :
         {std::pair<std::string, std::string>{"%TO%", to}, {"%STATE%", std::to_string(state)}}) {
      sql.replace(sql.find(key), key.size(), value);
    }
    for (auto at = sql.find("%BY%"); at != std::string::npos; at = sql.find("%BY%")) {
      sql.replace(at, 4, by);
    }
    return sql;
  };
  EXPECT_ANY_THROW(Exec(with(row, "east", 1, "")));      // a second pending one
  EXPECT_ANY_THROW(Exec(with(row, "north", 4, "h")));    // to its own centre
  EXPECT_ANY_THROW(Exec(with(row, "nowhere", 4, "h")));  // to no centre
  EXPECT_ANY_THROW(Exec(with(row, "east", 2, "h")));     // accepted without a new case
  EXPECT_NO_THROW(Exec(with(row, "east", 4, "h")));      // a cancelled one beside it
  EXPECT_EQ(Transfers(), 2);
}

TEST_P(CaseTransfersTest, RetentionAnonymisesTheReasonsOfTheTransfers) {
  const long long origin = PersonCase();
  const CaseTransfer asked = Ask(Asking(origin));
  Accept(asked.id(), south_head_);
  ApplyRetentionRequest apply;
  Do([&](Transaction& tx) { return workflow_->ApplyRetention(tx, head_, apply); });
  EXPECT_EQ(Text("SELECT reason FROM case_transfers WHERE id = " + std::to_string(asked.id())),
            "anonymised");
}

TEST(ClosesAsTransferred, FollowsThePluginsMappingOfClosureReasons) {
  ReportingRules rules;
  EXPECT_TRUE(ClosesAsTransferred(rules));  // no mapping declared
  rules.closure_field = CloseCaseRequest::descriptor()->FindFieldByName("reason");
  rules.platform_reasons = {{1, {CLOSURE_REASON_GOALS_ACHIEVED}}, {2, {CLOSURE_REASON_MOVED_AWAY}}};
  EXPECT_FALSE(ClosesAsTransferred(rules));
  rules.platform_reasons[2].push_back(CLOSURE_REASON_TRANSFERRED);
  EXPECT_TRUE(ClosesAsTransferred(rules));
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseTransfersTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
