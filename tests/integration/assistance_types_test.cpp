// A case of every type from referral to monitoring at Sopot, which runs every type of the build,
// every step through the public API with JSON payloads, on both backends; and the rule of each type
// a centre meets first (certificate, hours budget, plan length, plan horizon) as a client sees it.
// The family type has more in lifecycle_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>

#include "case_steps.hpp"
#include "dynamic_payload.hpp"
#include "host_test.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

class AssistanceTypesTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();
  DynamicPayloads types_;
  v1::AssistanceType type_;

  // A started case (assistant assigned, consent given) of the type, for a person or a family.
  void NewStartedCase(const TypePayloads& payloads, std::int64_t* case_id);
  void RunLifecycle(const TypePayloads& payloads);
  void ExpectStatistics(const TypePayloads& payloads);
  grpc::Status SubmitIntake(std::int64_t case_id, const std::string& json);
  grpc::Status SubmitPlan(std::int64_t case_id, const std::string& json,
                          v1::PlanVersion* saved = nullptr);
  // The case's intake and plan versions: a refused step leaves them as they were.
  void ExpectVersions(std::int64_t case_id, int intake, int plan);
  // A disability contact today with `hours` of support (shopping) delivered.
  grpc::Status RecordHours(std::int64_t case_id, double hours, v1::Contact* recorded = nullptr);
  int ContactCount(std::int64_t case_id);
};

grpc::Status AssistanceTypesTest::RecordHours(std::int64_t case_id, double hours,
                                              v1::Contact* recorded) {
  v1::RecordContactRequest contact;
  contact.set_case_id(case_id);
  contact.set_kind(v1::CONTACT_KIND_ACCOMPANYING);
  contact.set_duration_minutes(static_cast<int>(hours * 60));
  *contact.mutable_details() = JsonPayload(R"({"hours_delivered": )" + std::to_string(hours) +
                                           R"(, "categories": ["CATEGORY_SHOPPING"]})");
  v1::Contact ignored;
  return client().Call(staff_.assistant, &Cases::RecordContact, contact,
                       recorded != nullptr ? recorded : &ignored);
}

int AssistanceTypesTest::ContactCount(std::int64_t case_id) {
  v1::ListContactsRequest request;
  request.set_case_id(case_id);
  request.set_page_size(100);
  v1::ListContactsResponse response;
  EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::ListContacts, request, &response)));
  return response.contacts_size();
}

void AssistanceTypesTest::NewStartedCase(const TypePayloads& payloads, std::int64_t* case_id) {
  ASSERT_NO_FATAL_FAILURE(DescribeType(client(), staff_.worker, payloads.type_id, &types_, &type_));
  v1::OpenCaseRequest open;
  open.set_type_id(std::string(payloads.type_id));
  open.set_referral_reason("referred by the social worker after a community interview");
  if (payloads.family_subject) {
    std::int64_t family_id = 0;
    ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), staff_, &family_id));
    open.set_family_id(family_id);
  } else {
    v1::CreatePersonRequest person;
    person.set_given_name("Marek");
    person.set_family_name("Zieliński");
    person.set_birth_date("1971-05-30");
    v1::Person created;
    ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CreatePerson, person, &created)));
    open.set_person_id(created.id());
  }
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::OpenCase, open, &opened)));
  EXPECT_EQ(opened.type_id(), payloads.type_id);
  *case_id = opened.id();
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), staff_, *case_id));
}

