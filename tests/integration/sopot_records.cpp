#include "sopot_records.hpp"

#include <google/protobuf/text_format.h>
#include <gtest/gtest.h>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

// The family and people of `case_id` into the secrets.
void AddSubject(Client& client, std::int64_t case_id, SopotRecords* records) {
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client, Sopot().head, case_id, &detail));
  records->secrets.case_ids.insert(case_id);
  v1::GetFamilyRequest request;
  request.set_id(detail.case_().family_id());
  v1::Family family;
  ASSERT_TRUE(IsOk(client.Call(Sopot().head, &Cases::GetFamily, request, &family)));
  records->secrets.family_ids.insert(family.id());
  for (const v1::FamilyMember& member : family.members()) {
    records->secrets.person_ids.insert(member.person_id());
  }
}

void WorkOnActiveCase(Client& client, SopotRecords* records) {
  const std::int64_t id = records->active_case;
  const Identity& assistant = Sopot().assistant;
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case ignored;
  ASSERT_TRUE(IsOk(client.Call(assistant, &Cases::SubmitIntake, intake, &ignored)));
  v1::SubmitPlanRequest plan;
  plan.set_case_id(id);
  *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
  v1::PlanVersion version;
  ASSERT_TRUE(IsOk(client.Call(assistant, &Cases::SubmitPlan, plan, &version)));
  v1::RecordContactRequest contact;
  contact.set_case_id(id);
  contact.set_kind(v1::CONTACT_KIND_HOME_VISIT);
  contact.set_duration_minutes(60);
  contact.set_notes(std::string(kSopotContactNotes));
  *contact.mutable_details() = JsonPayload(family::ContactJson());
  v1::Contact recorded;
  ASSERT_TRUE(IsOk(client.Call(assistant, &Cases::RecordContact, contact, &recorded)));
  records->secrets.contact_ids.insert(recorded.id());
  v1::RecordReviewRequest review;
  review.set_case_id(id);
  *review.mutable_review() = JsonPayload(family::ReviewJson());
  v1::Review reviewed;
  ASSERT_TRUE(IsOk(client.Call(assistant, &Cases::RecordReview, review, &reviewed)));
  records->secrets.review_ids.insert(reviewed.id());
}

void CreateMonitoredCase(Client& client, SopotRecords* records) {
  v1::Case closed;
  ASSERT_NO_FATAL_FAILURE(NewClosedFamilyCase(client, Sopot(), &closed));
  v1::StartMonitoringRequest start;
  start.set_case_id(closed.id());
  start.set_until(DateFromToday(180));
  v1::Case monitored;
  ASSERT_TRUE(IsOk(client.Call(Sopot().assistant, &Cases::StartMonitoring, start, &monitored)));
  records->monitored_case = closed.id();
}

// Referred in January 2010 and closed in June 2010 without intake (the family did not cooperate).
void CreateExpiredCase(Client& client, SopotRecords* records) {
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client, Sopot(), &family_id));
  v1::OpenCaseRequest open;
  open.set_type_id("family");
  open.set_family_id(family_id);
  open.set_referral_reason("Sopot 2010 referral: neglect reported by a neighbour");
  open.set_referred_on("2010-01-04");
  v1::Case opened;
  ASSERT_TRUE(IsOk(client.Call(Sopot().worker, &Cases::OpenCase, open, &opened)));
  v1::CloseCaseRequest close;
  close.set_case_id(opened.id());
  close.set_reason(v1::CLOSURE_REASON_NO_COOPERATION);
  close.set_closed_on("2010-06-30");
  v1::Case closed;
  ASSERT_TRUE(IsOk(client.Call(Sopot().worker, &Cases::CloseCase, close, &closed)));
  records->expired_case = opened.id();
}

// One line of text; Any payloads stay packed (the test does not link the plugins' messages).
std::string Line(const google::protobuf::Message& message) {
  google::protobuf::TextFormat::Printer printer;
  printer.SetSingleLineMode(true);
  printer.SetExpandAny(false);
  std::string text;
  printer.PrintToString(message, &text);
  return text + "\n";
}

std::vector<std::string> SopotTexts() {
  std::vector<std::string> texts = {"mops-sopot",
                                    "Sopo",
                                    "sopot.",
                                    "Nowak",
                                    "Kunegunda",
                                    "Przybyszewska",
                                    "parenting difficulties reported",
                                    "regular school attendance",
                                    "regular meals",
                                    "Sopot 2010 referral",
                                    "signed at the first home visit"};
  texts.emplace_back(kSopotContactNotes);
  return texts;
}

}  // namespace

