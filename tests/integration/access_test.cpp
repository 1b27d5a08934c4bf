// Who may see and do what: a record of another centre, or a case an assistant is not assigned
// to, answers NOT_FOUND (its existence is not revealed); a missing or unknown token is
// UNAUTHENTICATED; a role the RPC is not for is PERMISSION_DENIED. Each refusal is checked to
// have changed nothing, and beside it the same request by someone allowed succeeds.
#include <gtest/gtest.h>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

class AccessTest : public HostTest {
 protected:
  grpc::Status GetCaseAs(const Identity& who, std::int64_t case_id) {
    v1::GetCaseRequest request;
    request.set_case_id(case_id);
    v1::CaseDetail ignored;
    return client().Call(who, &Cases::GetCase, request, &ignored);
  }

  grpc::Status SubmitPlanAs(const Identity& who, std::int64_t case_id) {
    v1::SubmitPlanRequest request;
    request.set_case_id(case_id);
    *request.mutable_plan() = JsonPayload(family::PlanJson("goal"));
    v1::PlanVersion ignored;
    return client().Call(who, &Cases::SubmitPlan, request, &ignored);
  }

  void ExpectAssistant(std::int64_t case_id, std::string_view assistant) {
    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(client(), Sopot().head, case_id, &detail));
    EXPECT_EQ(detail.case_().assistant_id(), assistant);
  }
};

TEST_P(AccessTest, AnotherCentresCaseIsNotFound) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  ASSERT_TRUE(IsOk(GetCaseAs(Sopot().worker, case_id)));

  for (const Identity& who :
       {Jastrzebia().worker, Jastrzebia().head, Jastrzebia().auditor, Jastrzebia().app}) {
    EXPECT_TRUE(HasCode(GetCaseAs(who, case_id), StatusCode::NOT_FOUND)) << who.actor_id;
  }
  // Indistinguishable from a case that does not exist: same code, same details.
  const grpc::Status other = GetCaseAs(Jastrzebia().worker, case_id);
  EXPECT_EQ(MissingResource(other), "case " + std::to_string(case_id));
  const grpc::Status none = GetCaseAs(Jastrzebia().worker, case_id + 1000);
  EXPECT_TRUE(HasCode(none, StatusCode::NOT_FOUND));
  EXPECT_EQ(MissingResource(none), "case " + std::to_string(case_id + 1000));
  EXPECT_EQ(other.error_message(), "case " + std::to_string(case_id) + " not found");

  v1::AssignAssistantRequest assign;
  assign.set_case_id(case_id);
  assign.set_assistant_id(std::string(Jastrzebia().assistant.actor_id));
  v1::Case ignored;
  EXPECT_TRUE(HasCode(client().Call(Jastrzebia().head, &Cases::AssignAssistant, assign, &ignored),
                      StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(SubmitPlanAs(Jastrzebia().worker, case_id), StatusCode::NOT_FOUND));
  ASSERT_NO_FATAL_FAILURE(ExpectAssistant(case_id, Sopot().assistant.actor_id));
}

TEST_P(AccessTest, CaseOfAnotherAssistantIsNotFound) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case ignored;
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::SubmitIntake, intake, &ignored)));

  EXPECT_TRUE(IsOk(GetCaseAs(Sopot().assistant, case_id)));
  EXPECT_TRUE(HasCode(GetCaseAs(Sopot().other_assistant, case_id), StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(SubmitPlanAs(Sopot().other_assistant, case_id), StatusCode::NOT_FOUND));
  int seen_by_other = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), Sopot().other_assistant, &seen_by_other));
  EXPECT_EQ(seen_by_other, 0);
  int seen_by_assigned = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), Sopot().assistant, &seen_by_assigned));
  EXPECT_EQ(seen_by_assigned, 1);

  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), Sopot().worker, case_id, &detail));
  EXPECT_EQ(detail.case_().plan_version(), 0);
  // Once reassigned, the roles swap.
  v1::AssignAssistantRequest reassign;
  reassign.set_case_id(case_id);
  reassign.set_assistant_id(std::string(Sopot().other_assistant.actor_id));
  ASSERT_TRUE(IsOk(client().Call(Sopot().head, &Cases::AssignAssistant, reassign, &ignored)));
  EXPECT_TRUE(IsOk(GetCaseAs(Sopot().other_assistant, case_id)));
  EXPECT_TRUE(HasCode(GetCaseAs(Sopot().assistant, case_id), StatusCode::NOT_FOUND));
}

