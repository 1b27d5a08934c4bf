// Every read and change of a case leaves exactly its audit row (RPC, read/write, actor, role,
// the caller's x-request-id), refusals leave a "denied" row, a rejected change a "rejected" one,
// and nothing in the API changes or removes a row. (That the database refuses UPDATE and DELETE on
// audit_events is tested in tests/unit/db/migrator_test.cpp.)
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "api_methods.hpp"
#include "assist/v1/staff.pb.h"
#include "audit_trail.hpp"
#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {
namespace {

namespace pb = google::protobuf;
namespace v1 = assist::v1;
using grpc::StatusCode;

class AuditCompletenessTest : public HostTest {
 protected:
  void SetUp() override {
    HostTest::SetUp();
    if (!HasFatalFailure() && !IsSkipped()) trail_.emplace(client(), Sopot().auditor);
  }

  // Calls `rpc` as `who` expecting `code`, then expects the case's trail to gain one row with
  // `action` (none if empty) for this call.
  void Step(const std::string& rpc, const Identity& who, const pb::Message& request,
            StatusCode code, const std::string& action, std::string* response = nullptr) {
    const std::string request_id = "audit-" + std::to_string(++steps_) + "-" + rpc;
    std::string bytes;
    const grpc::Status status =
        client().CallMethod(ApiMethod(rpc), who.token, request, &bytes, request_id);
    ASSERT_TRUE(HasCode(status, code)) << rpc << " as " << who.actor_id;
    if (status.ok()) called_.insert(rpc);
    if (response != nullptr) *response = bytes;
    if (trail_->case_id() == 0) return;  // OpenCase: the caller follows the new case first
    std::vector<AuditRow> rows;
    if (!action.empty()) rows.push_back(Row(rpc, action, who, request_id));
    ASSERT_NO_FATAL_FAILURE(trail_->ExpectGained(rows, "list-after-" + request_id));
  }

  AuditRow Row(const std::string& rpc, const std::string& action, const Identity& who,
               const std::string& request_id) const {
    return {rpc,       action, std::string(who.actor_id), std::string(who.role), trail_->case_id(),
            request_id};
  }

  // The worker opens a family case and the trail of that case is followed from then on.
  void OpenCase(std::int64_t family_id, const std::string& referred_on) {
    v1::OpenCaseRequest open;
    open.set_type_id("family");
    open.set_family_id(family_id);
    open.set_referral_reason("school reports neglect");
    open.set_referred_on(referred_on);
    std::string bytes;
    ASSERT_NO_FATAL_FAILURE(Step("OpenCase", Sopot().worker, open, StatusCode::OK, "", &bytes));
    v1::Case opened;
    ASSERT_TRUE(opened.ParseFromString(bytes));
    trail_->Follow(opened.id());
    const std::string request_id = "audit-" + std::to_string(steps_) + "-OpenCase";
    ASSERT_NO_FATAL_FAILURE(trail_->ExpectGained(
        {Row("OpenCase", "write", Sopot().worker, request_id)}, "list-after-open"));
  }

  void WorkUntilClosed();
  void ReadEverything(std::int64_t anna_id);
  void CloseAndMonitor();
  void ApproveAProgramme();

  template <typename Request>
  Request ForCase(Request request) const {
    request.set_case_id(trail_->case_id());
    return request;
  }

