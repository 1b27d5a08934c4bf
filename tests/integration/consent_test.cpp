// Consent per person through the public API, on both backends: a family of two adults needs
// both, one adult's withdrawal stops the next contact naming them, a minor cannot consent as SELF
// and a parent consents for a child's case, a request without a person still decides for every
// adult, another centre's person is NOT_FOUND, and a refused request writes nothing.
#include <gtest/gtest.h>

#include <string>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

class ConsentTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  std::int64_t Person(const std::string& given, const std::string& birth,
                      const CentreStaff& staff = Sopot()) {
    v1::CreatePersonRequest request;
    request.set_given_name(given);
    request.set_family_name("Wiśniewska");
    request.set_birth_date(birth);
    v1::Person person;
    EXPECT_TRUE(IsOk(client().Call(staff.worker, &Cases::CreatePerson, request, &person)));
    return person.id();
  }

  // A family case of Ewa and Marek (adults) and Zosia (a child), assigned to Sopot's assistant.
  std::int64_t FamilyCase() {
    ewa_ = Person("Ewa", "1986-03-03");
    marek_ = Person("Marek", "1984-07-07");
    zosia_ = Person("Zosia", "2016-05-05");
    v1::CreateFamilyRequest create;
    create.set_name("Rodzina Wiśniewskich");
    for (const auto& [id, relation] : {std::pair{ewa_, v1::FAMILY_RELATION_PARENT},
                                       std::pair{marek_, v1::FAMILY_RELATION_PARENT},
                                       std::pair{zosia_, v1::FAMILY_RELATION_CHILD}}) {
      auto* m = create.add_members();
      m->set_person_id(id);
      m->set_relation(relation);
    }
    v1::Family family;
    EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CreateFamily, create, &family)));
    v1::Case opened;
    OpenFamilyCase(client(), staff_, family.id(), &opened);
    Assign(opened.id());
    return opened.id();
  }

  void Assign(std::int64_t case_id) {
    v1::AssignAssistantRequest assign;
    assign.set_case_id(case_id);
    assign.set_assistant_id(std::string(staff_.assistant.actor_id));
    v1::Case assigned;
    EXPECT_TRUE(IsOk(client().Call(staff_.head, &Cases::AssignAssistant, assign, &assigned)));
  }

  static v1::RecordConsentRequest Decision(std::int64_t case_id, std::int64_t person,
                                           v1::ConsentState state) {
    v1::RecordConsentRequest request;
    request.set_case_id(case_id);
    request.set_person_id(person);
    request.set_decision(state);
    return request;
  }

  grpc::Status Consent(const v1::RecordConsentRequest& request, v1::Case* out = nullptr) {
    v1::Case ignored;
    return client().Call(staff_.worker, &Cases::RecordConsent, request,
                         out != nullptr ? out : &ignored);
  }

  grpc::Status Contact(std::int64_t case_id) {
    v1::RecordContactRequest request;
    request.set_case_id(case_id);
    request.set_kind(v1::CONTACT_KIND_HOME_VISIT);
    request.set_duration_minutes(60);
    *request.mutable_details() = JsonPayload(family::ContactJson());
    v1::Contact contact;
    return client().Call(staff_.assistant, &Cases::RecordContact, request, &contact);
  }

  v1::CaseDetail Detail(std::int64_t case_id) {
    v1::CaseDetail detail;
    GetCase(client(), staff_.worker, case_id, &detail);
    return detail;
  }

  // The RecordConsent rows of the centre's trail.
  int ConsentRows() {
    v1::ListAuditEventsRequest request;
    request.set_page_size(1000);
    v1::ListAuditEventsResponse response;
    EXPECT_TRUE(IsOk(client().Call(staff_.head, &Audit::ListAuditEvents, request, &response)));
    int rows = 0;
    // Decisions recorded: a refused request leaves a "rejected" row, and no decision.
    for (const auto& event : response.events()) {
      rows += event.rpc() == "RecordConsent" && event.action() == "write" ? 1 : 0;
    }
    return rows;
  }

  std::int64_t ewa_ = 0, marek_ = 0, zosia_ = 0;
};

