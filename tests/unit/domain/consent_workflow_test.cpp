// Consent per person through the workflow (domain/consent_steps.hpp): whose decision a request
// records, who may give it, what the work steps need, and what GetCase shows; on each backend.
#include <gtest/gtest.h>

#include "domain/case_queries.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;

// "TYPE" of each PreconditionFailure violation, "field" of each BadRequest one, and
// "person_ids=..." of an ErrorInfo, space-separated.
std::string DetailOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) return "";
  std::string out;
  for (const auto& any : details.details()) {
    google::rpc::PreconditionFailure failure;
    google::rpc::BadRequest bad;
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&failure)) {
      for (const auto& v : failure.violations()) out += v.type() + " ";
    } else if (any.Is<google::rpc::BadRequest>() && any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) out += v.field() + " ";
    } else if (any.Is<google::rpc::ErrorInfo>() && any.UnpackTo(&info) &&
               info.metadata().count("person_ids") > 0) {
      out += "person_ids=" + info.metadata().at("person_ids") + " ";
    }
  }
  return out;
}

class ConsentWorkflowTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    SetUpWorkflow();
    if (IsSkipped() || HasFatalFailure()) return;
    queries_ = std::make_unique<CaseQueries>(*registry_, *centres_);
  }

  template <typename F>
  grpc::Status StatusOf(F f) {
    try {
      Do(f);
      return grpc::Status::OK;
    } catch (const RpcError& e) {
      return e.status();
    }
  }

  long long NewPerson(const std::string& given, const std::string& birth,
                      const Identity& who = testing::As("wanda", "north", ROLE_SOCIAL_WORKER)) {
    CreatePersonRequest p;
    p.set_given_name(given);
    p.set_family_name("Kowalska");
    p.set_birth_date(birth);
    return Do([&](Transaction& tx) { return CreatePerson(tx, who, p); }).id();
  }

  // Opened on 2025-01-10 and assigned to asia on 2025-01-15.
  Case OpenAssigned(bool family, long long subject) {
    OpenCaseRequest r;
    r.set_type_id("testplug");
    if (family) {
      r.set_family_id(subject);
    } else {
      r.set_person_id(subject);
    }
    r.set_referral_reason("debts");
    r.set_referred_on("2025-01-10");
    Case c = Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, r); });
    AssignAssistantRequest a;
    a.set_case_id(c.id());
    a.set_assistant_id("asia");
    a.set_assigned_on("2025-01-15");
    return Do([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, a); });
  }

  // A family of two adults (mother_, father_) and a child (child_).
  Case FamilyCase() {
    mother_ = NewPerson("Anna", "1985-04-01");
    father_ = NewPerson("Piotr", "1983-09-09");
    child_ = NewPerson("Ola", "2015-06-01");
    CreateFamilyRequest f;
    f.set_name("Rodzina Kowalskich");
    for (auto [id, relation] :
         {std::pair{mother_, FAMILY_RELATION_PARENT}, std::pair{father_, FAMILY_RELATION_PARENT},
          std::pair{child_, FAMILY_RELATION_CHILD}}) {
      auto* m = f.add_members();
      m->set_person_id(id);
      m->set_relation(relation);
    }
    Family family = Do([&](Transaction& tx) { return CreateFamily(tx, worker_, f); });
    return OpenAssigned(true, family.id());
  }

  RecordConsentRequest Decision(long long case_id, long long person, ConsentState state,
                                const std::string& on = "2025-01-20") {
    RecordConsentRequest r;
    r.set_case_id(case_id);
    r.set_person_id(person);
    r.set_decision(state);
    r.set_decided_on(on);
    return r;
  }

  Case Record(const RecordConsentRequest& r) {
    return Do([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, r); });
  }

  grpc::Status Refusal(const RecordConsentRequest& r) {
    return StatusOf([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, r); });
  }

  grpc::Status IntakeRefusal(long long case_id) {
    SubmitIntakeRequest r;
    r.set_case_id(case_id);
    r.mutable_intake()->set_json(R"({"household": "x"})");
    return StatusOf([&](Transaction& tx) { return workflow_->SubmitIntake(tx, asia_, r); });
  }

  long long Decisions() { return Count("SELECT COUNT(*) FROM consent_decisions"); }

  std::unique_ptr<CaseQueries> queries_;
  Identity asia_ = testing::As("asia", "north", ROLE_ASSISTANT);
  long long mother_ = 0, father_ = 0, child_ = 0;
};

