// Plan approval as a platform step (domain/plan_approval.hpp): for a type whose plans need the
// head's approval, a plan is in force only once approved; a newer version waits while the
// approved one stays in force; a rejected one never is. On a real database of each backend.
#include <gtest/gtest.h>

#include "domain/case_queries.hpp"
#include "domain/data_rights.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;
using testing::As;

// The PreconditionFailure types, or the BadRequest fields, of a refusal.
std::string DetailOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  std::string out;
  for (const auto& any : details.details()) {
    google::rpc::PreconditionFailure failure;
    google::rpc::BadRequest bad;
    if (any.Is<google::rpc::PreconditionFailure>() && any.UnpackTo(&failure)) {
      for (const auto& v : failure.violations()) out += v.type() + " ";
    } else if (any.Is<google::rpc::BadRequest>() && any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) out += v.field() + " ";
    }
  }
  return out;
}

Payload Json(const std::string& json) {
  Payload p;
  p.set_json(json);
  return p;
}

class PlanApprovalTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    SetUpWorkflow(1, GetPlansNeedApproval());  // one year: the retention test's cases are due
    if (IsSkipped() || HasFatalFailure()) return;
    queries_ = std::make_unique<CaseQueries>(*registry_, *centres_);
  }
  virtual bool GetPlansNeedApproval() const { return true; }

  template <typename F>
  grpc::Status StatusOf(F f) {
    try {
      Do(f);
      return grpc::Status::OK;
    } catch (const RpcError& e) {
      return e.status();
    }
  }

  // Opened, assigned to asia, consent given, with an intake: ready for a plan.
  long long ReadyCase() {
    CreatePersonRequest p;
    p.set_given_name("Marek");
    p.set_family_name("Zieliński");
    p.set_birth_date("1971-05-30");
    Person person = Do([&](Transaction& tx) { return CreatePerson(tx, worker_, p); });
    person_id_ = person.id();
    OpenCaseRequest open;
    open.set_type_id("testplug");
    open.set_person_id(person.id());
    open.set_referral_reason("sleeping at the station");
    open.set_referred_on("2025-01-10");
    const long long id =
        Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, open); }).id();
    AssignAssistantRequest assign;
    assign.set_case_id(id);
    assign.set_assistant_id("asia");
    assign.set_assigned_on("2025-01-15");
    Do([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, assign); });
    RecordConsentRequest consent;
    consent.set_case_id(id);
    consent.set_decision(CONSENT_STATE_GIVEN);
    consent.set_decided_on("2025-01-20");
    Do([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, consent); });
    SubmitIntakeRequest intake;
    intake.set_case_id(id);
    *intake.mutable_intake() = Json(R"({"household": "alone"})");
    Do([&](Transaction& tx) { return workflow_->SubmitIntake(tx, asia_, intake); });
    return id;
  }

  PlanVersion SubmitPlan(long long id, const std::string& goal) {
    SubmitPlanRequest r;
    r.set_case_id(id);
    *r.mutable_plan() = Json(R"({"goals": [")" + goal + R"("]})");
    return Do([&](Transaction& tx) { return workflow_->SubmitPlan(tx, asia_, r); });
  }

  ApprovePlanRequest Decision(long long id, int version, PlanDecision decision,
                              const std::string& reason = "") {
    ApprovePlanRequest r;
    r.set_case_id(id);
    r.set_version(version);
    r.set_decision(decision);
    r.set_reason(reason);
    return r;
  }

  PlanVersion Decide(const ApprovePlanRequest& r, const Identity& who) {
    return Do([&](Transaction& tx) { return workflow_->ApprovePlan(tx, who, r); });
  }

  grpc::Status Review(long long id) {
    RecordReviewRequest r;
    r.set_case_id(id);
    r.set_reviewed_on("2025-04-01");
    *r.mutable_review() = Json(R"({"assessment": "progress"})");
    return StatusOf([&](Transaction& tx) { return workflow_->RecordReview(tx, asia_, r); });
  }

  CaseDetail Detail(long long id) {
    return Do([&](Transaction& tx) { return queries_->GetCase(tx, asia_, id); });
  }

  std::unique_ptr<CaseQueries> queries_;
  long long person_id_ = 0;  // of the last ReadyCase
  Identity asia_ = As("asia", "north", ROLE_ASSISTANT);
  Identity south_head_ = As("shead", "south", ROLE_HEAD);
};