void AssistanceTypesTest::RunLifecycle(const TypePayloads& payloads) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(payloads, &case_id));

  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(payloads.intake);
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &with_intake)));
  EXPECT_EQ(with_intake.intake_version(), 1);
  EXPECT_EQ(with_intake.warnings_size(), 0) << with_intake.DebugString();
  EXPECT_GT(with_intake.next_review_due(), DateFromToday(0)) << "the plugin's review cadence";

  v1::SubmitPlanRequest plan;
  plan.set_case_id(case_id);
  *plan.mutable_plan() = JsonPayload(payloads.plan, type_.plan_type());
  v1::PlanVersion version;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitPlan, plan, &version)));
  if (type_.plan_requires_approval()) {  // in force once the head approves it
    v1::ApprovePlanRequest approve;
    approve.set_case_id(case_id);
    approve.set_version(version.version());
    approve.set_decision(v1::PLAN_DECISION_APPROVED);
    v1::PlanVersion approved;
    ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::ApprovePlan, approve, &approved)));
    EXPECT_TRUE(approved.in_force());
  }
  EXPECT_EQ(version.version(), 1);
  EXPECT_EQ(version.warnings_size(), 0) << version.DebugString();

  v1::RecordContactRequest contact;
  contact.set_case_id(case_id);
  contact.set_kind(v1::CONTACT_KIND_MEETING);
  contact.set_duration_minutes(150);
  contact.set_notes("first meeting after the plan was agreed");
  *contact.mutable_details() = JsonPayload(payloads.contact);
  v1::Contact recorded;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordContact, contact, &recorded)));
  v1::ListContactsRequest list_contacts;
  list_contacts.set_case_id(case_id);
  v1::ListContactsResponse contacts;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::ListContacts, list_contacts, &contacts)));
  ASSERT_EQ(contacts.contacts_size(), 1);
  ExpectPayload(types_, contacts.contacts(0).details(), type_.contact_type(), payloads.contact);

  v1::RecordReviewRequest review;
  review.set_case_id(case_id);
  *review.mutable_review() = JsonPayload(payloads.review);
  v1::Review reviewed;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordReview, review, &reviewed)));
  EXPECT_GT(reviewed.next_review_due(), reviewed.reviewed_on());

  v1::CloseCaseRequest close;
  close.set_case_id(case_id);
  close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  *close.mutable_outcome() = JsonPayload(payloads.outcome);
  v1::Case closed;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CloseCase, close, &closed)));
  EXPECT_EQ(closed.status(), v1::CASE_STATUS_CLOSED);

  v1::StartMonitoringRequest monitor;
  monitor.set_case_id(case_id);
  monitor.set_until(DateFromToday(180));
  v1::Case monitored;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::StartMonitoring, monitor, &monitored)));
  EXPECT_EQ(monitored.status(), v1::CASE_STATUS_MONITORING);

  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.auditor, case_id, &detail));
  EXPECT_EQ(detail.case_().type_id(), payloads.type_id);
  EXPECT_EQ(detail.case_().centre_id(), kSopot);
  EXPECT_EQ(detail.case_().assistant_id(), staff_.assistant.actor_id);
  ExpectPayload(types_, detail.intake(), type_.intake_type(), payloads.intake);
  ExpectPayload(types_, detail.plan().plan(), type_.plan_type(), payloads.plan);
  ExpectPayload(types_, detail.outcome(), type_.outcome_type(), payloads.outcome);
  ASSERT_NO_FATAL_FAILURE(ExpectStatistics(payloads));
}

void AssistanceTypesTest::ExpectStatistics(const TypePayloads& payloads) {
  v1::GetStatisticsRequest request;
  request.set_year(std::stoi(CurrentYear()));
  request.set_type_id(std::string(payloads.type_id));
  v1::Statistics statistics;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::GetStatistics, request, &statistics)));
  ASSERT_EQ(statistics.types_size(), 1) << statistics.DebugString();
  const v1::TypeStatistics& type = statistics.types(0);
  EXPECT_EQ(type.cases_served(), 1);
  EXPECT_EQ(type.cases_opened(), 1);
  EXPECT_EQ(type.cases_closed(), 1);
  EXPECT_EQ(type.open_at_year_end(), 0);
  EXPECT_EQ(type.assistants(), 1);
  ASSERT_EQ(type.closures_size(), 1) << type.DebugString();
  EXPECT_EQ(type.closures(0).reason(), v1::CLOSURE_REASON_GOALS_ACHIEVED);
  EXPECT_EQ(type.closures(0).cases(), 1);
  const auto indicator = std::find_if(
      type.indicators().begin(), type.indicators().end(),
      [&](const v1::IndicatorSummary& i) { return i.code() == payloads.improved_indicator; });
  ASSERT_NE(indicator, type.indicators().end()) << type.DebugString();
  EXPECT_EQ(indicator->cases(), 1);
  EXPECT_EQ(indicator->improved(), 1);
  EXPECT_LT(indicator->mean_before(), indicator->mean_after());
  EXPECT_FALSE(indicator->label_pl().empty());
}

grpc::Status AssistanceTypesTest::SubmitIntake(std::int64_t case_id, const std::string& json) {
  v1::SubmitIntakeRequest request;
  request.set_case_id(case_id);
  *request.mutable_intake() = JsonPayload(json);
  v1::Case ignored;
  return client().Call(staff_.assistant, &Cases::SubmitIntake, request, &ignored);
}

grpc::Status AssistanceTypesTest::SubmitPlan(std::int64_t case_id, const std::string& json,
                                             v1::PlanVersion* saved) {
  v1::SubmitPlanRequest request;
  request.set_case_id(case_id);
  *request.mutable_plan() = JsonPayload(json);
  v1::PlanVersion ignored;
  return client().Call(staff_.assistant, &Cases::SubmitPlan, request,
                       saved != nullptr ? saved : &ignored);
}

