// The shared lifecycle's state rules, tenancy and all-or-nothing steps, on a real database with an
// in-process plugin (test_plugin.hpp).
#include "domain/case_workflow.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "db/migrator.hpp"
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

Payload Json(const std::string& json) {
  Payload p;
  p.set_json(json);
  return p;
}

// The PreconditionFailure type of a FAILED_PRECONDITION, or the field list of a BadRequest.
std::string DetailOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  std::string out;
  for (const auto& any : details.details()) {
    google::rpc::PreconditionFailure failure;
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&failure)) {
      for (const auto& v : failure.violations()) out += v.type() + " ";
    } else if (any.Is<google::rpc::BadRequest>() && any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) out += v.field() + " ";
    }
  }
  return out;
}

class CaseWorkflowTest : public testing::WorkflowFixture {
 protected:
  template <typename F>
  grpc::Status StatusOf(F f) {
    try {
      Do(f);
      return grpc::Status::OK;
    } catch (const RpcError& e) {
      return e.status();
    }
  }

  void SetUp() override {
    SetUpWorkflow();
    if (IsSkipped() || HasFatalFailure()) return;
    queries_ = std::make_unique<CaseQueries>(*registry_, *centres_);
    CreateCentreRequest bare;
    bare.set_id("bare");
    bare.set_name("No types");
    bare.set_municipality("x");
    Do([&](Transaction& tx) { return centres_->Create(tx, operator_, bare); });
  }

  Case Open(const Identity& worker, const std::string& type = "testplug") {
    CreatePersonRequest p;
    p.set_given_name("Jan");
    p.set_family_name("Nowak");
    p.set_birth_date("1980-05-01");
    Person person = Do([&](Transaction& tx) { return CreatePerson(tx, worker, p); });
    OpenCaseRequest r;
    r.set_type_id(type);
    r.set_person_id(person.id());
    r.set_referral_reason("debt and eviction order");
    r.set_referred_on("2025-01-10");
    return Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker, r); });
  }

  Case Assign(long long id, const std::string& assistant, const std::string& on = "2025-01-15") {
    AssignAssistantRequest r;
    r.set_case_id(id);
    r.set_assistant_id(assistant);
    r.set_assigned_on(on);
    return Do([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, r); });
  }

  Case Consent(long long id, ConsentState decision, const std::string& on = "2025-01-20") {
    RecordConsentRequest r;
    r.set_case_id(id);
    r.set_decision(decision);
    r.set_decided_on(on);
    return Do([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, r); });
  }

  SubmitIntakeRequest Intake(long long id, const std::string& json) {
    SubmitIntakeRequest r;
    r.set_case_id(id);
    *r.mutable_intake() = Json(json);
    return r;
  }

  SubmitPlanRequest Plan(long long id, const std::string& json) {
    SubmitPlanRequest r;
    r.set_case_id(id);
    *r.mutable_plan() = Json(json);
    return r;
  }

  // Opened, assigned to asia, consent given: ready for the work steps.
  Case ReadyCase() {
    Case c = Open(worker_);
    Assign(c.id(), "asia");
    return Consent(c.id(), CONSENT_STATE_GIVEN);
  }

  std::unique_ptr<CaseQueries> queries_;
  Identity asia_ = As("asia", "north", ROLE_ASSISTANT);
  Identity basia_ = As("basia", "north", ROLE_ASSISTANT);
};

