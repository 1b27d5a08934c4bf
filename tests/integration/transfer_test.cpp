// Transfers of a case between the platform's centres, as the two heads meet them: Sopot sends a
// family case, Jastrzębia's head accepts (the family, the intake and the plan go on there; Sopot's
// case closes TRANSFERRED), declines or lets Sopot cancel; each centre sees only its own case and
// records, both the transfer. Refusals change nothing. On both backends.
#include <gtest/gtest.h>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;
using Codes = std::vector<std::string>;

class TransferTest : public HostTest {
 protected:
  const CentreStaff& sopot_ = Sopot();
  const CentreStaff& jastrzebia_ = Jastrzebia();

  // The Nowak family's case at Sopot with an intake, a plan and a home visit.
  void WorkedFamilyCase(std::int64_t* case_id) {
    ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), sopot_, case_id));
    v1::SubmitIntakeRequest intake;
    intake.set_case_id(*case_id);
    *intake.mutable_intake() = JsonPayload(family::IntakeJson());
    v1::Case with_intake;
    ASSERT_TRUE(IsOk(client().Call(sopot_.assistant, &Cases::SubmitIntake, intake, &with_intake)));
    v1::SubmitPlanRequest plan;
    plan.set_case_id(*case_id);
    *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
    v1::PlanVersion saved;
    ASSERT_TRUE(IsOk(client().Call(sopot_.assistant, &Cases::SubmitPlan, plan, &saved)));
    v1::RecordContactRequest contact;
    contact.set_case_id(*case_id);
    contact.set_kind(v1::CONTACT_KIND_HOME_VISIT);
    contact.set_notes("the family packs for the move");
    *contact.mutable_details() = JsonPayload(family::ContactJson());
    v1::Contact recorded;
    ASSERT_TRUE(IsOk(client().Call(sopot_.assistant, &Cases::RecordContact, contact, &recorded)));
  }

  grpc::Status Transfer(const Identity& who, std::int64_t case_id,
                        std::string_view to = kJastrzebia, v1::CaseTransfer* asked = nullptr) {
    v1::TransferCaseRequest request;
    request.set_case_id(case_id);
    request.set_to_centre_id(std::string(to));
    request.set_reason("the family moved to Jastrzębia");
    v1::CaseTransfer ignored;
    return client().Call(who, &Cases::TransferCase, request, asked ? asked : &ignored);
  }

  grpc::Status Accept(const Identity& who, std::int64_t transfer_id,
                      v1::CaseTransfer* accepted = nullptr) {
    v1::AcceptTransferRequest request;
    request.set_transfer_id(transfer_id);
    v1::CaseTransfer ignored;
    return client().Call(who, &Cases::AcceptTransfer, request, accepted ? accepted : &ignored);
  }

  void List(const Identity& who, v1::TransferState state, v1::ListTransfersResponse* listed) {
    v1::ListTransfersRequest request;
    request.set_state(state);
    ASSERT_TRUE(IsOk(client().Call(who, &Cases::ListTransfers, request, listed)));
  }

  StatusCode GetCaseCode(const Identity& who, std::int64_t case_id) {
    v1::GetCaseRequest request;
    request.set_case_id(case_id);
    v1::CaseDetail ignored;
    return client().Call(who, &Cases::GetCase, request, &ignored).error_code();
  }

  void Trail(const Identity& who, std::int64_t case_id, v1::ListAuditEventsResponse* events) {
    v1::ListAuditEventsRequest request;
    request.set_case_id(case_id);
    ASSERT_TRUE(IsOk(client().Call(who, &Audit::ListAuditEvents, request, events)));
  }
};

