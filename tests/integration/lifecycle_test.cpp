// A family case from referral to the end of monitoring, every step through the public API, on
// both backends: what DOMAIN.md calls "what every type shares".
#include <gtest/gtest.h>

#include <algorithm>
#include <assist/plugin/date.hpp>
#include <set>

#include "case_steps.hpp"
#include "dynamic_payload.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

class LifecycleTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();
  DynamicPayloads family_types_;
  std::int64_t case_id_ = 0;

  void ExpectFamilyTypeListed();
  void SubmitIntake();
  void SubmitTwoPlans();
  void RecordContact();
  void RecordReview();
  void ExpectDueReview(const std::string& as_of, bool listed);
  void CloseAndMonitor();
  void ExpectFinalCase();
  void ExpectAuditTrail();
};

void LifecycleTest::ExpectFamilyTypeListed() {
  v1::ListAssistanceTypesResponse types;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Platform::ListAssistanceTypes,
                                 v1::ListAssistanceTypesRequest(), &types)));
  const auto family = std::find_if(types.types().begin(), types.types().end(),
                                   [](const v1::AssistanceType& t) { return t.id() == "family"; });
  ASSERT_NE(family, types.types().end()) << types.DebugString();
  EXPECT_EQ(family->intake_type(), family::kIntakeType);
  EXPECT_EQ(family->plan_type(), family::kPlanType);
  EXPECT_EQ(family->contact_type(), family::kContactType);
  EXPECT_EQ(family->review_type(), family::kReviewType);
  EXPECT_EQ(family->outcome_type(), family::kOutcomeType);
  EXPECT_FALSE(family->version().empty());
  EXPECT_EQ(family->sdk_version(), types.host_sdk_version());
  EXPECT_EQ(types.accepted_sdk_range(), "1.0.0 to 1.6.x");
}

void LifecycleTest::SubmitIntake() {
  v1::SubmitIntakeRequest request;
  request.set_case_id(case_id_);
  *request.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case updated;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, request, &updated)));
  EXPECT_EQ(updated.intake_version(), 1);
}

void LifecycleTest::SubmitTwoPlans() {
  // Version 1 as JSON, version 2 as an Any built from the described descriptors.
  v1::SubmitPlanRequest first;
  first.set_case_id(case_id_);
  *first.mutable_plan() = JsonPayload(family::PlanJson("first goal"), family::kPlanType);
  v1::PlanVersion v1_saved;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitPlan, first, &v1_saved)));
  EXPECT_EQ(v1_saved.version(), 1);
  EXPECT_EQ(v1_saved.submitted_by(), staff_.assistant.actor_id);

  std::string error;
  const auto plan =
      family_types_.FromJson(family::kPlanType, family::PlanJson("second goal"), error);
  ASSERT_NE(plan, nullptr) << error;
  v1::SubmitPlanRequest second;
  second.set_case_id(case_id_);
  *second.mutable_plan()->mutable_any() = Pack(*plan);
  v1::PlanVersion v2_saved;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitPlan, second, &v2_saved)));
  EXPECT_EQ(v2_saved.version(), 2);

  v1::GetPlanRequest get_first;
  get_first.set_case_id(case_id_);
  get_first.set_version(1);
  v1::PlanVersion read_first;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::GetPlan, get_first, &read_first)));
  EXPECT_EQ(read_first.version(), 1);
  ExpectPayload(family_types_, read_first.plan(), family::kPlanType,
                family::PlanJson("first goal"));

  v1::GetPlanRequest get_current;
  get_current.set_case_id(case_id_);
  v1::PlanVersion current;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::GetPlan, get_current, &current)));
  EXPECT_EQ(current.version(), 2);
  ExpectPayload(family_types_, current.plan(), family::kPlanType, family::PlanJson("second goal"));

  v1::ListPlanVersionsRequest list;
  list.set_case_id(case_id_);
  v1::ListPlanVersionsResponse versions;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::ListPlanVersions, list, &versions)));
  ASSERT_EQ(versions.versions_size(), 2);
  std::set<int> numbers{versions.versions(0).version(), versions.versions(1).version()};
  EXPECT_EQ(numbers, (std::set<int>{1, 2}));
}

