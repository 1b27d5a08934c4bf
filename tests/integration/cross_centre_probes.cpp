#include "cross_centre_probes.hpp"

#include <chrono>

#include "assist/v1/cases.pb.h"
#include "assist/v1/platform.pb.h"
#include "assist/v1/staff.pb.h"
#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "identities.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using Probes = std::map<std::string, std::vector<Probe>>;

template <typename Request>
Probe Naming(Request request, std::vector<grpc::StatusCode> refused_with = {}) {
  return {std::make_shared<Request>(std::move(request)), true, std::move(refused_with)};
}

template <typename Request>
Probe OwnCentre(Request request) {
  return {std::make_shared<Request>(std::move(request)), false, {}};
}

// `json` with Sopot's names and staff replaced, so the request itself holds none of Sopot's texts.
std::string AsJastrzebia(std::string json) {
  for (const auto& [from, to] : {std::pair<std::string, std::string>{"Nowak", "Kowalczyk"},
                                 {"sopot.worker", "jastrzebia.worker"}}) {
    for (auto at = json.find(from); at != std::string::npos; at = json.find(from, at)) {
      json.replace(at, from.size(), to);
    }
  }
  return json;
}

void PlatformProbes(Probes& probes) {
  probes["ListAssistanceTypes"].push_back(OwnCentre(v1::ListAssistanceTypesRequest()));
  for (const char* type : {"family", "intercultural"}) {
    v1::DescribeAssistanceTypeRequest describe;
    describe.set_id(type);
    probes["DescribeAssistanceType"].push_back(OwnCentre(describe));
  }
  v1::CreateCentreRequest create;
  create.set_id(std::string(kSopot));
  create.set_name("Ośrodek przejęty");
  create.set_municipality("Jastrzębia");
  probes["CreateCentre"].push_back(Naming(create));
  v1::GetCentreRequest get;
  get.set_id(std::string(kSopot));
  probes["GetCentre"].push_back(Naming(get));
  probes["ListCentres"].push_back(OwnCentre(v1::ListCentresRequest()));
  v1::CentreAssistanceTypeRequest enable;
  enable.set_centre_id(std::string(kSopot));
  enable.set_type_id("intercultural");  // Sopot disabled it
  probes["EnableAssistanceType"].push_back(Naming(enable));
  v1::CentreAssistanceTypeRequest disable;
  disable.set_centre_id(std::string(kSopot));
  disable.set_type_id("family");
  probes["DisableAssistanceType"].push_back(Naming(disable));
}

// Sopot's register, named by its centre id (the operator's way) and by a Sopot login alone (which
// the caller's own centre does not have).
void StaffProbes(Probes& probes) {
  v1::RegisterStaffMemberRequest register_in_sopot;
  v1::StaffMember* member = register_in_sopot.mutable_member();
  member->set_centre_id(std::string(kSopot));
  member->set_login("jastrzebia.intruder");
  member->set_full_name("Intruz");
  member->set_function(v1::STAFF_FUNCTION_ASSISTANT);
  member->add_type_ids("family");
  member->set_employment_form(v1::EMPLOYMENT_FORM_OTHER);
  member->set_working_time_share(1.0);
  probes["RegisterStaffMember"].push_back(Naming(register_in_sopot));
  v1::UpdateStaffMemberRequest deactivate;
  *deactivate.mutable_member() = *member;
  deactivate.mutable_member()->set_login(std::string(Sopot().assistant.actor_id));
  probes["UpdateStaffMember"].push_back(Naming(deactivate));
  deactivate.mutable_member()->clear_centre_id();
  probes["UpdateStaffMember"].push_back(Naming(deactivate));
  v1::GetStaffMemberRequest get;
  get.set_login(std::string(Sopot().assistant.actor_id));
  probes["GetStaffMember"].push_back(Naming(get));
  get.set_centre_id(std::string(kSopot));
  probes["GetStaffMember"].push_back(Naming(get));
  v1::ListStaffMembersRequest list;
  probes["ListStaffMembers"].push_back(OwnCentre(list));
  list.set_centre_id(std::string(kSopot));
  probes["ListStaffMembers"].push_back(Naming(list));
  v1::SetCaseloadLimitRequest limit;
  limit.set_centre_id(std::string(kSopot));
  limit.set_type_id("family");
  limit.set_limit(1);
  probes["SetCaseloadLimit"].push_back(Naming(limit));
  probes["ListCaseloads"].push_back(OwnCentre(v1::ListCaseloadsRequest()));
}

