// CloseCase reconciles the platform's closure reason with the type's own in the outcome, which the
// plugin maps (sdk::Reporting): a refused closure leaves the case exactly as it was.
#include <gtest/gtest.h>

#include <string>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

class ClosureReasonsTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  // A family case with an intake and a plan, ready to be closed.
  void CaseReadyToClose(std::int64_t* case_id) {
    ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), staff_, case_id));
    v1::SubmitIntakeRequest intake;
    intake.set_case_id(*case_id);
    *intake.mutable_intake() = JsonPayload(family::IntakeJson());
    v1::Case ignored;
    ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &ignored)));
    v1::SubmitPlanRequest plan;
    plan.set_case_id(*case_id);
    *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
    v1::PlanVersion version;
    ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitPlan, plan, &version)));
  }

  static v1::CloseCaseRequest Close(std::int64_t case_id, v1::ClosureReason reason,
                                    const std::string& own_reason) {
    std::string outcome = family::OutcomeJson();
    const std::string goals_met = "CLOSURE_REASON_GOALS_MET";
    outcome.replace(outcome.find(goals_met), goals_met.size(), own_reason);
    v1::CloseCaseRequest close;
    close.set_case_id(case_id);
    close.set_reason(reason);
    *close.mutable_outcome() = JsonPayload(outcome);
    return close;
  }
};

TEST_P(ClosureReasonsTest, GoalsAchievedIsRefusedForAFamilyThatWithdrewConsent) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(CaseReadyToClose(&case_id));
  v1::CaseDetail before;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.head, case_id, &before));

  v1::Case closed;
  grpc::Status refused = client().Call(
      staff_.worker, &Cases::CloseCase,
      Close(case_id, v1::CLOSURE_REASON_GOALS_ACHIEVED, "CLOSURE_REASON_CONSENT_WITHDRAWN"),
      &closed);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::INVALID_ARGUMENT)) << Describe(refused);
  EXPECT_EQ(ViolatedFields(refused), (std::vector<std::string>{"reason", "outcome.closure_reason"}))
      << Describe(refused);
  const std::string said = Describe(refused);
  EXPECT_NE(said.find("CLOSURE_REASON_GOALS_ACHIEVED"), std::string::npos) << said;
  EXPECT_NE(said.find("CLOSURE_REASON_CONSENT_WITHDRAWN"), std::string::npos) << said;

  // Nothing of the refused closure was written: same case, no outcome.
  v1::CaseDetail after;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.head, case_id, &after));
  EXPECT_EQ(after.case_().status(), v1::CASE_STATUS_OPEN);
  EXPECT_TRUE(after.case_().closed_on().empty());
  EXPECT_EQ(after.case_().closure_reason(), v1::CLOSURE_REASON_UNSPECIFIED);
  EXPECT_FALSE(after.has_outcome());
  EXPECT_EQ(after.case_().updated_at(), before.case_().updated_at());

  // The reason the family's own one maps to is accepted.
  ASSERT_TRUE(IsOk(client().Call(
      staff_.worker, &Cases::CloseCase,
      Close(case_id, v1::CLOSURE_REASON_CONSENT_WITHDRAWN, "CLOSURE_REASON_CONSENT_WITHDRAWN"),
      &closed)));
  EXPECT_EQ(closed.status(), v1::CASE_STATUS_CLOSED);
  EXPECT_EQ(closed.closure_reason(), v1::CLOSURE_REASON_CONSENT_WITHDRAWN);
}

TEST_P(ClosureReasonsTest, AnOwnReasonMayMapToSeveralPlatformReasons) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(CaseReadyToClose(&case_id));
  v1::Case closed;
  // A family that moved away: the platform may count it as moved or as transferred.
  ASSERT_TRUE(IsOk(client().Call(
      staff_.worker, &Cases::CloseCase,
      Close(case_id, v1::CLOSURE_REASON_TRANSFERRED, "CLOSURE_REASON_MOVED"), &closed)));
  EXPECT_EQ(closed.closure_reason(), v1::CLOSURE_REASON_TRANSFERRED);
}

INSTANTIATE_BACKENDS(ClosureReasonsTest);

}  // namespace
}  // namespace assist::it