void LifecycleTest::RecordContact() {
  v1::RecordContactRequest request;
  request.set_case_id(case_id_);
  request.set_kind(v1::CONTACT_KIND_HOME_VISIT);
  request.set_duration_minutes(90);
  request.set_place("home");
  request.set_notes("budget worked through together");
  *request.mutable_details() = JsonPayload(family::ContactJson());
  v1::Contact contact;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordContact, request, &contact)));
  EXPECT_GT(contact.id(), 0);
  EXPECT_EQ(contact.recorded_by(), staff_.assistant.actor_id);
  EXPECT_FALSE(contact.contact_on().empty());

  v1::ListContactsRequest list;
  list.set_case_id(case_id_);
  v1::ListContactsResponse contacts;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::ListContacts, list, &contacts)));
  ASSERT_EQ(contacts.contacts_size(), 1);
  EXPECT_EQ(contacts.contacts(0).kind(), v1::CONTACT_KIND_HOME_VISIT);
  EXPECT_EQ(contacts.contacts(0).duration_minutes(), 90);
  ExpectPayload(family_types_, contacts.contacts(0).details(), family::kContactType,
                family::ContactJson());
}

void LifecycleTest::RecordReview() {
  v1::RecordReviewRequest request;
  request.set_case_id(case_id_);
  *request.mutable_review() = JsonPayload(family::ReviewJson());
  v1::Review review;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordReview, request, &review)));
  EXPECT_FALSE(review.reviewed_on().empty());
  EXPECT_GT(review.next_review_due(), review.reviewed_on()) << "at least every 6 months";

  v1::ListReviewsRequest list;
  list.set_case_id(case_id_);
  v1::ListReviewsResponse reviews;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::ListReviews, list, &reviews)));
  ASSERT_EQ(reviews.reviews_size(), 1);
  ExpectPayload(family_types_, reviews.reviews(0).review(), family::kReviewType,
                family::ReviewJson());

  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.worker, case_id_, &detail));
  EXPECT_EQ(detail.case_().last_review_on(), review.reviewed_on());
  EXPECT_EQ(detail.case_().next_review_due(), review.next_review_due());
}

void LifecycleTest::ExpectDueReview(const std::string& as_of, bool listed) {
  v1::ListDueReviewsRequest request;
  request.set_as_of(as_of);
  request.set_page_size(500);
  v1::ListDueReviewsResponse due;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::ListDueReviews, request, &due)));
  const auto it = std::find_if(due.reviews().begin(), due.reviews().end(),
                               [&](const v1::DueReview& r) { return r.case_().id() == case_id_; });
  ASSERT_EQ(it != due.reviews().end(), listed) << "as of " << as_of << ": " << due.DebugString();
  if (!listed) return;
  EXPECT_TRUE(it->overdue());
  EXPECT_GT(it->days_overdue(), 0);
  EXPECT_LT(it->due_on(), as_of);
}

void LifecycleTest::CloseAndMonitor() {
  v1::CloseCaseRequest close;
  close.set_case_id(case_id_);
  close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  *close.mutable_outcome() = JsonPayload(family::OutcomeJson());
  v1::Case closed;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CloseCase, close, &closed)));
  EXPECT_EQ(closed.status(), v1::CASE_STATUS_CLOSED);
  EXPECT_EQ(closed.closure_reason(), v1::CLOSURE_REASON_GOALS_ACHIEVED);
  EXPECT_FALSE(closed.closed_on().empty());
  EXPECT_EQ(closed.next_review_due(), "") << "no periodic review after closure";

  // No last day given: the six months the family outcome recommends, from the closure.
  v1::StartMonitoringRequest start;
  start.set_case_id(case_id_);
  v1::Case monitored;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::StartMonitoring, start, &monitored)));
  EXPECT_EQ(monitored.status(), v1::CASE_STATUS_MONITORING);
  EXPECT_EQ(monitored.monitoring_until(),
            sdk::FormatDate(sdk::AddMonths(*sdk::ParseDate(closed.closed_on()), 6)));

  v1::EndMonitoringRequest end;
  end.set_case_id(case_id_);
  v1::Case ended;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::EndMonitoring, end, &ended)));
  EXPECT_EQ(ended.status(), v1::CASE_STATUS_MONITORING_ENDED);
}