TEST_P(TransferTest, AnAcceptedTransferCarriesTheFamilyCaseToJastrzebia) {
  std::int64_t origin = 0;
  ASSERT_NO_FATAL_FAILURE(WorkedFamilyCase(&origin));
  v1::CaseDetail before;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), sopot_.head, origin, &before));
  int jastrzebia_cases = 0;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), jastrzebia_.head, &jastrzebia_cases));

  v1::CaseTransfer asked;
  ASSERT_TRUE(IsOk(Transfer(sopot_.head, origin, kJastrzebia, &asked)));
  EXPECT_EQ(asked.state(), v1::TRANSFER_STATE_PENDING);
  v1::ListTransfersResponse incoming;
  ASSERT_NO_FATAL_FAILURE(List(jastrzebia_.head, v1::TRANSFER_STATE_PENDING, &incoming));
  ASSERT_EQ(incoming.transfers_size(), 1);
  EXPECT_EQ(incoming.transfers(0).direction(), v1::TRANSFER_DIRECTION_INCOMING);
  EXPECT_EQ(incoming.transfers(0).case_id(), origin);

  v1::CaseTransfer accepted;
  ASSERT_TRUE(IsOk(Accept(jastrzebia_.head, asked.id(), &accepted)));
  EXPECT_EQ(accepted.state(), v1::TRANSFER_STATE_ACCEPTED);
  const std::int64_t moved_id = accepted.new_case_id();
  ASSERT_NE(moved_id, 0);

  // Jastrzębia's new case: the family registered there, the intake and the plan to work on.
  v1::CaseDetail moved;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), jastrzebia_.head, moved_id, &moved));
  EXPECT_EQ(moved.case_().centre_id(), kJastrzebia);
  EXPECT_EQ(moved.case_().type_id(), "family");
  EXPECT_EQ(moved.case_().status(), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(moved.case_().consent(), v1::CONSENT_STATE_PENDING);
  EXPECT_EQ(moved.case_().referred_on(), DateFromToday(0));
  EXPECT_NE(moved.case_().family_id(), before.case_().family_id());
  EXPECT_EQ(moved.intake().json(), before.intake().json());
  EXPECT_EQ(moved.plan().version(), 1);
  EXPECT_EQ(moved.plan().plan().json(), before.plan().plan().json());
  EXPECT_EQ(moved.transferred_from().centre_id(), kSopot);
  EXPECT_EQ(moved.transferred_from().case_id(), origin);
  EXPECT_EQ(moved.transferred_from().referred_on(), before.case_().referred_on());
  v1::GetFamilyRequest family;
  family.set_id(moved.case_().family_id());
  v1::Family at_jastrzebia;
  ASSERT_TRUE(IsOk(client().Call(jastrzebia_.worker, &Cases::GetFamily, family, &at_jastrzebia)));
  EXPECT_EQ(at_jastrzebia.members_size(), 2);
  int after_cases = 0;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), jastrzebia_.head, &after_cases));
  EXPECT_EQ(after_cases, jastrzebia_cases + 1);

  // Sopot's case is closed TRANSFERRED on the transfer date.
  v1::CaseDetail closed;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), sopot_.head, origin, &closed));
  EXPECT_EQ(closed.case_().status(), v1::CASE_STATUS_CLOSED);
  EXPECT_EQ(closed.case_().closure_reason(), v1::CLOSURE_REASON_TRANSFERRED);
  EXPECT_EQ(closed.case_().closed_on(), asked.transfer_on());

  // Each centre sees its own period only.
  EXPECT_EQ(GetCaseCode(jastrzebia_.head, origin), StatusCode::NOT_FOUND);
  EXPECT_EQ(GetCaseCode(sopot_.head, moved_id), StatusCode::NOT_FOUND);
  v1::ListContactsRequest contacts;
  contacts.set_case_id(origin);
  v1::ListContactsResponse ignored;
  EXPECT_TRUE(HasCode(client().Call(jastrzebia_.head, &Cases::ListContacts, contacts, &ignored),
                      StatusCode::NOT_FOUND));
  v1::ListAuditEventsResponse jastrzebia_trail;
  ASSERT_NO_FATAL_FAILURE(Trail(jastrzebia_.auditor, origin, &jastrzebia_trail));
  for (const auto& event : jastrzebia_trail.events()) {
    EXPECT_EQ(event.centre_id(), kJastrzebia);
    EXPECT_NE(event.rpc(), "RecordContact");
    EXPECT_NE(event.rpc(), "SubmitIntake");
  }
  // Both trails record the acceptance, each naming the other centre's case.
  v1::ListAuditEventsResponse sopot_trail;
  ASSERT_NO_FATAL_FAILURE(Trail(sopot_.auditor, origin, &sopot_trail));
  int sopot_rows = 0;
  for (const auto& event : sopot_trail.events()) {
    if (event.rpc() != "AcceptTransfer") continue;
    ++sopot_rows;
    EXPECT_EQ(event.actor_id(), jastrzebia_.head.actor_id);
    EXPECT_NE(event.detail().find("as case " + std::to_string(moved_id)), std::string::npos)
        << event.detail();
  }
  EXPECT_EQ(sopot_rows, 1);
  ASSERT_NO_FATAL_FAILURE(Trail(jastrzebia_.auditor, moved_id, &jastrzebia_trail));
  bool accepted_row = false;
  for (const auto& event : jastrzebia_trail.events()) {
    accepted_row = accepted_row ||
                   (event.rpc() == "AcceptTransfer" &&
                    event.detail().find("case " + std::to_string(origin)) != std::string::npos);
  }
  EXPECT_TRUE(accepted_row);

  // Both see the transfer.
  v1::ListTransfersResponse sopot_list;
  ASSERT_NO_FATAL_FAILURE(List(sopot_.head, v1::TRANSFER_STATE_ACCEPTED, &sopot_list));
  ASSERT_EQ(sopot_list.transfers_size(), 1);
  EXPECT_EQ(sopot_list.transfers(0).direction(), v1::TRANSFER_DIRECTION_OUTGOING);
  EXPECT_EQ(sopot_list.transfers(0).new_case_id(), moved_id);

  // The work goes on at Jastrzębia once it has its own consent and assistant.
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), jastrzebia_, moved_id));
  v1::RecordReviewRequest review;
  review.set_case_id(moved_id);
  *review.mutable_review() = JsonPayload(family::ReviewJson());
  v1::Review reviewed;
  EXPECT_TRUE(IsOk(client().Call(jastrzebia_.assistant, &Cases::RecordReview, review, &reviewed)));
}