void AssistanceTypesTest::ExpectVersions(std::int64_t case_id, int intake, int plan) {
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.worker, case_id, &detail));
  EXPECT_EQ(detail.case_().intake_version(), intake);
  EXPECT_EQ(detail.case_().plan_version(), plan);
}

// Every type of the build, with the case its folder describes (plugins/<type>/tests/lifecycle/).
TEST_P(AssistanceTypesTest, EveryTypeCaseFromReferralToMonitoring) {
  ASSERT_FALSE(BuiltTypes().empty());
  for (const std::string& type : BuiltTypes()) {
    SCOPED_TRACE(type);
    RunLifecycle(LifecyclePayloads(type));
  }
}

TEST_P(AssistanceTypesTest, DisabilityNeedsACurrentCertificateAndKeepsToTheCentresHours) {
  // Sopot's head sets this year's limit of support hours per person.
  v1::CentreAssistanceTypeRequest enable;
  enable.set_centre_id(std::string(kSopot));
  enable.set_type_id("disability");
  *enable.mutable_settings() = JsonPayload(disability::SettingsWithLimit(100));
  v1::Centre centre;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Platform::EnableAssistanceType, enable, &centre)));

  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(disability::Payloads(), &case_id));
  const grpc::Status expired = SubmitIntake(case_id, disability::IntakeWithExpiredCertificate());
  ASSERT_TRUE(HasCode(expired, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(expired), std::vector<std::string>{"intake.certificate.valid_until"})
      << Describe(expired);
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 0, 0));

  ASSERT_TRUE(IsOk(SubmitIntake(case_id, disability::Payloads().intake)));
  const grpc::Status over = SubmitPlan(case_id, disability::PlanWithHours(101));
  ASSERT_TRUE(HasCode(over, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(over), std::vector<std::string>{"plan.activities"}) << Describe(over);
  EXPECT_NE(Describe(over).find("100 hours"), std::string::npos) << Describe(over);
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 1, 0));
  EXPECT_TRUE(IsOk(SubmitPlan(case_id, disability::PlanWithHours(100))));
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 1, 1));

  // The plugin's own table counts the hours delivered; the contact that would pass the 100 hours
  // of the year is refused with the hours left, and nothing of it is stored.
  for (int day = 0; day < 4; ++day) {
    v1::Contact recorded;
    ASSERT_TRUE(IsOk(RecordHours(case_id, 24, &recorded))) << "after " << 24 * day << " hours";
    EXPECT_EQ(recorded.warnings_size(), 0) << recorded.DebugString();
  }
  const grpc::Status past = RecordHours(case_id, 24);
  ASSERT_TRUE(HasCode(past, StatusCode::FAILED_PRECONDITION)) << Describe(past);
  EXPECT_EQ(ErrorReason(past), "HOURS_LIMIT") << Describe(past);
  EXPECT_EQ(ErrorMetadata(past, "hours_left"), "4") << Describe(past);
  EXPECT_EQ(ErrorMetadata(past, "limit"), "100") << Describe(past);
  EXPECT_NE(ErrorMetadata(past, "message_pl").find("pozostało 4"), std::string::npos);
  EXPECT_EQ(ContactCount(case_id), 4) << "the refused contact left no row";
  ASSERT_TRUE(IsOk(RecordHours(case_id, 4))) << "exactly the limit";
  EXPECT_EQ(ErrorReason(RecordHours(case_id, 0.5)), "HOURS_LIMIT");
  EXPECT_EQ(ContactCount(case_id), 5);
}

TEST_P(AssistanceTypesTest, DisabilityHoursNeedTheAssistantsStatement) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(disability::Payloads(), &case_id));
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, disability::Payloads().intake)));

  // No plan, so no statement that the assistant is not a family member of the participant.
  const grpc::Status without = RecordHours(case_id, 2);
  ASSERT_TRUE(HasCode(without, StatusCode::FAILED_PRECONDITION)) << Describe(without);
  EXPECT_EQ(ErrorReason(without), "ASSISTANT_STATEMENT_MISSING") << Describe(without);
  EXPECT_EQ(ContactCount(case_id), 0);

  const grpc::Status plan = SubmitPlan(case_id, disability::PlanWithoutStatement());
  ASSERT_TRUE(HasCode(plan, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(plan), std::vector<std::string>{"plan.assistant_statement"})
      << Describe(plan);
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 1, 0));

  ASSERT_TRUE(IsOk(SubmitPlan(case_id, disability::PlanWithHours(100))));
  EXPECT_TRUE(IsOk(RecordHours(case_id, 2)));
  EXPECT_EQ(ContactCount(case_id), 1);
}