TEST_P(PlanApprovalTest, APlanIsInForceOnlyOnceTheHeadApprovesIt) {
  const long long id = ReadyCase();
  PlanVersion v1 = SubmitPlan(id, "a night place");
  EXPECT_EQ(v1.approval().state(), PLAN_APPROVAL_STATE_PENDING);
  EXPECT_FALSE(v1.in_force());
  EXPECT_EQ(Detail(id).plan_in_force_version(), 0);
  const grpc::Status early = Review(id);
  EXPECT_EQ(early.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(DetailOf(early), "PLAN_NOT_APPROVED ");

  const PlanVersion approved = Decide(Decision(id, 1, PLAN_DECISION_APPROVED), head_);
  EXPECT_EQ(approved.approval().state(), PLAN_APPROVAL_STATE_APPROVED);
  EXPECT_EQ(approved.approval().decided_by(), "head");
  EXPECT_EQ(approved.approval().decided_on(), sdk::FormatDate(sdk::Today()));
  EXPECT_FALSE(approved.approval().decided_at().empty());
  EXPECT_TRUE(approved.in_force());
  EXPECT_NE(approved.plan().json().find("a night place"), std::string::npos);
  EXPECT_TRUE(Review(id).ok());

  // A new version waits for the head; the approved one stays in force meanwhile.
  PlanVersion v2 = SubmitPlan(id, "a job");
  EXPECT_EQ(v2.approval().state(), PLAN_APPROVAL_STATE_PENDING);
  CaseDetail detail = Detail(id);
  EXPECT_EQ(detail.plan().version(), 2);
  EXPECT_EQ(detail.plan().approval().state(), PLAN_APPROVAL_STATE_PENDING);
  EXPECT_EQ(detail.plan_in_force_version(), 1);
  EXPECT_TRUE(Review(id).ok());

  const PlanVersion rejected =
      Decide(Decision(id, 2, PLAN_DECISION_REJECTED, "no debts stage"), head_);
  EXPECT_EQ(rejected.approval().state(), PLAN_APPROVAL_STATE_REJECTED);
  EXPECT_EQ(rejected.approval().reason(), "no debts stage");
  EXPECT_FALSE(rejected.in_force());
  EXPECT_EQ(Detail(id).plan_in_force_version(), 1);

  ListPlanVersionsResponse versions =
      Do([&](Transaction& tx) { return queries_->ListPlanVersions(tx, head_, id); });
  ASSERT_EQ(versions.versions_size(), 2);
  EXPECT_EQ(versions.versions(0).approval().state(), PLAN_APPROVAL_STATE_APPROVED);
  EXPECT_TRUE(versions.versions(0).in_force());
  EXPECT_EQ(versions.versions(1).approval().state(), PLAN_APPROVAL_STATE_REJECTED);
  EXPECT_FALSE(versions.versions(1).in_force());

  // The person's data export holds the decisions on their programme.
  const PersonDataExport exported =
      Do([&](Transaction& tx) { return ExportPersonData(tx, head_, person_id_); });
  EXPECT_NE(exported.json().find("plan_decisions"), std::string::npos);
  EXPECT_NE(exported.json().find("no debts stage"), std::string::npos);

  // Both decisions are audited as writes by the head, with the case.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApprovePlan' AND "
                  "action = 'write' AND actor_id = 'head' AND case_id = " +
                  std::to_string(id)),
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApprovePlan' AND detail LIKE "
                  "'plan version 2 PLAN_APPROVAL_STATE_REJECTED%'"),
            1);
}