TEST_P(ConsentTest, BothAdultsOfAFamilyConsentAndOnesWithdrawalStopsTheNextContact) {
  const std::int64_t case_id = FamilyCase();
  v1::Case c;
  ASSERT_TRUE(IsOk(Consent(Decision(case_id, ewa_, v1::CONSENT_STATE_GIVEN), &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_PENDING);
  grpc::Status refused = Contact(case_id);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(refused), std::vector<std::string>{"CONSENT_MISSING"});
  EXPECT_EQ(ErrorMetadata(refused, "person_ids"), std::to_string(marek_));

  ASSERT_TRUE(IsOk(Consent(Decision(case_id, marek_, v1::CONSENT_STATE_GIVEN), &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_GIVEN);
  EXPECT_FALSE(c.work_started_on().empty());
  ASSERT_TRUE(IsOk(Contact(case_id)));

  ASSERT_TRUE(IsOk(Consent(Decision(case_id, marek_, v1::CONSENT_STATE_WITHDRAWN), &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_WITHDRAWN);
  refused = Contact(case_id);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(refused), std::vector<std::string>{"CONSENT_MISSING"});
  EXPECT_EQ(ErrorMetadata(refused, "person_ids"), std::to_string(marek_));
  EXPECT_NE(refused.error_message().find("Marek"), std::string::npos) << refused.error_message();

  const v1::CaseDetail detail = Detail(case_id);
  ASSERT_EQ(detail.consents_size(), 2);  // the adults; Zosia's is not needed
  EXPECT_EQ(detail.consents(0).person_id(), ewa_);
  EXPECT_EQ(detail.consents(0).state(), v1::CONSENT_STATE_GIVEN);
  EXPECT_EQ(detail.consents(0).given_by(), v1::CONSENT_GIVER_SELF);
  EXPECT_EQ(detail.consents(1).person_id(), marek_);
  EXPECT_EQ(detail.consents(1).state(), v1::CONSENT_STATE_WITHDRAWN);
  EXPECT_EQ(detail.consents(1).decided_on(), DateFromToday(0));
  EXPECT_EQ(detail.consents(1).recorded_by(), staff_.worker.actor_id);
}

TEST_P(ConsentTest, ARequestWithoutAPersonStillDecidesForEveryAdult) {
  const std::int64_t case_id = FamilyCase();
  v1::Case c;
  ASSERT_TRUE(IsOk(Consent(Decision(case_id, 0, v1::CONSENT_STATE_GIVEN), &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_GIVEN);
  ASSERT_TRUE(IsOk(Contact(case_id)));
  const v1::CaseDetail detail = Detail(case_id);
  ASSERT_EQ(detail.consents_size(), 2);
  for (const auto& person : detail.consents()) {
    EXPECT_TRUE(person.required());
    EXPECT_EQ(person.state(), v1::CONSENT_STATE_GIVEN);
    EXPECT_EQ(person.given_by(), v1::CONSENT_GIVER_SELF);
  }
}

TEST_P(ConsentTest, AMinorCannotConsentAsSelfAndARefusedRequestWritesNothing) {
  const std::int64_t case_id = FamilyCase();
  const int rows_before = ConsentRows();
  grpc::Status refused = Consent(Decision(case_id, zosia_, v1::CONSENT_STATE_GIVEN));
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(refused), std::vector<std::string>{"given_by"});
  v1::RecordConsentRequest unnamed = Decision(case_id, zosia_, v1::CONSENT_STATE_GIVEN);
  unnamed.set_given_by(v1::CONSENT_GIVER_LEGAL_GUARDIAN);
  refused = Consent(unnamed);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(refused), std::vector<std::string>{"given_by_name"});
  EXPECT_EQ(Detail(case_id).consents_size(), 2);  // the adults, both still pending
  EXPECT_EQ(Detail(case_id).consents(0).state(), v1::CONSENT_STATE_PENDING);
  EXPECT_EQ(Detail(case_id).case_().consent(), v1::CONSENT_STATE_PENDING);
  EXPECT_EQ(ConsentRows(), rows_before);
}

TEST_P(ConsentTest, AParentConsentsForAChildsCase) {
  const std::int64_t child = Person("Kacper", "2013-01-01");
  v1::OpenCaseRequest open;
  open.set_type_id("family");
  open.set_person_id(child);
  open.set_referral_reason("school reports neglect");
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::OpenCase, open, &opened)));
  Assign(opened.id());
  // Without a person the child would consent as SELF.
  EXPECT_TRUE(HasCode(Consent(Decision(opened.id(), 0, v1::CONSENT_STATE_GIVEN)),
                      grpc::StatusCode::INVALID_ARGUMENT));
  v1::RecordConsentRequest by_parent = Decision(opened.id(), child, v1::CONSENT_STATE_GIVEN);
  by_parent.set_given_by(v1::CONSENT_GIVER_PARENT);
  by_parent.set_given_by_name("Ewa Wiśniewska");
  v1::Case c;
  ASSERT_TRUE(IsOk(Consent(by_parent, &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_GIVEN);
  ASSERT_TRUE(IsOk(Contact(opened.id())));
  const v1::CaseDetail detail = Detail(opened.id());
  ASSERT_EQ(detail.consents_size(), 1);
  EXPECT_EQ(detail.consents(0).given_by(), v1::CONSENT_GIVER_PARENT);
  EXPECT_EQ(detail.consents(0).given_by_name(), "Ewa Wiśniewska");
}

TEST_P(ConsentTest, OnlyThePeopleOfTheCaseAndNeverAnotherCentres) {
  const std::int64_t case_id = FamilyCase();
  const std::int64_t neighbour = Person("Hanna", "1970-01-01", Jastrzebia());
  grpc::Status refused = Consent(Decision(case_id, neighbour, v1::CONSENT_STATE_GIVEN));
  EXPECT_TRUE(HasCode(refused, grpc::StatusCode::NOT_FOUND));
  const std::int64_t stranger = Person("Irena", "1970-01-01");
  refused = Consent(Decision(case_id, stranger, v1::CONSENT_STATE_GIVEN));
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(refused), std::vector<std::string>{"person_id"});
  EXPECT_EQ(Detail(case_id).case_().consent(), v1::CONSENT_STATE_PENDING);
}

// Case.consent follows the family's members: the one adult who had not consented leaves, and the
// case's consent is complete and its work starts; a new adult joins, and the next contact waits
// for her consent.
TEST_P(ConsentTest, TheCasesConsentFollowsTheFamilysMembers) {
  const std::int64_t case_id = FamilyCase();
  v1::Case c;
  ASSERT_TRUE(IsOk(Consent(Decision(case_id, ewa_, v1::CONSENT_STATE_GIVEN), &c)));
  ASSERT_EQ(c.consent(), v1::CONSENT_STATE_PENDING);
  const std::int64_t family_id = c.family_id();

  auto change = [&](std::int64_t person, v1::MembershipChange kind) {
    v1::UpdateFamilyRequest update;
    update.set_id(family_id);
    auto* entry = update.add_changes();
    entry->set_person_id(person);
    entry->set_change(kind);
    if (kind != v1::MEMBERSHIP_CHANGE_LEFT) entry->set_relation(v1::FAMILY_RELATION_GRANDPARENT);
    entry->set_effective_on(DateFromToday(0));
    v1::Family updated;
    return client().Call(staff_.worker, &Cases::UpdateFamily, update, &updated);
  };
  ASSERT_TRUE(IsOk(change(marek_, v1::MEMBERSHIP_CHANGE_LEFT)));
  c = Detail(case_id).case_();
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_GIVEN);
  EXPECT_EQ(c.work_started_on(), DateFromToday(0));
  ASSERT_TRUE(IsOk(Contact(case_id)));

  const std::int64_t teresa = Person("Teresa", "1960-02-02");
  ASSERT_TRUE(IsOk(change(teresa, v1::MEMBERSHIP_CHANGE_JOINED)));
  EXPECT_EQ(Detail(case_id).case_().consent(), v1::CONSENT_STATE_PENDING);
  const grpc::Status refused = Contact(case_id);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorMetadata(refused, "person_ids"), std::to_string(teresa));
}