TEST_P(TransferTest, DeclinedOrCancelledTransfersLeaveTheCaseOpenAtSopot) {
  std::int64_t origin = 0;
  ASSERT_NO_FATAL_FAILURE(WorkedFamilyCase(&origin));
  v1::CaseTransfer asked;
  ASSERT_TRUE(IsOk(Transfer(sopot_.head, origin, kJastrzebia, &asked)));
  const grpc::Status second = Transfer(sopot_.head, origin);
  EXPECT_TRUE(HasCode(second, StatusCode::ALREADY_EXISTS)) << Describe(second);
  EXPECT_EQ(ErrorReason(second), "TRANSFER_PENDING");
  EXPECT_EQ(ErrorMetadata(second, "transfer_id"), std::to_string(asked.id()));

  v1::DeclineTransferRequest decline;
  decline.set_transfer_id(asked.id());
  decline.set_reason("the family has not registered in Jastrzębia");
  v1::CaseTransfer declined;
  ASSERT_TRUE(IsOk(client().Call(jastrzebia_.head, &Cases::DeclineTransfer, decline, &declined)));
  EXPECT_EQ(declined.state(), v1::TRANSFER_STATE_DECLINED);
  EXPECT_EQ(declined.decline_reason(), decline.reason());
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), sopot_.head, origin, &detail));
  EXPECT_EQ(detail.case_().status(), v1::CASE_STATUS_OPEN);

  ASSERT_TRUE(IsOk(Transfer(sopot_.head, origin, kJastrzebia, &asked)));
  v1::CancelTransferRequest cancel;
  cancel.set_transfer_id(asked.id());
  v1::CaseTransfer cancelled;
  const grpc::Status not_theirs =
      client().Call(jastrzebia_.head, &Cases::CancelTransfer, cancel, &cancelled);
  EXPECT_EQ(PreconditionTypes(not_theirs), Codes{"TRANSFER_NOT_OUTGOING"}) << Describe(not_theirs);
  ASSERT_TRUE(IsOk(client().Call(sopot_.head, &Cases::CancelTransfer, cancel, &cancelled)));
  EXPECT_EQ(cancelled.state(), v1::TRANSFER_STATE_CANCELLED);
  const grpc::Status late = Accept(jastrzebia_.head, asked.id());
  EXPECT_EQ(PreconditionTypes(late), Codes{"TRANSFER_NOT_PENDING"}) << Describe(late);
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), sopot_.head, origin, &detail));
  EXPECT_EQ(detail.case_().status(), v1::CASE_STATUS_OPEN);
  int jastrzebia_cases = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), jastrzebia_.head, &jastrzebia_cases));
  EXPECT_EQ(jastrzebia_cases, 0);
  v1::ListTransfersResponse listed;
  ASSERT_NO_FATAL_FAILURE(List(jastrzebia_.head, v1::TRANSFER_STATE_UNSPECIFIED, &listed));
  EXPECT_EQ(listed.transfers_size(), 2);
}