void CreateSopotRecords(Client& client, SopotRecords* records) {
  records->secrets.texts = SopotTexts();
  v1::CentreAssistanceTypeRequest disable;  // so that enabling it again would show
  disable.set_centre_id(std::string(kSopot));
  disable.set_type_id("intercultural");
  v1::Centre centre;
  ASSERT_TRUE(IsOk(client.Call(Sopot().head, &Platform::DisableAssistanceType, disable, &centre)));

  ASSERT_NO_FATAL_FAILURE(
      CreateNowakFamily(client, Sopot(), &records->family_id, &records->anna_id));
  v1::Case opened;
  ASSERT_NO_FATAL_FAILURE(OpenFamilyCase(client, Sopot(), records->family_id, &opened));
  records->active_case = opened.id();
  ASSERT_NO_FATAL_FAILURE(StartWork(client, Sopot(), records->active_case));
  ASSERT_NO_FATAL_FAILURE(WorkOnActiveCase(client, records));

  v1::Case closed;
  ASSERT_NO_FATAL_FAILURE(NewClosedFamilyCase(client, Sopot(), &closed));
  records->closed_case = closed.id();
  ASSERT_NO_FATAL_FAILURE(CreateMonitoredCase(client, records));
  ASSERT_NO_FATAL_FAILURE(CreateExpiredCase(client, records));
  for (const std::int64_t id : SopotCases(*records)) {
    ASSERT_NO_FATAL_FAILURE(AddSubject(client, id, records));
  }

  v1::CreatePersonRequest lone;
  lone.set_given_name("Kunegunda");
  lone.set_family_name("Przybyszewska");
  lone.set_birth_date("1941-03-03");
  v1::Person person;
  ASSERT_TRUE(IsOk(client.Call(Sopot().worker, &Cases::CreatePerson, lone, &person)));
  records->lone_person_id = person.id();
  records->secrets.person_ids.insert(person.id());
}

std::vector<std::int64_t> SopotCases(const SopotRecords& records) {
  return {records.active_case, records.closed_case, records.monitored_case, records.expired_case};
}

void SnapshotSopot(Client& client, const SopotRecords& records, std::string* snapshot) {
  const Identity& head = Sopot().head;
  std::string text;
  v1::GetCentreRequest get_centre;
  get_centre.set_id(std::string(kSopot));
  v1::Centre centre;
  ASSERT_TRUE(IsOk(client.Call(head, &Platform::GetCentre, get_centre, &centre)));
  text += Line(centre);
  for (const std::int64_t id : SopotCases(records)) {
    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(client, head, id, &detail));
    v1::ListPlanVersionsRequest plans;
    plans.set_case_id(id);
    v1::ListPlanVersionsResponse versions;
    ASSERT_TRUE(IsOk(client.Call(head, &Cases::ListPlanVersions, plans, &versions)));
    v1::ListContactsRequest contacts;
    contacts.set_case_id(id);
    v1::ListContactsResponse contact_list;
    ASSERT_TRUE(IsOk(client.Call(head, &Cases::ListContacts, contacts, &contact_list)));
    v1::ListReviewsRequest reviews;
    reviews.set_case_id(id);
    v1::ListReviewsResponse review_list;
    ASSERT_TRUE(IsOk(client.Call(head, &Cases::ListReviews, reviews, &review_list)));
    text += Line(detail) + Line(versions) + Line(contact_list) + Line(review_list);
  }
  for (const std::int64_t id : records.secrets.person_ids) {
    v1::GetPersonRequest request;
    request.set_id(id);
    v1::Person person;
    ASSERT_TRUE(IsOk(client.Call(head, &Cases::GetPerson, request, &person)));
    text += Line(person);
  }
  for (const std::int64_t id : records.secrets.family_ids) {
    v1::GetFamilyRequest request;
    request.set_id(id);
    v1::Family family;
    ASSERT_TRUE(IsOk(client.Call(head, &Cases::GetFamily, request, &family)));
    text += Line(family);
  }
  int count = 0;
  ASSERT_NO_FATAL_FAILURE(CountCases(client, head, &count));
  text += "cases listed: " + std::to_string(count) + "\n";
  *snapshot = std::move(text);
}

}  // namespace assist::it
