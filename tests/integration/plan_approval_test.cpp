// Plan approval as a platform step, as a client meets it: the homelessness type's programme is in
// force only once the head of the centre approves it (art. 49 of the social assistance act); a
// rejection needs its reason; only the head decides, and only on their centre's cases; the
// family type's plans need no approval. On both backends.
#include <gtest/gtest.h>

#include "case_steps.hpp"
#include "homelessness_steps.hpp"
#include "host_test.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;
using Codes = std::vector<std::string>;

class PlanApprovalTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  void NewHomelessnessCase(std::int64_t* case_id) {
    it::NewHomelessnessCase(client(), staff_, case_id);
  }
  void SubmitProgramme(std::int64_t case_id, v1::PlanVersion* saved) {
    it::SubmitProgramme(client(), staff_, case_id, saved);
  }

  grpc::Status Decide(const Identity& who, std::int64_t case_id, int version,
                      v1::PlanDecision decision, const std::string& reason = "",
                      v1::PlanVersion* decided = nullptr) {
    v1::ApprovePlanRequest request;
    request.set_case_id(case_id);
    request.set_version(version);
    request.set_decision(decision);
    request.set_reason(reason);
    v1::PlanVersion ignored;
    return client().Call(who, &Cases::ApprovePlan, request, decided ? decided : &ignored);
  }

  grpc::Status Review(std::int64_t case_id) {
    v1::RecordReviewRequest review;
    review.set_case_id(case_id);
    *review.mutable_review() = JsonPayload(homelessness::Payloads().review);
    v1::Review recorded;
    return client().Call(staff_.assistant, &Cases::RecordReview, review, &recorded);
  }
};

TEST_P(PlanApprovalTest, TheProgrammeIsInForceOnlyOnceTheHeadApprovesIt) {
  v1::DescribeAssistanceTypeRequest describe;
  describe.set_id("homelessness");
  v1::DescribeAssistanceTypeResponse described;
  ASSERT_TRUE(
      IsOk(client().Call(staff_.worker, &Platform::DescribeAssistanceType, describe, &described)));
  EXPECT_TRUE(described.type().plan_requires_approval());

  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewHomelessnessCase(&case_id));
  v1::PlanVersion first;
  ASSERT_NO_FATAL_FAILURE(SubmitProgramme(case_id, &first));
  EXPECT_EQ(first.approval().state(), v1::PLAN_APPROVAL_STATE_PENDING);
  EXPECT_FALSE(first.in_force());
  const grpc::Status early = Review(case_id);
  EXPECT_TRUE(HasCode(early, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(early), Codes{"PLAN_NOT_APPROVED"}) << Describe(early);

  v1::PlanVersion approved;
  ASSERT_TRUE(IsOk(Decide(staff_.head, case_id, 1, v1::PLAN_DECISION_APPROVED, "", &approved)));
  EXPECT_EQ(approved.approval().state(), v1::PLAN_APPROVAL_STATE_APPROVED);
  EXPECT_EQ(approved.approval().decided_by(), staff_.head.actor_id);
  EXPECT_EQ(approved.approval().decided_on(), DateFromToday(0));
  EXPECT_TRUE(approved.in_force());
  EXPECT_TRUE(IsOk(Review(case_id)));

  // A new version waits for the head; the approved one stays in force meanwhile.
  v1::PlanVersion second;
  ASSERT_NO_FATAL_FAILURE(SubmitProgramme(case_id, &second));
  EXPECT_EQ(second.approval().state(), v1::PLAN_APPROVAL_STATE_PENDING);
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.worker, case_id, &detail));
  EXPECT_EQ(detail.plan().version(), 2);
  EXPECT_EQ(detail.plan().approval().state(), v1::PLAN_APPROVAL_STATE_PENDING);
  EXPECT_EQ(detail.plan_in_force_version(), 1);
  EXPECT_TRUE(IsOk(Review(case_id)));

  const grpc::Status no_reason = Decide(staff_.head, case_id, 2, v1::PLAN_DECISION_REJECTED);
  EXPECT_TRUE(HasCode(no_reason, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(no_reason), Codes{"reason"});
  v1::PlanVersion rejected;
  ASSERT_TRUE(IsOk(Decide(staff_.head, case_id, 2, v1::PLAN_DECISION_REJECTED,
                          "no stage for the rent arrears", &rejected)));
  EXPECT_EQ(rejected.approval().state(), v1::PLAN_APPROVAL_STATE_REJECTED);
  EXPECT_EQ(rejected.approval().reason(), "no stage for the rent arrears");
  const grpc::Status again = Decide(staff_.head, case_id, 2, v1::PLAN_DECISION_APPROVED);
  EXPECT_EQ(PreconditionTypes(again), Codes{"PLAN_ALREADY_DECIDED"}) << Describe(again);

  v1::ListPlanVersionsRequest list;
  list.set_case_id(case_id);
  v1::ListPlanVersionsResponse versions;
  ASSERT_TRUE(IsOk(client().Call(staff_.auditor, &Cases::ListPlanVersions, list, &versions)));
  ASSERT_EQ(versions.versions_size(), 2);
  EXPECT_TRUE(versions.versions(0).in_force());
  EXPECT_EQ(versions.versions(1).approval().state(), v1::PLAN_APPROVAL_STATE_REJECTED);
  EXPECT_FALSE(versions.versions(1).in_force());
}