TEST_P(TransferTest, OnlySopotsHeadTransfersAndARefusalWritesNothing) {
  std::int64_t origin = 0;
  ASSERT_NO_FATAL_FAILURE(WorkedFamilyCase(&origin));
  for (const Identity* who : {&sopot_.worker, &sopot_.assistant, &sopot_.auditor, &sopot_.app}) {
    EXPECT_TRUE(HasCode(Transfer(*who, origin), StatusCode::PERMISSION_DENIED)) << who->actor_id;
  }
  EXPECT_TRUE(HasCode(Transfer(jastrzebia_.head, origin, kSopot), StatusCode::NOT_FOUND));
  const grpc::Status own = Transfer(sopot_.head, origin, kSopot);
  EXPECT_TRUE(HasCode(own, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(own), Codes{"to_centre_id"});
  const grpc::Status unknown = Transfer(sopot_.head, origin, "gops-nigdzie");
  EXPECT_EQ(PreconditionTypes(unknown), Codes{"RECEIVING_CENTRE_UNKNOWN"}) << Describe(unknown);

  // Jastrzębia runs only the family type.
  v1::CreatePersonRequest person;
  person.set_given_name("Marek");
  person.set_family_name("Zieliński");
  person.set_birth_date("1971-05-30");
  v1::Person created;
  ASSERT_TRUE(IsOk(client().Call(sopot_.worker, &Cases::CreatePerson, person, &created)));
  v1::OpenCaseRequest open;
  open.set_type_id("homelessness");
  open.set_person_id(created.id());
  open.set_referral_reason("sleeping at the railway station");
  v1::Case homeless;
  ASSERT_TRUE(IsOk(client().Call(sopot_.worker, &Cases::OpenCase, open, &homeless)));
  const grpc::Status not_run = Transfer(sopot_.head, homeless.id());
  EXPECT_EQ(PreconditionTypes(not_run), Codes{"TYPE_NOT_ENABLED_AT_RECEIVER"}) << Describe(not_run);

  v1::ListTransfersResponse listed;
  ASSERT_NO_FATAL_FAILURE(List(sopot_.head, v1::TRANSFER_STATE_UNSPECIFIED, &listed));
  EXPECT_EQ(listed.transfers_size(), 0);

  // Only the receiving head decides.
  v1::CaseTransfer asked;
  ASSERT_TRUE(IsOk(Transfer(sopot_.head, origin, kJastrzebia, &asked)));
  for (const Identity* who : {&jastrzebia_.worker, &jastrzebia_.assistant, &jastrzebia_.auditor}) {
    EXPECT_TRUE(HasCode(Accept(*who, asked.id()), StatusCode::PERMISSION_DENIED)) << who->actor_id;
  }
  const grpc::Status own_accept = Accept(sopot_.head, asked.id());
  EXPECT_EQ(PreconditionTypes(own_accept), Codes{"TRANSFER_NOT_INCOMING"}) << Describe(own_accept);
  int jastrzebia_cases = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), jastrzebia_.head, &jastrzebia_cases));
  EXPECT_EQ(jastrzebia_cases, 0);
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), sopot_.head, origin, &detail));
  EXPECT_EQ(detail.case_().status(), v1::CASE_STATUS_OPEN);
}

INSTANTIATE_BACKENDS(TransferTest);

}  // namespace
}  // namespace assist::it