TEST_P(CaseWorkflowTest, WalksTheWholeLifecycleKeepingEveryPlanVersion) {
  Case c = Open(worker_);
  EXPECT_EQ(c.status(), CASE_STATUS_OPEN);
  EXPECT_EQ(c.consent(), CONSENT_STATE_PENDING);
  EXPECT_EQ(c.referred_by(), "wanda");
  Assign(c.id(), "asia", "2025-01-15");
  c = Consent(c.id(), CONSENT_STATE_GIVEN, "2025-01-20");
  EXPECT_EQ(c.work_started_on(), "2025-01-20");  // the later of assignment and consent
  EXPECT_EQ(c.next_review_due(), "2025-04-20");

  c = Do([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "2 adults"})"));
  });
  EXPECT_EQ(c.intake_version(), 1);
  auto v1 = Do([&](Transaction& tx) {
    return workflow_->SubmitPlan(tx, asia_, Plan(c.id(), R"({"goals": ["budget"]})"));
  });
  auto v2 = Do([&](Transaction& tx) {
    return workflow_->SubmitPlan(tx, asia_, Plan(c.id(), R"({"goals": ["budget", "work"]})"));
  });
  EXPECT_EQ(v1.version(), 1);
  EXPECT_EQ(v2.version(), 2);
  GetPlanRequest first;
  first.set_case_id(c.id());
  first.set_version(1);
  auto read_back = Do([&](Transaction& tx) { return queries_->GetPlan(tx, asia_, first); });
  EXPECT_NE(read_back.plan().json().find("budget"), std::string::npos);
  EXPECT_EQ(read_back.plan().json().find("work"), std::string::npos);

  RecordReviewRequest review;
  review.set_case_id(c.id());
  review.set_reviewed_on("2025-04-01");
  *review.mutable_review() = Json(R"({"assessment": "progress"})");
  auto recorded = Do([&](Transaction& tx) { return workflow_->RecordReview(tx, asia_, review); });
  EXPECT_EQ(recorded.next_review_due(), "2025-07-01");

  CloseCaseRequest close;
  close.set_case_id(c.id());
  close.set_reason(CLOSURE_REASON_GOALS_ACHIEVED);
  close.set_closed_on("2025-06-30");
  *close.mutable_outcome() = Json(R"({"result": "housing kept"})");
  c = Do([&](Transaction& tx) { return workflow_->CloseCase(tx, asia_, close); });
  EXPECT_EQ(c.status(), CASE_STATUS_CLOSED);
  EXPECT_EQ(c.next_review_due(), "");  // a closed case has no review due

  StartMonitoringRequest monitor;
  monitor.set_case_id(c.id());
  monitor.set_until("2025-12-31");
  c = Do([&](Transaction& tx) { return workflow_->StartMonitoring(tx, asia_, monitor); });
  EXPECT_EQ(c.status(), CASE_STATUS_MONITORING);
  EndMonitoringRequest end;
  end.set_case_id(c.id());
  c = Do([&](Transaction& tx) { return workflow_->EndMonitoring(tx, asia_, end); });
  EXPECT_EQ(c.status(), CASE_STATUS_MONITORING_ENDED);

  auto detail = Do([&](Transaction& tx) { return queries_->GetCase(tx, asia_, c.id()); });
  EXPECT_EQ(detail.plan().version(), 2);
  EXPECT_NE(detail.outcome().json().find("housing kept"), std::string::npos);
  EXPECT_EQ(detail.intake().type(), "google.protobuf.Struct");
  EXPECT_TRUE(detail.intake().has_any());
  // Changes name the fields they changed.
  EXPECT_EQ(Text("SELECT detail FROM audit_events WHERE rpc = 'AssignAssistant'"),
            "assistant asia; changed: assistant_id, assigned_on");
  EXPECT_EQ(Text("SELECT detail FROM audit_events WHERE rpc = 'RecordConsent'"),
            "consent CONSENT_STATE_GIVEN of person " + std::to_string(c.person_id()) +
                " by CONSENT_GIVER_SELF; changed: consent, consent_on, work_started_on, "
                "next_review_due");
  // Every step and the final read left an audit row for the case.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE case_id = " + std::to_string(c.id())),
            12);
}

TEST_P(CaseWorkflowTest, RefusesIntakeBeforeConsentNamingTheMissingStep) {
  Case c = Open(worker_);
  Assign(c.id(), "asia");
  auto status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "x"})"));
  });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(DetailOf(status), "CONSENT_MISSING ");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_documents"), 0);
}

TEST_P(CaseWorkflowTest, RefusesWorkBeforeAnAssistantIsAssigned) {
  Case c = Open(worker_);
  Consent(c.id(), CONSENT_STATE_GIVEN);
  auto status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, worker_, Intake(c.id(), R"({"household": "x"})"));
  });
  EXPECT_EQ(DetailOf(status), "ASSISTANT_NOT_ASSIGNED ");
}

TEST_P(CaseWorkflowTest, RefusesAPlanBeforeTheIntake) {
  Case c = ReadyCase();
  auto status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitPlan(tx, asia_, Plan(c.id(), R"({"goals": ["a"]})"));
  });
  EXPECT_EQ(DetailOf(status), "INTAKE_MISSING ");
}