void PeopleProbes(const SopotRecords& sopot, Probes& probes) {
  v1::CreatePersonRequest person;
  person.set_given_name("Wiesław");
  person.set_family_name("Jastrzębski");
  person.set_birth_date("1970-05-05");
  probes["CreatePerson"].push_back(OwnCentre(person));
  for (const std::int64_t id : sopot.secrets.person_ids) {
    v1::GetPersonRequest get;
    get.set_id(id);
    probes["GetPerson"].push_back(Naming(get));
    v1::ExportPersonDataRequest export_request;
    export_request.set_person_id(id);
    probes["ExportPersonData"].push_back(Naming(export_request));
    v1::UpdatePersonRequest update;
    update.set_id(id);
    update.set_given_name("Wiesław");
    probes["UpdatePerson"].push_back(Naming(update));
    v1::OpenCaseRequest open;
    open.set_type_id("family");
    open.set_person_id(id);
    open.set_referral_reason("referral by the other centre");
    probes["OpenCase"].push_back(Naming(open));
  }
  // A family of Sopot's people: refused like one of people who do not exist.
  v1::CreateFamilyRequest family;
  family.set_name("Rodzina Kowalczyk");
  auto* member = family.add_members();
  member->set_person_id(sopot.anna_id);
  member->set_relation(v1::FAMILY_RELATION_PARENT);
  probes["CreateFamily"].push_back(Naming(family, {grpc::StatusCode::INVALID_ARGUMENT}));
  for (const std::int64_t id : sopot.secrets.family_ids) {
    v1::GetFamilyRequest get;
    get.set_id(id);
    probes["GetFamily"].push_back(Naming(get));
    v1::UpdateFamilyRequest update;
    update.set_id(id);
    auto* change = update.add_changes();
    change->set_person_id(sopot.anna_id);
    change->set_change(v1::MEMBERSHIP_CHANGE_LEFT);
    change->set_effective_on(DateFromToday(0));
    probes["UpdateFamily"].push_back(Naming(update));
    v1::OpenCaseRequest open;
    open.set_type_id("family");
    open.set_family_id(id);
    open.set_referral_reason("referral by the other centre");
    probes["OpenCase"].push_back(Naming(open));
  }
}

// Requests about the case `case_id`, keyed by RPC.
void CaseProbes(std::int64_t case_id, Probes& probes) {
  auto add = [&](const std::string& rpc, auto request) {
    request.set_case_id(case_id);
    probes[rpc].push_back(Naming(std::move(request)));
  };
  v1::AssignAssistantRequest assign;
  assign.set_assistant_id(std::string(Jastrzebia().assistant.actor_id));
  add("AssignAssistant", assign);
  v1::AssignAssistantRequest co_assistant = assign;
  co_assistant.set_role(v1::ASSIGNMENT_ROLE_CO_ASSISTANT);
  add("AssignAssistant", co_assistant);
  v1::EndAssignmentRequest end;
  end.set_assistant_id(std::string(Sopot().assistant.actor_id));
  add("EndAssignment", end);
  v1::RecordConsentRequest consent;
  consent.set_decision(v1::CONSENT_STATE_WITHDRAWN);
  add("RecordConsent", consent);
  v1::SubmitIntakeRequest intake;
  *intake.mutable_intake() = JsonPayload(AsJastrzebia(family::IntakeJson()));
  add("SubmitIntake", intake);
  v1::SubmitPlanRequest plan;
  *plan.mutable_plan() = JsonPayload(family::PlanJson("goal of the other centre"));
  add("SubmitPlan", plan);
  for (const int version : {0, 1}) {
    v1::GetPlanRequest get_plan;
    get_plan.set_version(version);
    add("GetPlan", get_plan);
  }
  add("ListPlanVersions", v1::ListPlanVersionsRequest());
  for (const auto decision : {v1::PLAN_DECISION_APPROVED, v1::PLAN_DECISION_REJECTED}) {
    v1::ApprovePlanRequest approve;
    approve.set_version(1);
    approve.set_decision(decision);
    approve.set_reason("decided by the other centre");
    add("ApprovePlan", approve);
  }
  v1::RecordContactRequest contact;
  contact.set_kind(v1::CONTACT_KIND_PHONE);
  contact.set_duration_minutes(15);
  contact.set_notes("call by the other centre");
  *contact.mutable_details() = JsonPayload(AsJastrzebia(family::ContactJson()));
  add("RecordContact", contact);
  add("ListContacts", v1::ListContactsRequest());
  v1::RecordReviewRequest review;
  *review.mutable_review() = JsonPayload(family::ReviewJson());
  add("RecordReview", review);
  add("ListReviews", v1::ListReviewsRequest());
  v1::CloseCaseRequest close;
  close.set_reason(v1::CLOSURE_REASON_TRANSFERRED);
  *close.mutable_outcome() = JsonPayload(family::OutcomeJson());
  add("CloseCase", close);
  v1::StartMonitoringRequest start;
  start.set_until(DateFromToday(90));
  add("StartMonitoring", start);
  add("EndMonitoring", v1::EndMonitoringRequest());
  add("GetCase", v1::GetCaseRequest());
  v1::RenderDocumentRequest document;
  document.set_kind("court_opinion");
  add("RenderDocument", document);
  v1::LinkOutreachContactsRequest link;
  link.add_contact_ids(1);
  add("LinkOutreachContacts", link);
  v1::TransferCaseRequest transfer;  // "send Sopot's case to me"
  transfer.set_to_centre_id(std::string(kJastrzebia));
  transfer.set_reason("the family moved to Jastrzębia");
  add("TransferCase", transfer);
  v1::ListAuditEventsRequest audit;
  audit.set_case_id(case_id);
  probes["ListAuditEvents"].push_back(OwnCentre(audit));  // the caller's own rows about that id
}