TEST_P(PlanApprovalTest, OnlyTheHeadOfTheCasesCentreDecides) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewHomelessnessCase(&case_id));
  v1::PlanVersion first;
  ASSERT_NO_FATAL_FAILURE(SubmitProgramme(case_id, &first));
  for (const Identity* who : {&staff_.worker, &staff_.assistant, &staff_.auditor, &staff_.app}) {
    EXPECT_TRUE(HasCode(Decide(*who, case_id, 1, v1::PLAN_DECISION_APPROVED),
                        StatusCode::PERMISSION_DENIED))
        << who->actor_id;
  }
  EXPECT_TRUE(HasCode(Decide(Jastrzebia().head, case_id, 1, v1::PLAN_DECISION_APPROVED),
                      StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(Review(case_id), StatusCode::FAILED_PRECONDITION));  // still not in force
}

TEST_P(PlanApprovalTest, RefusesAVersionThatIsNotTheLatestOrDoesNotExist) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewHomelessnessCase(&case_id));
  const grpc::Status none = Decide(staff_.head, case_id, 1, v1::PLAN_DECISION_APPROVED);
  EXPECT_EQ(PreconditionTypes(none), Codes{"PLAN_MISSING"}) << Describe(none);
  v1::PlanVersion saved;
  ASSERT_NO_FATAL_FAILURE(SubmitProgramme(case_id, &saved));
  ASSERT_NO_FATAL_FAILURE(SubmitProgramme(case_id, &saved));
  const grpc::Status older = Decide(staff_.head, case_id, 1, v1::PLAN_DECISION_APPROVED);
  EXPECT_EQ(PreconditionTypes(older), Codes{"PLAN_VERSION_SUPERSEDED"}) << Describe(older);
  EXPECT_TRUE(
      HasCode(Decide(staff_.head, case_id, 3, v1::PLAN_DECISION_APPROVED), StatusCode::NOT_FOUND));
  const grpc::Status bad = Decide(staff_.head, case_id, 0, v1::PLAN_DECISION_UNSPECIFIED);
  EXPECT_EQ(ViolatedFields(bad), (Codes{"version", "decision"})) << Describe(bad);
}

TEST_P(PlanApprovalTest, FamilyPlansNeedNoApproval) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), staff_, &case_id));
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.worker, case_id, &detail));
  EXPECT_EQ(detail.plan_in_force_version(), 0);
  const grpc::Status status = Decide(staff_.head, case_id, 1, v1::PLAN_DECISION_APPROVED);
  EXPECT_TRUE(HasCode(status, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(status), Codes{"PLAN_APPROVAL_NOT_REQUIRED"}) << Describe(status);
}

INSTANTIATE_BACKENDS(PlanApprovalTest);

}  // namespace
}  // namespace assist::it