TEST_P(PlanApprovalTest, RefusesWhatCannotBeDecidedAndWritesNothing) {
  const long long id = ReadyCase();
  const auto refused = [&](const ApprovePlanRequest& r, const Identity& who) {
    return StatusOf([&](Transaction& tx) { return workflow_->ApprovePlan(tx, who, r); });
  };
  grpc::Status none = refused(Decision(id, 1, PLAN_DECISION_APPROVED), head_);
  EXPECT_EQ(DetailOf(none), "PLAN_MISSING ");

  SubmitPlan(id, "a night place");
  grpc::Status bad = refused(Decision(id, 0, PLAN_DECISION_UNSPECIFIED), head_);
  EXPECT_EQ(bad.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(bad), "version decision ");
  grpc::Status no_reason = refused(Decision(id, 1, PLAN_DECISION_REJECTED), head_);
  EXPECT_EQ(DetailOf(no_reason), "reason ");
  ApprovePlanRequest future = Decision(id, 1, PLAN_DECISION_APPROVED);
  future.set_decided_on("2099-01-01");
  EXPECT_EQ(DetailOf(refused(future, head_)), "decided_on ");
  ApprovePlanRequest before = Decision(id, 1, PLAN_DECISION_APPROVED);
  before.set_decided_on("2025-01-01");  // before the plan was submitted
  EXPECT_EQ(DetailOf(refused(before, head_)), "decided_on ");
  EXPECT_EQ(refused(Decision(id, 5, PLAN_DECISION_APPROVED), head_).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // Another centre's head finds no such case.
  EXPECT_EQ(refused(Decision(id, 1, PLAN_DECISION_APPROVED), south_head_).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM plan_decisions"), 0);

  SubmitPlan(id, "a job");
  EXPECT_EQ(DetailOf(refused(Decision(id, 1, PLAN_DECISION_APPROVED), head_)),
            "PLAN_VERSION_SUPERSEDED ");
  Decide(Decision(id, 2, PLAN_DECISION_APPROVED), head_);
  EXPECT_EQ(DetailOf(refused(Decision(id, 2, PLAN_DECISION_REJECTED, "on second thought"), head_)),
            "PLAN_ALREADY_DECIDED ");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM plan_decisions"), 1);
}

// The database holds the rules too: one decision per version, of a version that exists, and a
// rejection with its reason.
TEST_P(PlanApprovalTest, TheDatabaseHoldsOneDecisionPerExistingVersion) {
  const long long id = ReadyCase();
  SubmitPlan(id, "a night place");
  const std::string values =
      " (case_id, plan_version, decision, reason, decided_on, decided_by, "
      "decided_at) VALUES (" +
      std::to_string(id);
  Exec("INSERT INTO plan_decisions" + values + ", 1, 1, '', '2026-01-01', 'h', 't')");
  EXPECT_ANY_THROW(
      Exec("INSERT INTO plan_decisions" + values + ", 1, 2, 'again', '2026-01-01', 'h', 't')"));
  EXPECT_ANY_THROW(
      Exec("INSERT INTO plan_decisions" + values + ", 7, 1, '', '2026-01-01', 'h', 't')"));
  SubmitPlan(id, "a job");
  EXPECT_ANY_THROW(
      Exec("INSERT INTO plan_decisions" + values + ", 2, 2, '', '2026-01-01', 'h', 't')"));
  EXPECT_ANY_THROW(Exec("INSERT INTO plan_decisions" + values + ", 2, 1, '', '', '', '')"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM plan_decisions"), 1);
}

// Core migration 14 marks the versions submitted before it as predating the approval step: they
// stay in force as they were, and the head has nothing to decide on them.
TEST_P(PlanApprovalTest, VersionsOfBeforeTheApprovalStepStayInForce) {
  const long long id = ReadyCase();
  SubmitPlan(id, "a night place");
  Exec(
      "INSERT INTO plan_decisions (case_id, plan_version, decision, reason, decided_on, "
      "decided_by, decided_at) VALUES (" +
      std::to_string(id) + ", 1, 3, '', '', '', '')");
  const CaseDetail detail = Detail(id);
  EXPECT_EQ(detail.plan().approval().state(), PLAN_APPROVAL_STATE_PREDATES_APPROVAL);
  EXPECT_EQ(detail.plan_in_force_version(), 1);
  EXPECT_TRUE(Review(id).ok());
  const grpc::Status status = StatusOf([&](Transaction& tx) {
    return workflow_->ApprovePlan(tx, head_, Decision(id, 1, PLAN_DECISION_APPROVED));
  });
  EXPECT_EQ(DetailOf(status), "PLAN_ALREADY_DECIDED ");
}

// Retention clears a rejection's reason as it clears the plans.
TEST_P(PlanApprovalTest, RetentionAnonymisesTheReasonsOfRejections) {
  const long long id = ReadyCase();
  SubmitPlan(id, "a night place");
  Decide(Decision(id, 1, PLAN_DECISION_REJECTED, "Mr Zieliński refuses the shelter"), head_);
  CloseCaseRequest close;
  close.set_case_id(id);
  close.set_reason(CLOSURE_REASON_NO_COOPERATION);
  close.set_closed_on("2025-02-01");
  *close.mutable_outcome() = Json(R"({"result": "none"})");
  Do([&](Transaction& tx) { return workflow_->CloseCase(tx, asia_, close); });
  ApplyRetentionRequest apply;
  Do([&](Transaction& tx) { return workflow_->ApplyRetention(tx, head_, apply); });
  EXPECT_EQ(Text("SELECT reason FROM plan_decisions WHERE case_id = " + std::to_string(id)),
            "anonymised");
}

// A type that does not require approval: its plans are in force once submitted, and there is
// nothing for the head to decide.
class PlanWithoutApprovalTest : public PlanApprovalTest {
 protected:
  bool GetPlansNeedApproval() const override { return false; }
};

TEST_P(PlanWithoutApprovalTest, PlansAreInForceOnceSubmitted) {
  const long long id = ReadyCase();
  PlanVersion v1 = SubmitPlan(id, "a night place");
  EXPECT_EQ(v1.approval().state(), PLAN_APPROVAL_STATE_NOT_REQUIRED);
  EXPECT_TRUE(v1.in_force());
  EXPECT_EQ(Detail(id).plan_in_force_version(), 1);
  EXPECT_TRUE(Review(id).ok());
  const grpc::Status status = StatusOf([&](Transaction& tx) {
    return workflow_->ApprovePlan(tx, head_, Decision(id, 1, PLAN_DECISION_APPROVED));
  });
  EXPECT_EQ(DetailOf(status), "PLAN_APPROVAL_NOT_REQUIRED ");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanApprovalTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);
INSTANTIATE_TEST_SUITE_P(Backends, PlanWithoutApprovalTest,
                         ::testing::ValuesIn(testing::TestBackends()), testing::BackendTestName);

}  // namespace
}  // namespace assist::host