void ListProbes(Probes& probes) {
  // Outreach: Jastrzębia runs no type that does it, and sees none of Sopot's contacts.
  v1::RecordOutreachContactRequest outreach;
  outreach.set_type_id("homelessness");
  outreach.set_pseudonym("Pan Rysiek");
  outreach.set_identity_quality(v1::IDENTITY_QUALITY_PARTIAL_NAME);
  outreach.set_place("dworzec");
  outreach.add_needs_met(v1::OUTREACH_NEED_FOOD);
  probes["RecordOutreachContact"].push_back(
      {std::make_shared<v1::RecordOutreachContactRequest>(outreach),
       false,
       {grpc::StatusCode::FAILED_PRECONDITION}});  // TYPE_NOT_ENABLED at Jastrzębia
  probes["ListOutreachContacts"].push_back(OwnCentre(v1::ListOutreachContactsRequest()));
  v1::ListCasesRequest all;
  all.set_page_size(500);
  probes["ListCases"].push_back(OwnCentre(all));
  v1::ListCasesRequest of_assistant = all;
  of_assistant.set_assistant_id(std::string(Sopot().assistant.actor_id));
  probes["ListCases"].push_back(OwnCentre(of_assistant));
  v1::ListCasesRequest homelessness = all;  // a type Jastrzębia does not run
  homelessness.set_type_id("homelessness");
  probes["ListCases"].push_back(OwnCentre(homelessness));
  v1::ListDueReviewsRequest due;
  due.set_within_days(366);
  probes["ListDueReviews"].push_back(OwnCentre(due));
  const int year = static_cast<int>(std::chrono::year_month_day{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}
                                        .year());
  for (const char* type : {"", "family"}) {
    v1::GetStatisticsRequest statistics;
    statistics.set_year(year);
    statistics.set_type_id(type);
    probes["GetStatistics"].push_back(OwnCentre(statistics));
  }
  for (auto format : {v1::REPORT_FORMAT_CSV, v1::REPORT_FORMAT_TEXT}) {
    v1::RenderStatisticsReportRequest report;
    report.mutable_period()->set_year(year);
    report.set_format(format);
    probes["RenderStatisticsReport"].push_back(OwnCentre(report));
  }
  probes["ApplyRetention"].push_back(OwnCentre(v1::ApplyRetentionRequest()));
  probes["ListAuditEvents"].push_back(OwnCentre(v1::ListAuditEventsRequest()));
  v1::ListAuditEventsRequest of_head;
  of_head.set_actor_id(std::string(Sopot().head.actor_id));
  probes["ListAuditEvents"].push_back(OwnCentre(of_head));
  probes["VerifyAuditTrail"].push_back(OwnCentre(v1::VerifyAuditTrailRequest()));
  for (auto direction : {v1::TRANSFER_DIRECTION_UNSPECIFIED, v1::TRANSFER_DIRECTION_OUTGOING,
                         v1::TRANSFER_DIRECTION_INCOMING}) {
    v1::ListTransfersRequest transfers;
    transfers.set_direction(direction);
    probes["ListTransfers"].push_back(OwnCentre(transfers));
  }
}

// Transfers by id. Sopot's records hold none, so these name ids no centre has; a transfer is
// visible to the two centres it joins only (tests/unit/domain/case_transfers_test.cpp, with a
// third centre; tests/integration/transfer_test.cpp between Sopot and Jastrzębia).
void TransferProbes(Probes& probes) {
  for (const std::int64_t id : {1, 2, 1000}) {
    v1::AcceptTransferRequest accept;
    accept.set_transfer_id(id);
    probes["AcceptTransfer"].push_back(Naming(accept));
    v1::DeclineTransferRequest decline;
    decline.set_transfer_id(id);
    decline.set_reason("not ours");
    probes["DeclineTransfer"].push_back(Naming(decline));
    v1::CancelTransferRequest cancel;
    cancel.set_transfer_id(id);
    probes["CancelTransfer"].push_back(Naming(cancel));
  }
}

}  // namespace

std::map<std::string, std::vector<Probe>> CrossCentreProbes(const SopotRecords& sopot) {
  Probes probes;
  PlatformProbes(probes);
  StaffProbes(probes);
  PeopleProbes(sopot, probes);
  for (const std::int64_t id : SopotCases(sopot)) CaseProbes(id, probes);
  ListProbes(probes);
  TransferProbes(probes);
  return probes;
}

}  // namespace assist::it