TEST_P(CaseWorkflowTest, WithdrawnConsentStopsProcessingButTheCaseCanBeClosed) {
  Case c = ReadyCase();
  Consent(c.id(), CONSENT_STATE_WITHDRAWN, "2025-02-01");
  auto status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "x"})"));
  });
  EXPECT_EQ(DetailOf(status), "CONSENT_WITHDRAWN ");
  CloseCaseRequest close;
  close.set_case_id(c.id());
  close.set_reason(CLOSURE_REASON_CONSENT_WITHDRAWN);
  close.set_closed_on("2025-02-02");
  EXPECT_EQ(Do([&](Transaction& tx) { return workflow_->CloseCase(tx, asia_, close); }).status(),
            CASE_STATUS_CLOSED);
  // ...and a closed case takes no further work.
  status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "x"})"));
  });
  EXPECT_EQ(DetailOf(status), "CASE_NOT_OPEN ");
}

TEST_P(CaseWorkflowTest, OtherCentresAndUnassignedAssistantsSeeNothing) {
  Case c = ReadyCase();
  for (const Identity& outsider : {south_worker_, basia_}) {
    auto status =
        StatusOf([&](Transaction& tx) { return queries_->GetCase(tx, outsider, c.id()); });
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND) << outsider.actor_id;
    // The same answer as for a case that does not exist at all.
    auto missing =
        StatusOf([&](Transaction& tx) { return queries_->GetCase(tx, outsider, 999999); });
    EXPECT_EQ(status.error_message(), "case " + std::to_string(c.id()) + " not found");
    EXPECT_EQ(missing.error_message(), "case 999999 not found");
  }
  EXPECT_TRUE(StatusOf([&](Transaction& tx) { return queries_->GetCase(tx, asia_, c.id()); }).ok());
  ListCasesRequest all;
  EXPECT_EQ(
      Do([&](Transaction& tx) { return queries_->ListCases(tx, south_worker_, all); }).cases_size(),
      0);
  EXPECT_EQ(Do([&](Transaction& tx) { return queries_->ListCases(tx, basia_, all); }).cases_size(),
            0);
  EXPECT_EQ(Do([&](Transaction& tx) { return queries_->ListCases(tx, asia_, all); }).cases_size(),
            1);
}

TEST_P(CaseWorkflowTest, RejectsAPayloadOfAnotherTypeOrMalformedJsonAndWritesNothing) {
  Case c = ReadyCase();
  SubmitIntakeRequest wrong_type;
  wrong_type.set_case_id(c.id());
  Person not_an_intake;
  wrong_type.mutable_intake()->mutable_any()->PackFrom(not_an_intake);
  auto status =
      StatusOf([&](Transaction& tx) { return workflow_->SubmitIntake(tx, asia_, wrong_type); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(status), "intake.any.type_url ");

  status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": )"));
  });
  EXPECT_EQ(DetailOf(status), "intake.json ");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_documents"), 0);
  EXPECT_EQ(Count("SELECT intake_version FROM cases WHERE id = " + std::to_string(c.id())), 0);
}

TEST_P(CaseWorkflowTest, ReportsEveryPluginViolationUnderThePayloadField) {
  Case c = ReadyCase();
  auto status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"forbidden": 1})"));
  });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(status), "intake.household intake.forbidden ");
}

TEST_P(CaseWorkflowTest, AFailingPluginHookRollsTheWholeStepBack) {
  Case c = ReadyCase();
  Do([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "x"})"));
  });
  long long audit_before = Count("SELECT COUNT(*) FROM audit_events");
  auto status = StatusOf([&](Transaction& tx) {
    return workflow_->SubmitPlan(tx, asia_, Plan(c.id(), R"({"goals": ["a"], "fail_hook": true})"));
  });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INTERNAL);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM testplug_plans"), 0);  // the plugin's own row too
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_documents WHERE kind = 'plan'"), 0);
  EXPECT_EQ(Count("SELECT plan_version FROM cases WHERE id = " + std::to_string(c.id())), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events"), audit_before);
}