TEST_P(AssistanceTypesTest, DisabilityServiceRecordForAMonth) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(disability::Payloads(), &case_id));
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, disability::Payloads().intake)));
  ASSERT_TRUE(IsOk(SubmitPlan(case_id, disability::PlanWithHours(100))));
  ASSERT_TRUE(IsOk(RecordHours(case_id, 2.5)));
  ASSERT_TRUE(IsOk(RecordHours(case_id, 3)));

  v1::RenderDocumentRequest request;
  request.set_case_id(case_id);
  request.set_kind("service_record");
  request.set_month(DateFromToday(0).substr(0, 7));
  v1::CaseDocument document;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::RenderDocument, request, &document)));
  EXPECT_EQ(document.title(), "Karta realizacji usług asystencji osobistej");
  const std::string today = DateFromToday(0);
  for (const std::string& expected :
       {"1. | " + today + " | 2,5 | Wsparcie w zakupach", "2. | " + today + " | 3 |",
        std::string("Razem w miesiącu: 5,5 godz."), std::string("Uczestnik: Marek Zieliński"),
        std::string("Data i podpis uczestnika")}) {
    EXPECT_NE(document.text().find(expected), std::string::npos) << expected << document.text();
  }

  v1::CaseDocument ignored;
  request.set_month("");
  const grpc::Status no_month =
      client().Call(staff_.worker, &Cases::RenderDocument, request, &ignored);
  EXPECT_TRUE(HasCode(no_month, StatusCode::FAILED_PRECONDITION)) << Describe(no_month);
  request.set_month("2026-13");
  const grpc::Status bad_month =
      client().Call(staff_.worker, &Cases::RenderDocument, request, &ignored);
  ASSERT_TRUE(HasCode(bad_month, StatusCode::INVALID_ARGUMENT)) << Describe(bad_month);
  EXPECT_EQ(ViolatedFields(bad_month), std::vector<std::string>{"month"});
}

TEST_P(AssistanceTypesTest, InterculturalPlanLastsAtMostTwelveMonths) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(intercultural::Payloads(), &case_id));
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, intercultural::Payloads().intake)));
  const grpc::Status longer = SubmitPlan(case_id, intercultural::PlanLongerThanAYear());
  ASSERT_TRUE(HasCode(longer, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(longer), std::vector<std::string>{"plan.period_to"}) << Describe(longer);
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 1, 0));
}

TEST_P(AssistanceTypesTest, HomelessnessProgrammeShorterThanTheCrisisIsStoredWithAWarning) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(homelessness::Payloads(), &case_id));
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, homelessness::Payloads().intake)));
  v1::PlanVersion saved;
  ASSERT_TRUE(IsOk(SubmitPlan(case_id, homelessness::PlanShorterThanTheCrisis(), &saved)));
  ASSERT_EQ(saved.warnings_size(), 1) << saved.DebugString();
  EXPECT_EQ(saved.warnings(0).code(), "PLAN_SHORTER_THAN_CRISIS");
  // The proposed end is the plan's start moved on by the two years (in calendar months) the
  // crisis has lasted: 729 to 731 days from today, by the leap days in either span.
  const std::string& text = saved.warnings(0).message_en();
  EXPECT_TRUE(text.find(DateFromToday(729)) != std::string::npos ||
              text.find(DateFromToday(730)) != std::string::npos ||
              text.find(DateFromToday(731)) != std::string::npos)
      << text;
  EXPECT_FALSE(saved.warnings(0).message_pl().empty());
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 1, 1));
}

TEST_P(AssistanceTypesTest, HomelessnessAssistanceIsForOnePersonNotAFamily) {
  TypePayloads for_a_family = homelessness::Payloads();
  for_a_family.family_subject = true;
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedCase(for_a_family, &case_id));
  const grpc::Status status = SubmitIntake(case_id, for_a_family.intake);
  EXPECT_TRUE(HasCode(status, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(status), std::vector<std::string>{"ASSISTANCE_TYPE_RULE"});
  EXPECT_NE(status.error_message().find("one person"), std::string::npos) << Describe(status);
  ASSERT_NO_FATAL_FAILURE(ExpectVersions(case_id, 0, 0));
}

INSTANTIATE_BACKENDS(AssistanceTypesTest);

}  // namespace
}  // namespace assist::it