TEST_P(ConsentWorkflowTest, AFamilyCaseNeedsEachAdultsConsent) {
  Case c = FamilyCase();
  c = Record(Decision(c.id(), mother_, CONSENT_STATE_GIVEN));
  EXPECT_EQ(c.consent(), CONSENT_STATE_PENDING);
  EXPECT_TRUE(c.work_started_on().empty());
  auto status = IntakeRefusal(c.id());
  EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(DetailOf(status), "person_ids=" + std::to_string(father_) + " CONSENT_MISSING ");
  EXPECT_NE(status.error_message().find("Piotr Kowalska"), std::string::npos);

  c = Record(Decision(c.id(), father_, CONSENT_STATE_GIVEN, "2025-01-22"));
  EXPECT_EQ(c.consent(), CONSENT_STATE_GIVEN);
  EXPECT_EQ(c.consent_on(), "2025-01-22");
  EXPECT_EQ(c.work_started_on(), "2025-01-22");
  EXPECT_TRUE(IntakeRefusal(c.id()).ok());
  EXPECT_EQ(Text("SELECT detail FROM audit_events WHERE rpc = 'RecordConsent' ORDER BY id DESC"),
            "consent CONSENT_STATE_GIVEN of person " + std::to_string(father_) +
                " by CONSENT_GIVER_SELF; changed: consent, consent_on, work_started_on, "
                "next_review_due");
}

TEST_P(ConsentWorkflowTest, ARequestWithoutAPersonDecidesForEveryAdult) {
  Case c = FamilyCase();
  RecordConsentRequest r = Decision(c.id(), 0, CONSENT_STATE_GIVEN);
  c = Record(r);
  EXPECT_EQ(c.consent(), CONSENT_STATE_GIVEN);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consent_decisions WHERE given_by = 1 AND person_id IN (" +
                  std::to_string(mother_) + ", " + std::to_string(father_) + ")"),
            2);
  EXPECT_EQ(Decisions(), 2);  // not the child's

  auto detail = Do([&](Transaction& tx) { return queries_->GetCase(tx, asia_, c.id()); });
  ASSERT_EQ(detail.consents_size(), 2);
  EXPECT_EQ(detail.consents(0).person_id(), mother_);
  EXPECT_EQ(detail.consents(0).state(), CONSENT_STATE_GIVEN);
  EXPECT_EQ(detail.consents(0).given_by(), CONSENT_GIVER_SELF);
  EXPECT_EQ(detail.consents(0).decided_on(), "2025-01-20");
  EXPECT_TRUE(detail.consents(1).required());

  // Withdrawn without a person: each adult's consent that was given.
  c = Record(Decision(c.id(), 0, CONSENT_STATE_WITHDRAWN, "2025-02-01"));
  EXPECT_EQ(c.consent(), CONSENT_STATE_WITHDRAWN);
  EXPECT_EQ(DetailOf(IntakeRefusal(c.id())), "CONSENT_WITHDRAWN ");
}

TEST_P(ConsentWorkflowTest, OneAdultsWithdrawalStopsTheWorkNamingThem) {
  Case c = FamilyCase();
  Record(Decision(c.id(), 0, CONSENT_STATE_GIVEN));
  c = Record(Decision(c.id(), father_, CONSENT_STATE_WITHDRAWN, "2025-02-01"));
  EXPECT_EQ(c.consent(), CONSENT_STATE_WITHDRAWN);
  EXPECT_EQ(c.consent_on(), "2025-02-01");
  auto status = IntakeRefusal(c.id());
  EXPECT_EQ(DetailOf(status), "person_ids=" + std::to_string(father_) + " CONSENT_MISSING ");
  EXPECT_NE(status.error_message().find("withdrawn on 2025-02-01"), std::string::npos);
  // Given again, the work goes on.
  c = Record(Decision(c.id(), father_, CONSENT_STATE_GIVEN, "2025-02-05"));
  EXPECT_EQ(c.consent(), CONSENT_STATE_GIVEN);
  EXPECT_TRUE(IntakeRefusal(c.id()).ok());
}