TEST_P(CaseWorkflowTest, RefusesTypesNotLoadedOrNotEnabledAtTheCentre) {
  OpenCaseRequest r;
  r.set_type_id("nonexistent");
  r.set_person_id(1);
  r.set_referral_reason("x");
  auto status = StatusOf([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, r); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(status), "type_id ");

  Identity bare_worker = As("b", "bare", ROLE_SOCIAL_WORKER);
  r.set_type_id("testplug");
  status = StatusOf([&](Transaction& tx) { return workflow_->OpenCase(tx, bare_worker, r); });
  EXPECT_EQ(DetailOf(status), "TYPE_NOT_ENABLED ");
}

TEST_P(CaseWorkflowTest, RefusesASecondOpenCaseOfTheSameTypeForOnePerson) {
  Case c = Open(worker_);
  OpenCaseRequest again;
  again.set_type_id("testplug");
  again.set_person_id(c.person_id());
  again.set_referral_reason("again");
  auto status = StatusOf([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, again); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  // A person of another centre is not found, not "already exists".
  status = StatusOf([&](Transaction& tx) { return workflow_->OpenCase(tx, south_worker_, again); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_P(CaseWorkflowTest, ListsOverdueReviewsAsOfADate) {
  Case c = ReadyCase();  // work started 2025-01-20, review due 2025-04-20
  ListDueReviewsRequest due;
  due.set_as_of("2025-05-01");
  auto listed = Do([&](Transaction& tx) { return queries_->ListDueReviews(tx, head_, due); });
  ASSERT_EQ(listed.reviews_size(), 1);
  EXPECT_TRUE(listed.reviews(0).overdue());
  EXPECT_EQ(listed.reviews(0).days_overdue(), 11);
  due.set_as_of("2025-04-01");
  EXPECT_EQ(
      Do([&](Transaction& tx) { return queries_->ListDueReviews(tx, head_, due); }).reviews_size(),
      0);
  due.set_within_days(30);
  listed = Do([&](Transaction& tx) { return queries_->ListDueReviews(tx, head_, due); });
  ASSERT_EQ(listed.reviews_size(), 1);
  EXPECT_FALSE(listed.reviews(0).overdue());
  ListCasesRequest overdue;
  overdue.set_review_overdue(true);
  overdue.set_as_of("2025-05-01");
  EXPECT_EQ(
      Do([&](Transaction& tx) { return queries_->ListCases(tx, head_, overdue); }).cases_size(), 1);
  EXPECT_EQ(c.next_review_due(), "2025-04-20");
}

TEST_P(CaseWorkflowTest, PagesThroughCasesWithTokens) {
  for (int i = 0; i < 5; ++i) Open(worker_);
  ListCasesRequest page;
  page.set_page_size(2);
  std::vector<long long> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto listed = Do([&](Transaction& tx) { return queries_->ListCases(tx, head_, page); });
    for (const auto& c : listed.cases()) seen.push_back(c.id());
    if (listed.next_page_token().empty()) break;
    page.set_page_token(listed.next_page_token());
  }
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST_P(CaseWorkflowTest, RejectsFutureDatesAndBadRequestFieldsAllAtOnce) {
  Case c = Open(worker_);
  AssignAssistantRequest r;
  r.set_case_id(c.id());
  r.set_assistant_id("has spaces");
  r.set_assigned_on("2999-01-01");
  auto status = StatusOf([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, r); });
  EXPECT_EQ(DetailOf(status), "assistant_id assigned_on ");
}

// The English texts of a BadRequest's violations, "field: text; " each.
std::string DescriptionsOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  std::string out;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (!any.UnpackTo(&bad)) continue;
    for (const auto& v : bad.field_violations()) out += v.field() + ": " + v.description() + "; ";
  }
  return out;
}

TEST_P(CaseWorkflowTest, RefusesDatesBeforeTheReferralAndOverlongTexts) {
  Case c = ReadyCase();  // referred on 2025-01-10
  RecordContactRequest contact;
  contact.set_case_id(c.id());
  contact.set_kind(CONTACT_KIND_HOME_VISIT);
  contact.set_contact_on("2025-01-09");
  contact.set_place(std::string(501, 'p'));
  contact.set_notes(std::string(20001, 'n'));
  auto status =
      StatusOf([&](Transaction& tx) { return workflow_->RecordContact(tx, worker_, contact); });
  EXPECT_EQ(DetailOf(status), "place notes contact_on ");
  EXPECT_NE(DescriptionsOf(status).find("contact_on: must not be before the referral (2025-01-10)"),
            std::string::npos)
      << DescriptionsOf(status);
  EXPECT_NE(DescriptionsOf(status).find("place: is longer than 500 bytes"), std::string::npos);

  // The referral day itself, and texts at their limits, are fine.
  contact.set_contact_on("2025-01-10");
  contact.set_place(std::string(500, 'p'));
  contact.set_notes(std::string(20000, 'n'));
  EXPECT_TRUE(StatusOf([&](Transaction& tx) {
                return workflow_->RecordContact(tx, worker_, contact);
              }).ok());

  RecordConsentRequest consent;
  consent.set_case_id(c.id());
  consent.set_decision(CONSENT_STATE_GIVEN);
  consent.set_decided_on("2025-01-01");
  consent.set_note(std::string(2001, 'x'));
  status =
      StatusOf([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, consent); });
  EXPECT_EQ(DetailOf(status), "note decided_on ");
}