void LifecycleTest::ExpectFinalCase() {
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), staff_.auditor, case_id_, &detail));
  const v1::Case& c = detail.case_();
  EXPECT_EQ(c.centre_id(), kSopot);
  EXPECT_EQ(c.type_id(), "family");
  EXPECT_EQ(c.status(), v1::CASE_STATUS_MONITORING_ENDED);
  EXPECT_EQ(c.referred_by(), staff_.worker.actor_id);
  EXPECT_EQ(c.assistant_id(), staff_.assistant.actor_id);
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_GIVEN);
  EXPECT_FALSE(c.work_started_on().empty());
  EXPECT_EQ(c.intake_version(), 1);
  EXPECT_EQ(c.plan_version(), 2);
  EXPECT_EQ(c.closure_reason(), v1::CLOSURE_REASON_GOALS_ACHIEVED);
  ExpectPayload(family_types_, detail.intake(), family::kIntakeType, family::IntakeJson());
  EXPECT_EQ(detail.plan().version(), 2);
  ExpectPayload(family_types_, detail.plan().plan(), family::kPlanType,
                family::PlanJson("second goal"));
  ExpectPayload(family_types_, detail.outcome(), family::kOutcomeType, family::OutcomeJson());
}

void LifecycleTest::ExpectAuditTrail() {
  std::multiset<std::string> rpcs;
  v1::ListAuditEventsRequest request;
  request.set_case_id(case_id_);
  request.set_page_size(100);
  for (int page = 0; page < 20; ++page) {
    v1::ListAuditEventsResponse events;
    ASSERT_TRUE(IsOk(client().Call(staff_.auditor, &Audit::ListAuditEvents, request, &events)));
    for (const v1::AuditEvent& event : events.events()) {
      EXPECT_EQ(event.case_id(), case_id_);
      EXPECT_EQ(event.centre_id(), kSopot);
      // Accept "SubmitPlan" as well as "/assist.v1.CaseService/SubmitPlan".
      const std::string& rpc = event.rpc();
      rpcs.insert(rpc.substr(rpc.rfind('/') + 1));
      if (rpc.ends_with("SubmitIntake")) {
        EXPECT_EQ(event.actor_id(), staff_.assistant.actor_id);
        EXPECT_EQ(event.role(), v1::ROLE_ASSISTANT);
        EXPECT_EQ(event.action(), "write");
      }
      if (rpc.ends_with("GetCase")) {
        EXPECT_EQ(event.action(), "read");
      }
    }
    if (events.next_page_token().empty()) break;
    request.set_page_token(events.next_page_token());
  }
  for (const char* rpc : {"OpenCase", "AssignAssistant", "RecordConsent", "SubmitIntake", "GetPlan",
                          "ListPlanVersions", "RecordContact", "RecordReview", "CloseCase",
                          "StartMonitoring", "EndMonitoring", "GetCase"}) {
    EXPECT_EQ(rpcs.count(rpc) > 0, true) << "no audit event for " << rpc;
  }
  EXPECT_EQ(rpcs.count("SubmitPlan"), 2u);
}

TEST_P(LifecycleTest, FamilyCaseFromReferralToEndOfMonitoring) {
  ASSERT_NO_FATAL_FAILURE(ExpectFamilyTypeListed());
  ASSERT_NO_FATAL_FAILURE(DescribeFamily(client(), staff_.worker, &family_types_));

  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), staff_, &family_id));
  v1::Case opened;
  ASSERT_NO_FATAL_FAILURE(OpenFamilyCase(client(), staff_, family_id, &opened));
  EXPECT_EQ(opened.consent(), v1::CONSENT_STATE_PENDING);
  EXPECT_EQ(opened.referred_by(), staff_.worker.actor_id);
  case_id_ = opened.id();
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), staff_, case_id_));

  ASSERT_NO_FATAL_FAILURE(SubmitIntake());
  ASSERT_NO_FATAL_FAILURE(SubmitTwoPlans());
  ASSERT_NO_FATAL_FAILURE(RecordContact());
  ASSERT_NO_FATAL_FAILURE(RecordReview());
  ASSERT_NO_FATAL_FAILURE(ExpectDueReview(DateFromToday(0), false));
  ASSERT_NO_FATAL_FAILURE(ExpectDueReview("2099-01-01", true));
  ASSERT_NO_FATAL_FAILURE(CloseAndMonitor());
  ASSERT_NO_FATAL_FAILURE(ExpectDueReview("2099-01-01", false));
  ASSERT_NO_FATAL_FAILURE(ExpectFinalCase());
  ASSERT_NO_FATAL_FAILURE(ExpectAuditTrail());
}

INSTANTIATE_BACKENDS(LifecycleTest);

}  // namespace
}  // namespace assist::it