// K.r.o. art. 109 § 2 pkt 1: a family the court obliged to work with an assistant does not
// consent to it. Its intake, recording the order, is accepted without consent, the work starts
// with it, and the work goes on when a parent refuses it (the refusal is recorded; the court is
// told by the non-cooperation notice; the court's opinion is still rendered). An intake that
// drops the order needs the family's consent first.
TEST_P(ConsentTest, ACourtOrderedFamilyIsWorkedWithWithoutItsConsent) {
  const std::int64_t case_id = FamilyCase();
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case c;
  grpc::Status refused = client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &c);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(refused), std::vector<std::string>{"CONSENT_MISSING"});
  EXPECT_FALSE(Detail(case_id).work_ordered());

  *intake.mutable_intake() = JsonPayload(family::CourtOrderedIntakeJson());
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_PENDING);
  EXPECT_EQ(c.work_started_on(), DateFromToday(0));
  EXPECT_TRUE(Detail(case_id).work_ordered());
  ASSERT_TRUE(IsOk(Contact(case_id)));
  v1::SubmitPlanRequest plan;
  plan.set_case_id(case_id);
  *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
  v1::PlanVersion version;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitPlan, plan, &version)));

  ASSERT_TRUE(IsOk(Consent(Decision(case_id, marek_, v1::CONSENT_STATE_REFUSED), &c)));
  EXPECT_EQ(c.consent(), v1::CONSENT_STATE_REFUSED);
  ASSERT_TRUE(IsOk(Contact(case_id)));
  v1::RenderDocumentRequest render;
  render.set_case_id(case_id);
  render.set_kind("court_opinion");
  v1::CaseDocument document;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::RenderDocument, render, &document)));

  // An intake without the order is one the family must consent to first.
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  refused = client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &c);
  ASSERT_TRUE(HasCode(refused, grpc::StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(refused), std::vector<std::string>{"CONSENT_MISSING"});
  EXPECT_TRUE(Detail(case_id).work_ordered());
}

INSTANTIATE_BACKENDS(ConsentTest);

}  // namespace
}  // namespace assist::it