TEST_P(AccessTest, MissingOrUnknownTokenIsUnauthenticated) {
  v1::ListCasesResponse cases;
  EXPECT_TRUE(HasCode(client().Call("", &Cases::ListCases, v1::ListCasesRequest(), &cases),
                      StatusCode::UNAUTHENTICATED));
  EXPECT_TRUE(
      HasCode(client().Call("no-such-token", &Cases::ListCases, v1::ListCasesRequest(), &cases),
              StatusCode::UNAUTHENTICATED));
  v1::ListAssistanceTypesResponse types;
  EXPECT_TRUE(HasCode(
      client().Call("", &Platform::ListAssistanceTypes, v1::ListAssistanceTypesRequest(), &types),
      StatusCode::UNAUTHENTICATED));
  v1::CreatePersonRequest person;
  person.set_given_name("Anna");
  person.set_family_name("Nowak");
  v1::Person ignored;
  EXPECT_TRUE(HasCode(client().Call("it-sopot-worker-x", &Cases::CreatePerson, person, &ignored),
                      StatusCode::UNAUTHENTICATED));

  // A token that is not "Bearer <token>".
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Basic " + std::string(Sopot().worker.token));
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  EXPECT_TRUE(HasCode(client().cases().ListCases(&context, v1::ListCasesRequest(), &cases),
                      StatusCode::UNAUTHENTICATED));

  int count = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), Sopot().worker, &count));
  EXPECT_EQ(count, 0);
}

TEST_P(AccessTest, RoleNotAllowedIsPermissionDenied) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));

  v1::AssignAssistantRequest assign;
  assign.set_case_id(case_id);
  assign.set_assistant_id(std::string(Sopot().other_assistant.actor_id));
  v1::Case ignored;
  EXPECT_TRUE(HasCode(client().Call(Sopot().assistant, &Cases::AssignAssistant, assign, &ignored),
                      StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(HasCode(client().Call(Sopot().worker, &Cases::AssignAssistant, assign, &ignored),
                      StatusCode::PERMISSION_DENIED));
  ASSERT_NO_FATAL_FAILURE(ExpectAssistant(case_id, Sopot().assistant.actor_id));

  const grpc::Status auditor_plan = SubmitPlanAs(Sopot().auditor, case_id);
  EXPECT_TRUE(HasCode(auditor_plan, StatusCode::PERMISSION_DENIED));
  // Machine-readable too: google.rpc.ErrorInfo names why.
  EXPECT_EQ(ErrorReason(auditor_plan), "ROLE_NOT_ALLOWED") << Describe(auditor_plan);
  v1::ListCasesResponse cases;
  EXPECT_TRUE(HasCode(client().Call(Operator(), &Cases::ListCases, v1::ListCasesRequest(), &cases),
                      StatusCode::PERMISSION_DENIED))
      << "the operator never sees cases";
  v1::ListAuditEventsResponse events;
  EXPECT_TRUE(HasCode(client().Call(Sopot().assistant, &Audit::ListAuditEvents,
                                    v1::ListAuditEventsRequest(), &events),
                      StatusCode::PERMISSION_DENIED));
  v1::CreateCentreRequest centre;
  centre.set_id("ops-test");
  centre.set_name("Ośrodek testowy");
  v1::Centre created;
  EXPECT_TRUE(HasCode(client().Call(Sopot().head, &Platform::CreateCentre, centre, &created),
                      StatusCode::PERMISSION_DENIED));
  v1::ListCentresResponse centres;
  ASSERT_TRUE(
      IsOk(client().Call(Operator(), &Platform::ListCentres, v1::ListCentresRequest(), &centres)));
  EXPECT_EQ(centres.centres_size(), 2) << centres.DebugString();

  // The same plan by the assigned assistant is accepted once there is an intake.
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::SubmitIntake, intake, &ignored)));
  EXPECT_TRUE(IsOk(SubmitPlanAs(Sopot().assistant, case_id)));
}

INSTANTIATE_BACKENDS(AccessTest);

}  // namespace
}  // namespace assist::it