TEST_P(CaseWorkflowTest, RendersTheTypesDocumentFromTheWholeRecord) {
  Case c = ReadyCase();
  RenderDocumentRequest render;
  render.set_case_id(c.id());
  render.set_kind("summary");
  auto status =
      StatusOf([&](Transaction& tx) { return queries_->RenderDocument(tx, asia_, render); });
  EXPECT_EQ(DetailOf(status), "DOCUMENT_NOT_READY ");  // the plugin wants an outcome first
  Do([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "x"})"));
  });
  RecordContactRequest contact;
  contact.set_case_id(c.id());
  contact.set_kind(CONTACT_KIND_HOME_VISIT);
  contact.set_contact_on("2025-02-01");
  Do([&](Transaction& tx) { return workflow_->RecordContact(tx, asia_, contact); });
  CloseCaseRequest close;
  close.set_case_id(c.id());
  close.set_reason(CLOSURE_REASON_GOALS_ACHIEVED);
  close.set_closed_on("2025-03-01");
  *close.mutable_outcome() = Json(R"({"result": "rent paid"})");
  Do([&](Transaction& tx) { return workflow_->CloseCase(tx, asia_, close); });

  auto document = Do([&](Transaction& tx) { return queries_->RenderDocument(tx, asia_, render); });
  EXPECT_EQ(document.text(), "Jan Nowak; contacts 1; reviews 0; result rent paid");
  EXPECT_EQ(document.title(), "Podsumowanie");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'RenderDocument'"), 1);
  render.set_kind("nonsense");
  status = StatusOf([&](Transaction& tx) { return queries_->RenderDocument(tx, asia_, render); });
  EXPECT_EQ(DetailOf(status), "kind ");
  render.set_kind("summary");
  status = StatusOf([&](Transaction& tx) { return queries_->RenderDocument(tx, basia_, render); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_P(CaseWorkflowTest, CountsTheYearAndSumsTheOutcomeIndicators) {
  // Served in 2025: one case from 2024 closed in February, one opened in 2025 and still open.
  Case old_case = ReadyCase();  // referred 2025-01-10
  Do([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(old_case.id(), R"({"household": "x"})"));
  });
  CloseCaseRequest close;
  close.set_case_id(old_case.id());
  close.set_reason(CLOSURE_REASON_GOALS_ACHIEVED);
  close.set_closed_on("2025-02-15");
  *close.mutable_outcome() = Json(R"({"result": "ok", "before": 2, "after": 4})");
  Do([&](Transaction& tx) { return workflow_->CloseCase(tx, asia_, close); });
  Case fresh = Open(worker_);
  Assign(fresh.id(), "basia");
  Open(south_worker_);  // another centre: never counted here

  GetStatisticsRequest request;
  request.set_year(2025);
  auto stats = Do([&](Transaction& tx) { return queries_->GetStatistics(tx, head_, request); });
  ASSERT_EQ(stats.types_size(), 1);
  const auto& t = stats.types(0);
  EXPECT_EQ(t.cases_served(), 2);
  EXPECT_EQ(t.cases_opened(), 2);
  EXPECT_EQ(t.cases_closed(), 1);
  EXPECT_EQ(t.open_at_year_end(), 1);
  EXPECT_EQ(t.people_served(), 2);
  EXPECT_EQ(t.assistants(), 2);
  ASSERT_EQ(t.indicators_size(), 1);
  EXPECT_EQ(t.indicators(0).cases(), 1);
  EXPECT_DOUBLE_EQ(t.indicators(0).mean_after(), 4.0);
  EXPECT_EQ(t.indicators(0).improved(), 1);

  request.set_year(2024);
  EXPECT_EQ(
      Do([&](Transaction& tx) { return queries_->GetStatistics(tx, head_, request); }).types_size(),
      0);
  request.set_year(1999);
  EXPECT_EQ(DetailOf(StatusOf(
                [&](Transaction& tx) { return queries_->GetStatistics(tx, head_, request); })),
            "year ");
}

TEST_P(CaseWorkflowTest, ExportsEverythingHeldAboutAPerson) {
  Case c = ReadyCase();
  Do([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(c.id(), R"({"household": "two rooms"})"));
  });
  ExportPersonDataRequest request;
  request.set_person_id(c.person_id());
  auto exported =
      Do([&](Transaction& tx) { return queries_->ExportPersonData(tx, worker_, request); });
  for (const char* expected :
       {"\"given_name\": \"Jan\"", "two rooms", "\"referral_reason\"", "consent_decisions"}) {
    EXPECT_NE(exported.json().find(expected), std::string::npos) << expected << "\n"
                                                                 << exported.json();
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ExportPersonData'"), 2);
  auto status = StatusOf(
      [&](Transaction& tx) { return queries_->ExportPersonData(tx, south_worker_, request); });
  EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
}

TEST_P(CaseWorkflowTest, AnonymisesCasesClosedLongerAgoThanTheRetentionPeriod) {
  Case old_case = ReadyCase();  // referred 2025-01-10
  Do([&](Transaction& tx) {
    return workflow_->SubmitIntake(tx, asia_, Intake(old_case.id(), R"({"household": "secret"})"));
  });
  CloseCaseRequest close;
  close.set_case_id(old_case.id());
  close.set_reason(CLOSURE_REASON_GOALS_ACHIEVED);
  close.set_closed_on("2025-03-01");
  *close.mutable_outcome() = Json(R"({"result": "ok", "before": 1, "after": 3})");
  Do([&](Transaction& tx) { return workflow_->CloseCase(tx, asia_, close); });
  Case kept = ReadyCase();  // another person, still open
  Exec("UPDATE people SET pesel = '80050101234', case_file_ref = 'OPS-1' WHERE id = " +
       std::to_string(old_case.person_id()));

  // Less than 10 years after closing: nothing yet. (The RPC refuses an as_of in the future, so
  // the domain function is called with dates of our choosing.)
  auto none = Do([&](Transaction& tx) {
    return AnonymiseExpiredCases(tx, head_, *sdk::ParseDate("2035-02-01"), 10);
  });
  EXPECT_TRUE(none.empty());
  auto done = Do([&](Transaction& tx) {
    return AnonymiseExpiredCases(tx, head_, *sdk::ParseDate("2035-03-02"), 10);
  });
  ASSERT_EQ(done, std::vector<long long>{old_case.id()});
  const std::string id = std::to_string(old_case.id());
  EXPECT_EQ(
      Text("SELECT payload_json FROM case_documents WHERE kind = 'intake' AND case_id = " + id),
      "{}");
  EXPECT_NE(
      Text("SELECT payload_json FROM case_documents WHERE kind = 'outcome' AND case_id = " + id),
      "{}");
  EXPECT_EQ(
      Text("SELECT given_name FROM people WHERE id = " + std::to_string(old_case.person_id())),
      "anonymised");
  EXPECT_EQ(
      Text("SELECT birth_date FROM people WHERE id = " + std::to_string(old_case.person_id())),
      "1980-01-01");
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM people WHERE pesel IS NULL AND case_file_ref = '' AND id = " +
            std::to_string(old_case.person_id())),
      1);
  EXPECT_EQ(Text("SELECT given_name FROM people WHERE id = " + std::to_string(kept.person_id())),
            "Jan");
  EXPECT_EQ(
      Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApplyRetention' AND case_id = " + id),
      1);
  // Done once: a second sweep finds nothing new.
  EXPECT_TRUE(Do([&](Transaction& tx) {
                return AnonymiseExpiredCases(tx, head_, *sdk::ParseDate("2040-01-01"), 10);
              }).empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseWorkflowTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