  std::optional<AuditFollower> trail_;  // Sopot's auditor reading the case's trail
  std::set<std::string> called_;        // RPCs that answered OK
  int steps_ = 0;
};

void AuditCompletenessTest::WorkUntilClosed() {
  const CentreStaff& s = Sopot();
  v1::AssignAssistantRequest assign;
  assign.set_assistant_id(std::string(s.assistant.actor_id));
  ASSERT_NO_FATAL_FAILURE(
      Step("AssignAssistant", s.head, ForCase(assign), StatusCode::OK, "write"));
  // A co-assistant for a while: they read the case, then no longer once it has ended.
  v1::AssignAssistantRequest co_assistant;
  co_assistant.set_assistant_id(std::string(s.other_assistant.actor_id));
  co_assistant.set_role(v1::ASSIGNMENT_ROLE_CO_ASSISTANT);
  ASSERT_NO_FATAL_FAILURE(
      Step("AssignAssistant", s.head, ForCase(co_assistant), StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(
      Step("GetCase", s.other_assistant, ForCase(v1::GetCaseRequest()), StatusCode::OK, "read"));
  v1::EndAssignmentRequest end;
  end.set_assistant_id(std::string(s.other_assistant.actor_id));
  ASSERT_NO_FATAL_FAILURE(Step("EndAssignment", s.head, ForCase(end), StatusCode::OK, "write"));
  v1::RecordConsentRequest consent;
  consent.set_decision(v1::CONSENT_STATE_GIVEN);
  ASSERT_NO_FATAL_FAILURE(
      Step("RecordConsent", s.worker, ForCase(consent), StatusCode::OK, "write"));
  // Refused: not this assistant's case; a rejected intake changes nothing but leaves its row.
  ASSERT_NO_FATAL_FAILURE(Step("GetCase", s.other_assistant, ForCase(v1::GetCaseRequest()),
                               StatusCode::NOT_FOUND, "denied"));
  v1::SubmitIntakeRequest intake;
  *intake.mutable_intake() = JsonPayload(family::InvalidIntakeJson());
  ASSERT_NO_FATAL_FAILURE(
      Step("SubmitIntake", s.assistant, ForCase(intake), StatusCode::INVALID_ARGUMENT, "rejected"));
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  ASSERT_NO_FATAL_FAILURE(
      Step("SubmitIntake", s.assistant, ForCase(intake), StatusCode::OK, "write"));
  v1::SubmitPlanRequest plan;
  *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
  // Refused: an auditor changes nothing.
  ASSERT_NO_FATAL_FAILURE(
      Step("SubmitPlan", s.auditor, ForCase(plan), StatusCode::PERMISSION_DENIED, "denied"));
  ASSERT_NO_FATAL_FAILURE(Step("SubmitPlan", s.assistant, ForCase(plan), StatusCode::OK, "write"));
  // Refused: the family type's plans are in force without the head's approval.
  v1::ApprovePlanRequest approve;
  approve.set_version(1);
  approve.set_decision(v1::PLAN_DECISION_APPROVED);
  ASSERT_NO_FATAL_FAILURE(
      Step("ApprovePlan", s.head, ForCase(approve), StatusCode::FAILED_PRECONDITION, "rejected"));
  v1::RecordContactRequest contact;
  contact.set_kind(v1::CONTACT_KIND_HOME_VISIT);
  contact.set_duration_minutes(45);
  *contact.mutable_details() = JsonPayload(family::ContactJson());
  ASSERT_NO_FATAL_FAILURE(
      Step("RecordContact", s.assistant, ForCase(contact), StatusCode::OK, "write"));
  v1::RecordReviewRequest review;
  *review.mutable_review() = JsonPayload(family::ReviewJson());
  ASSERT_NO_FATAL_FAILURE(
      Step("RecordReview", s.assistant, ForCase(review), StatusCode::OK, "write"));
  // A transfer asked and cancelled, another declined by Jastrzębia's head: each leaves its row in
  // this case's trail (the receiving centre's rows are in its own trail).
  // Jastrzębia's head enables the type first (a row in Jastrzębia's trail, not this case's).
  v1::CentreAssistanceTypeRequest enable;
  enable.set_centre_id(std::string(kJastrzebia));
  enable.set_type_id("homelessness");
  v1::Centre jastrzebia;
  ASSERT_TRUE(
      IsOk(client().Call(Jastrzebia().head, &Platform::EnableAssistanceType, enable, &jastrzebia)));
  v1::TransferCaseRequest transfer;
  transfer.set_to_centre_id(std::string(kJastrzebia));
  transfer.set_reason("the family moves to Jastrzębia");
  std::string bytes;
  ASSERT_NO_FATAL_FAILURE(
      Step("TransferCase", s.head, ForCase(transfer), StatusCode::OK, "write", &bytes));
  v1::CaseTransfer asked;
  ASSERT_TRUE(asked.ParseFromString(bytes));
  v1::CancelTransferRequest cancel;
  cancel.set_transfer_id(asked.id());
  ASSERT_NO_FATAL_FAILURE(Step("CancelTransfer", s.head, cancel, StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(
      Step("TransferCase", s.head, ForCase(transfer), StatusCode::OK, "write", &bytes));
  ASSERT_TRUE(asked.ParseFromString(bytes));
  v1::DeclineTransferRequest decline;
  decline.set_transfer_id(asked.id());
  decline.set_reason("the family has not registered here");
  ASSERT_NO_FATAL_FAILURE(
      Step("DeclineTransfer", Jastrzebia().head, decline, StatusCode::OK, "write"));
}

void AuditCompletenessTest::ReadEverything(std::int64_t anna_id) {
  const CentreStaff& s = Sopot();
  const StatusCode ok = StatusCode::OK;
  ASSERT_NO_FATAL_FAILURE(Step("GetPlan", s.worker, ForCase(v1::GetPlanRequest()), ok, "read"));
  ASSERT_NO_FATAL_FAILURE(
      Step("ListPlanVersions", s.app, ForCase(v1::ListPlanVersionsRequest()), ok, "read"));
  ASSERT_NO_FATAL_FAILURE(
      Step("ListContacts", s.head, ForCase(v1::ListContactsRequest()), ok, "read"));
  ASSERT_NO_FATAL_FAILURE(
      Step("ListReviews", s.auditor, ForCase(v1::ListReviewsRequest()), ok, "read"));
  ASSERT_NO_FATAL_FAILURE(Step("GetCase", s.auditor, ForCase(v1::GetCaseRequest()), ok, "read"));
  v1::RenderDocumentRequest document;
  document.set_kind("court_opinion");
  ASSERT_NO_FATAL_FAILURE(Step("RenderDocument", s.worker, ForCase(document), ok, "read"));
  // Reads that name no case but return this one (the centre's only case) are audited per case.
  ASSERT_NO_FATAL_FAILURE(Step("ListCases", s.worker, v1::ListCasesRequest(), ok, "read"));
  v1::ListDueReviewsRequest due;
  due.set_as_of("2099-01-01");
  ASSERT_NO_FATAL_FAILURE(Step("ListDueReviews", s.head, due, ok, "read"));
  v1::ExportPersonDataRequest export_request;
  export_request.set_person_id(anna_id);
  ASSERT_NO_FATAL_FAILURE(Step("ExportPersonData", s.worker, export_request, ok, "read"));
  ASSERT_NO_FATAL_FAILURE(
      Step("ListAuditEvents", s.head, ForCase(v1::ListAuditEventsRequest()), ok, "read"));
  // Another centre's probe is in that centre's trail, not in Sopot's.
  ASSERT_NO_FATAL_FAILURE(Step("GetCase", Jastrzebia().worker, ForCase(v1::GetCaseRequest()),
                               StatusCode::NOT_FOUND, ""));
  AuditFollower jastrzebia(client(), Jastrzebia().auditor);
  jastrzebia.Follow(trail_->case_id());
  const std::string probe = "audit-" + std::to_string(steps_) + "-GetCase";
  ASSERT_NO_FATAL_FAILURE(
      jastrzebia.ExpectGained({{"GetCase", "denied", std::string(Jastrzebia().worker.actor_id),
                                "ROLE_SOCIAL_WORKER", trail_->case_id(), probe}},
                              "jastrzebia-list"));
}

void AuditCompletenessTest::CloseAndMonitor() {
  const CentreStaff& s = Sopot();
  v1::CloseCaseRequest close;
  close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  *close.mutable_outcome() = JsonPayload(family::OutcomeJson());
  ASSERT_NO_FATAL_FAILURE(Step("CloseCase", s.worker, ForCase(close), StatusCode::OK, "write"));
  v1::StartMonitoringRequest start;
  start.set_until(DateFromToday(180));
  ASSERT_NO_FATAL_FAILURE(
      Step("StartMonitoring", s.assistant, ForCase(start), StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(
      Step("EndMonitoring", s.head, ForCase(v1::EndMonitoringRequest()), StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(trail_->ExpectGained({}, "list-final"));
}

// A homelessness case, whose programme is in force only once the head approves it: the trail is
// followed from the submitted programme on.
void AuditCompletenessTest::ApproveAProgramme() {
  const CentreStaff& s = Sopot();
  const TypePayloads payloads = homelessness::Payloads();
  v1::CreatePersonRequest person;
  person.set_given_name("Marek");
  person.set_family_name("Zieliński");
  person.set_birth_date("1971-05-30");
  v1::Person created;
  ASSERT_TRUE(IsOk(client().Call(s.worker, &Cases::CreatePerson, person, &created)));
  v1::OpenCaseRequest open;
  open.set_type_id("homelessness");
  open.set_person_id(created.id());
  open.set_referral_reason("met by the streetworker at the railway station");
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(s.worker, &Cases::OpenCase, open, &opened)));
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), s, opened.id()));
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(opened.id());
  *intake.mutable_intake() = JsonPayload(payloads.intake);
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client().Call(s.assistant, &Cases::SubmitIntake, intake, &with_intake)));
  // Mr Marek was met on the street before his case: that contact joins it.
  v1::RecordOutreachContactRequest outreach;
  outreach.set_type_id("homelessness");
  outreach.set_pseudonym("Pan Marek z dworca");
  outreach.set_identity_quality(v1::IDENTITY_QUALITY_PARTIAL_NAME);
  outreach.set_place("dworzec PKP");
  outreach.add_needs_met(v1::OUTREACH_NEED_DRINK);
  v1::OutreachContact met;
  ASSERT_TRUE(IsOk(client().Call(s.assistant, &Cases::RecordOutreachContact, outreach, &met)));
  trail_.emplace(client(), s.auditor);
  trail_->Follow(opened.id());
  ASSERT_NO_FATAL_FAILURE(trail_->CatchUp("audit-programme-catch-up"));
  v1::LinkOutreachContactsRequest link;
  link.add_contact_ids(met.id());
  ASSERT_NO_FATAL_FAILURE(Step("LinkOutreachContacts", s.auditor, ForCase(link),
                               StatusCode::PERMISSION_DENIED, "denied"));
  ASSERT_NO_FATAL_FAILURE(
      Step("LinkOutreachContacts", s.assistant, ForCase(link), StatusCode::OK, "write"));

  v1::SubmitPlanRequest plan;
  *plan.mutable_plan() = JsonPayload(payloads.plan);
  ASSERT_NO_FATAL_FAILURE(Step("SubmitPlan", s.assistant, ForCase(plan), StatusCode::OK, "write"));
  v1::RecordReviewRequest review;
  *review.mutable_review() = JsonPayload(payloads.review);
  ASSERT_NO_FATAL_FAILURE(Step("RecordReview", s.assistant, ForCase(review),
                               StatusCode::FAILED_PRECONDITION, "rejected"));
  v1::ApprovePlanRequest reject;
  reject.set_version(1);
  reject.set_decision(v1::PLAN_DECISION_REJECTED);
  reject.set_reason("the debts stage is missing");
  // Refused: the assistant does not approve, nor the social worker.
  ASSERT_NO_FATAL_FAILURE(
      Step("ApprovePlan", s.assistant, ForCase(reject), StatusCode::PERMISSION_DENIED, "denied"));
  ASSERT_NO_FATAL_FAILURE(Step("ApprovePlan", s.head, ForCase(reject), StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(Step("SubmitPlan", s.assistant, ForCase(plan), StatusCode::OK, "write"));
  v1::ApprovePlanRequest approve;
  approve.set_version(2);
  approve.set_decision(v1::PLAN_DECISION_APPROVED);
  ASSERT_NO_FATAL_FAILURE(
      Step("ApprovePlan", s.worker, ForCase(approve), StatusCode::PERMISSION_DENIED, "denied"));
  ASSERT_NO_FATAL_FAILURE(Step("ApprovePlan", s.head, ForCase(approve), StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(
      Step("RecordReview", s.assistant, ForCase(review), StatusCode::OK, "write"));
  // A transfer asked and cancelled, another declined by Jastrzębia's head: each leaves its row in
  // this case's trail (the receiving centre's rows are in its own trail).
  v1::TransferCaseRequest transfer;
  transfer.set_to_centre_id(std::string(kJastrzebia));
  transfer.set_reason("the family moves to Jastrzębia");
  std::string bytes;
  ASSERT_NO_FATAL_FAILURE(
      Step("TransferCase", s.head, ForCase(transfer), StatusCode::OK, "write", &bytes));
  v1::CaseTransfer asked;
  ASSERT_TRUE(asked.ParseFromString(bytes));
  v1::CancelTransferRequest cancel;
  cancel.set_transfer_id(asked.id());
  ASSERT_NO_FATAL_FAILURE(Step("CancelTransfer", s.head, cancel, StatusCode::OK, "write"));
  ASSERT_NO_FATAL_FAILURE(
      Step("TransferCase", s.head, ForCase(transfer), StatusCode::OK, "write", &bytes));
  ASSERT_TRUE(asked.ParseFromString(bytes));
  v1::DeclineTransferRequest decline;
  decline.set_transfer_id(asked.id());
  decline.set_reason("the family has not registered here");
  ASSERT_NO_FATAL_FAILURE(
      Step("DeclineTransfer", Jastrzebia().head, decline, StatusCode::OK, "write"));
}

TEST_P(AuditCompletenessTest, EveryCaseRpcLeavesExactlyItsRow) {
  std::int64_t family_id = 0;
  std::int64_t anna_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family_id, &anna_id));
  ASSERT_NO_FATAL_FAILURE(OpenCase(family_id, ""));
  ASSERT_NO_FATAL_FAILURE(WorkUntilClosed());
  ASSERT_NO_FATAL_FAILURE(ReadEverything(anna_id));
  ASSERT_NO_FATAL_FAILURE(CloseAndMonitor());
  ASSERT_NO_FATAL_FAILURE(ApproveAProgramme());

  int case_rpcs = 0;
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    if (!NamesACase(*method)) continue;
    ++case_rpcs;
    EXPECT_EQ(called_.count(method->name()), 1u)
        << "FAIL: " << method->full_name() << " names a case but this test never calls it: add "
        << "it to the sequence";
  }
  EXPECT_GE(case_rpcs, 15);
}

TEST_P(AuditCompletenessTest, RetentionIsAuditedAndLeavesEarlierRowsAlone) {
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family_id));
  ASSERT_NO_FATAL_FAILURE(OpenCase(family_id, "2010-01-04"));
  v1::CloseCaseRequest close;
  close.set_reason(v1::CLOSURE_REASON_NO_COOPERATION);
  close.set_closed_on("2010-06-30");
  ASSERT_NO_FATAL_FAILURE(
      Step("CloseCase", Sopot().worker, ForCase(close), StatusCode::OK, "write"));
  std::string bytes;
  ASSERT_NO_FATAL_FAILURE(Step("ApplyRetention", Sopot().head, v1::ApplyRetentionRequest(),
                               StatusCode::OK, "write", &bytes));
  v1::ApplyRetentionResponse done;
  ASSERT_TRUE(done.ParseFromString(bytes));
  EXPECT_EQ(std::vector<std::int64_t>(done.anonymised_case_ids().begin(),
                                      done.anonymised_case_ids().end()),
            std::vector<std::int64_t>{trail_->case_id()});
}

// Sopot's whole trail as the auditor reads it: event id -> the serialized event.
void ReadTrail(Client& client, std::map<std::int64_t, std::string>* trail) {
  v1::ListAuditEventsRequest request;
  request.set_page_size(1000);
  for (int page = 0; page < 100; ++page) {
    v1::ListAuditEventsResponse events;
    ASSERT_TRUE(IsOk(client.Call(Sopot().auditor, &Audit::ListAuditEvents, request, &events)));
    for (const v1::AuditEvent& event : events.events()) {
      (*trail)[event.id()] = event.SerializeAsString();
    }
    if (events.next_page_token().empty()) return;
    request.set_page_token(events.next_page_token());
  }
  FAIL() << "the trail has more than 100 pages";
}

// The rows Sopot's trail gained from `before` to `after`, less the auditor's own readings.
std::vector<v1::AuditEvent> Gained(const std::map<std::int64_t, std::string>& before,
                                   const std::map<std::int64_t, std::string>& after) {
  std::vector<v1::AuditEvent> gained;
  for (const auto& [id, bytes] : after) {
    v1::AuditEvent event;
    event.ParseFromString(bytes);
    if (!before.count(id) && event.rpc() != "ListAuditEvents") gained.push_back(event);
  }
  return gained;
}

TEST_P(AuditCompletenessTest, RpcsNamingNoCaseLeaveTheirRowsToo) {
  const CentreStaff& s = Sopot();
  v1::CreatePersonRequest person;
  person.set_given_name("Ewa");
  person.set_family_name("Kowalska");
  person.set_birth_date("1979-02-11");
  v1::CentreAssistanceTypeRequest enable;  // the operator, in the centre's trail
  enable.set_centre_id(std::string(kSopot));
  enable.set_type_id("family");
  v1::GetStatisticsRequest statistics;
  statistics.set_year(2026);
  v1::RenderStatisticsReportRequest report;
  report.mutable_period()->set_year(2026);
  report.mutable_period()->set_period(v1::STATISTICS_PERIOD_FIRST_HALF);
  report.set_format(v1::REPORT_FORMAT_TEXT);
  v1::GetCentreRequest centre;
  centre.set_id(std::string(kSopot));
  v1::ListCentresRequest centres;
  v1::VerifyAuditTrailRequest verify;
  v1::RegisterStaffMemberRequest register_member;
  v1::StaffMember* staff_member = register_member.mutable_member();
  staff_member->set_login("sopot.new-assistant");
  staff_member->set_full_name("Nowa Asystentka");
  staff_member->set_function(v1::STAFF_FUNCTION_ASSISTANT);
  staff_member->add_type_ids("family");
  staff_member->set_employment_form(v1::EMPLOYMENT_FORM_CIVIL_CONTRACT);
  staff_member->set_working_time_share(0.5);
  v1::UpdateStaffMemberRequest update_member;  // the operator, in the centre's trail
  *update_member.mutable_member() = *staff_member;
  update_member.mutable_member()->set_centre_id(std::string(kSopot));
  update_member.mutable_member()->set_active(true);
  update_member.mutable_member()->set_working_time_share(1.0);
  v1::GetStaffMemberRequest get_member;
  get_member.set_login(staff_member->login());
  v1::ListStaffMembersRequest list_members;
  v1::SetCaseloadLimitRequest caseload_limit;
  caseload_limit.set_type_id("family");
  caseload_limit.set_limit(12);
  v1::ListCaseloadsRequest caseloads;
  v1::RecordOutreachContactRequest outreach;
  outreach.set_type_id("homelessness");
  outreach.set_description("a man of about 50 in a green jacket, sleeping on the bench");
  outreach.set_identity_quality(v1::IDENTITY_QUALITY_REFUSED);
  outreach.set_place("park przy molo");
  outreach.add_needs_met(v1::OUTREACH_NEED_SHELTER_INFO);
  v1::ListOutreachContactsRequest outreach_list;
  v1::ListTransfersRequest transfers;
  struct Call {
    std::string rpc;
    const Identity* who;
    const pb::Message* request;
    std::string action;
  };
  std::vector<Call> calls = {{"CreatePerson", &s.worker, &person, "write"},
                             {"EnableAssistanceType", &Operator(), &enable, "write"},
                             {"GetStatistics", &s.auditor, &statistics, "read"},
                             {"RenderStatisticsReport", &s.head, &report, "read"},
                             {"GetCentre", &s.head, &centre, "read"},
                             {"ListCentres", &s.worker, &centres, "read"},
                             {"VerifyAuditTrail", &s.head, &verify, "read"},
                             {"RegisterStaffMember", &s.head, &register_member, "write"},
                             {"UpdateStaffMember", &Operator(), &update_member, "write"},
                             {"GetStaffMember", &s.worker, &get_member, "read"},
                             {"ListStaffMembers", &s.assistant, &list_members, "read"},
                             {"SetCaseloadLimit", &s.head, &caseload_limit, "write"},
                             {"ListCaseloads", &s.auditor, &caseloads, "read"},
                             {"RecordOutreachContact", &s.worker, &outreach, "write"},
                             {"ListOutreachContacts", &s.auditor, &outreach_list, "read"},
                             {"ListTransfers", &s.head, &transfers, "read"}};
  v1::GetPersonRequest get_person;
  v1::CreateFamilyRequest family;
  v1::GetFamilyRequest get_family;
  v1::UpdatePersonRequest update_person;
  v1::UpdateFamilyRequest update_family;
  for (std::size_t i = 0; i < calls.size(); ++i) {
    const Call call = calls[i];  // a copy: the loop appends to `calls`
    std::map<std::int64_t, std::string> before;
    ASSERT_NO_FATAL_FAILURE(ReadTrail(client(), &before));
    const std::string request_id = "no-case-" + std::to_string(i) + "-" + call.rpc;
    std::string bytes;
    ASSERT_TRUE(IsOk(client().CallMethod(ApiMethod(call.rpc), call.who->token, *call.request,
                                         &bytes, request_id)))
        << call.rpc;
    std::map<std::int64_t, std::string> after;
    ASSERT_NO_FATAL_FAILURE(ReadTrail(client(), &after));
    const auto gained = Gained(before, after);
    ASSERT_EQ(gained.size(), 1u) << call.rpc;
    EXPECT_EQ(gained[0].rpc(), call.rpc);
    EXPECT_EQ(gained[0].action(), call.action) << call.rpc;
    EXPECT_EQ(gained[0].actor_id(), call.who->actor_id) << call.rpc;
    EXPECT_EQ(gained[0].request_id(), request_id);
    EXPECT_EQ(gained[0].centre_id(), kSopot);
    if (call.rpc == "CreatePerson") {  // the person's own RPCs follow
      v1::Person created;
      ASSERT_TRUE(created.ParseFromString(bytes));
      get_person.set_id(created.id());
      auto* member = family.add_members();
      member->set_person_id(created.id());
      member->set_relation(v1::FAMILY_RELATION_PARENT);
      family.set_name("Rodzina Kowalskich");
      calls.push_back({"GetPerson", &s.head, &get_person, "read"});
      update_person.set_id(created.id());
      update_person.set_case_file_ref("OPS-2026/41");
      calls.push_back({"UpdatePerson", &s.head, &update_person, "write"});
      calls.push_back({"CreateFamily", &s.worker, &family, "write"});
    }
    if (call.rpc == "CreateFamily") {
      v1::Family created;
      ASSERT_TRUE(created.ParseFromString(bytes));
      get_family.set_id(created.id());
      calls.push_back({"GetFamily", &s.worker, &get_family, "read"});
      update_family.set_id(created.id());
      auto* change = update_family.add_changes();
      change->set_person_id(created.members(0).person_id());
      change->set_change(v1::MEMBERSHIP_CHANGE_LEFT);
      change->set_effective_on(DateFromToday(0));
      calls.push_back({"UpdateFamily", &s.worker, &update_family, "write"});
    }
  }
  EXPECT_EQ(calls.size(), 21u);
}

TEST_P(AuditCompletenessTest, NoRpcChangesTheTrail) {
  // A trail with rows of every kind: writes, reads, a refusal and a rejection.
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family_id));
  ASSERT_NO_FATAL_FAILURE(OpenCase(family_id, ""));
  ASSERT_NO_FATAL_FAILURE(WorkUntilClosed());
  std::map<std::int64_t, std::string> before;
  ASSERT_NO_FATAL_FAILURE(ReadTrail(client(), &before));
  ASSERT_GE(before.size(), 8u);

  // Every RPC of the API, as every role of the centre, with an empty request and with one
  // naming the case and the newest audit event's id wherever a field could take it.
  const std::int64_t newest = before.rbegin()->first;
  const CentreStaff& s = Sopot();
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    for (const Identity* who : {&s.head, &s.worker, &s.assistant, &s.auditor, &s.app}) {
      pb::DynamicMessageFactory factory;
      std::unique_ptr<pb::Message> empty(factory.GetPrototype(method->input_type())->New());
      std::unique_ptr<pb::Message> aimed(empty->New());
      const pb::Reflection* reflection = aimed->GetReflection();
      for (int i = 0; i < method->input_type()->field_count(); ++i) {
        const pb::FieldDescriptor* field = method->input_type()->field(i);
        if (field->cpp_type() != pb::FieldDescriptor::CPPTYPE_INT64 || field->is_repeated()) {
          continue;
        }
        reflection->SetInt64(aimed.get(), field,
                             field->name() == "case_id" ? trail_->case_id() : newest);
      }
      for (const pb::Message* request : {empty.get(), aimed.get()}) {
        std::string ignored;
        client().CallMethod(*method, who->token, *request, &ignored);
      }
    }
  }
  std::map<std::int64_t, std::string> after;
  ASSERT_NO_FATAL_FAILURE(ReadTrail(client(), &after));
  for (const auto& [id, event] : before) {
    const auto kept = after.find(id);
    ASSERT_NE(kept, after.end()) << "FAIL: audit event " << id << " disappeared";
    EXPECT_EQ(kept->second, event) << "FAIL: audit event " << id << " changed";
  }
  EXPECT_GT(after.size(), before.size()) << "the calls above are themselves in the trail";

  const pb::ServiceDescriptor* audit = ApiServices().back();
  ASSERT_EQ(audit->full_name(), "assist.v1.AuditService");
  ASSERT_EQ(audit->method_count(), 2) << "FAIL: AuditService must only read the trail";
  EXPECT_EQ(audit->method(0)->name(), "ListAuditEvents");
  EXPECT_EQ(audit->method(1)->name(), "VerifyAuditTrail");
  for (const pb::MethodDescriptor* method : ApiMethods()) {
    if (method->service() == audit) continue;
    EXPECT_EQ(method->name().find("Audit"), std::string::npos)
        << "FAIL: " << method->full_name() << " looks like it touches the audit trail";
    EXPECT_EQ(method->input_type()->FindFieldByName("audit_event_id"), nullptr) << method->name();
  }
  // The one RPC of the service is a read, and is itself recorded as one.
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Audit::ListAuditEvents,
                                 v1::ListAuditEventsRequest(), &events)));
  ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Audit::ListAuditEvents,
                                 v1::ListAuditEventsRequest(), &events)));
  ASSERT_GE(events.events_size(), 1);
  EXPECT_EQ(events.events(0).rpc(), "ListAuditEvents");
  EXPECT_EQ(events.events(0).action(), "read");
  EXPECT_EQ(events.events(0).actor_id(), Sopot().auditor.actor_id);
}

INSTANTIATE_BACKENDS(AuditCompletenessTest);

}  // namespace
}  // namespace assist::it