TEST_P(ConsentWorkflowTest, AMinorCannotConsentAsSelfAndARefusedRequestWritesNothing) {
  Case c = FamilyCase();
  auto status = Refusal(Decision(c.id(), child_, CONSENT_STATE_GIVEN));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(status), "given_by ");
  RecordConsentRequest no_name = Decision(c.id(), child_, CONSENT_STATE_GIVEN);
  no_name.set_given_by(CONSENT_GIVER_PARENT);
  EXPECT_EQ(DetailOf(Refusal(no_name)), "given_by_name ");
  RecordConsentRequest named_self = Decision(c.id(), mother_, CONSENT_STATE_GIVEN);
  named_self.set_given_by_name("Anna Kowalska");
  EXPECT_EQ(DetailOf(Refusal(named_self)), "given_by_name ");
  EXPECT_EQ(Decisions(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'RecordConsent'"), 0);
}

TEST_P(ConsentWorkflowTest, AParentConsentsForAChildsPersonCase) {
  const long long child = NewPerson("Kuba", "2007-02-15");  // 18 on 2025-02-15
  Case c = OpenAssigned(false, child);
  // A request without a person would make the child consent as SELF.
  EXPECT_EQ(DetailOf(Refusal(Decision(c.id(), 0, CONSENT_STATE_GIVEN))), "given_by ");
  RecordConsentRequest r = Decision(c.id(), child, CONSENT_STATE_GIVEN);
  r.set_given_by(CONSENT_GIVER_PARENT);
  r.set_given_by_name("Marta Kowalska");
  c = Record(r);
  EXPECT_EQ(c.consent(), CONSENT_STATE_GIVEN);
  EXPECT_EQ(Text("SELECT given_by_name FROM consent_decisions"), "Marta Kowalska");
  auto detail = Do([&](Transaction& tx) { return queries_->GetCase(tx, asia_, c.id()); });
  ASSERT_EQ(detail.consents_size(), 1);
  EXPECT_EQ(detail.consents(0).given_by(), CONSENT_GIVER_PARENT);
  EXPECT_EQ(detail.consents(0).given_by_name(), "Marta Kowalska");
  // Turned 18, the same person decides themselves.
  c = Record(Decision(c.id(), child, CONSENT_STATE_GIVEN, "2025-02-15"));
  EXPECT_EQ(c.consent(), CONSENT_STATE_GIVEN);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consent_decisions WHERE given_by = 1"), 1);
}

TEST_P(ConsentWorkflowTest, OnlyThePeopleOfTheCaseAndOfTheCentre) {
  Case c = FamilyCase();
  const long long stranger = NewPerson("Ewa", "1970-01-01");
  auto status = Refusal(Decision(c.id(), stranger, CONSENT_STATE_GIVEN));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(DetailOf(status), "person_id ");
  const long long southern = NewPerson("Zofia", "1970-01-01", south_worker_);
  EXPECT_EQ(Refusal(Decision(c.id(), southern, CONSENT_STATE_GIVEN)).error_code(),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Refusal(Decision(c.id(), 999999, CONSENT_STATE_GIVEN)).error_code(),
            grpc::StatusCode::NOT_FOUND);
  // Nothing given yet: nothing to withdraw.
  EXPECT_EQ(DetailOf(Refusal(Decision(c.id(), mother_, CONSENT_STATE_WITHDRAWN))),
            "person_ids=" + std::to_string(mother_) + " CONSENT_NOT_GIVEN ");
  EXPECT_EQ(Decisions(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConsentWorkflowTest,
                         ::testing::ValuesIn(testing::TestBackends()), testing::BackendTestName);

}  // namespace
}  // namespace assist::host
