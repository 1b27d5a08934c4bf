// What a centre gets out of its case records: the documents a plugin writes (the family
// assistant's opinion for a court) and the yearly statistics with the plugin's outcome indicators.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

class DocumentsTest : public HostTest {};

TEST_P(DocumentsTest, CourtOpinionIsWrittenFromTheCaseRecord) {
  v1::Case closed;
  ASSERT_NO_FATAL_FAILURE(NewClosedFamilyCase(client(), Sopot(), &closed));

  v1::ListAssistanceTypesResponse types;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Platform::ListAssistanceTypes,
                                 v1::ListAssistanceTypesRequest(), &types)));
  const auto family = std::find_if(types.types().begin(), types.types().end(),
                                   [](const v1::AssistanceType& t) { return t.id() == "family"; });
  ASSERT_NE(family, types.types().end());
  ASSERT_TRUE(std::any_of(family->documents().begin(), family->documents().end(),
                          [](const v1::DocumentKind& d) { return d.id() == "court_opinion"; }))
      << family->DebugString();

  v1::RenderDocumentRequest request;
  request.set_case_id(closed.id());
  request.set_kind("court_opinion");
  v1::CaseDocument document;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::RenderDocument, request, &document)));
  EXPECT_EQ(document.case_id(), closed.id());
  EXPECT_EQ(document.kind(), "court_opinion");
  EXPECT_EQ(document.generated_by(), Sopot().worker.actor_id);
  EXPECT_NE(document.text().find("Nowak"), std::string::npos) << document.text();
  // The staff register's full name, not the login.
  EXPECT_NE(document.text().find("Asystent rodziny: " + std::string(AssistantFullName(Sopot()))),
            std::string::npos)
      << document.text();

  v1::CaseDocument ignored;
  EXPECT_TRUE(HasCode(client().Call(Jastrzebia().worker, &Cases::RenderDocument, request, &ignored),
                      StatusCode::NOT_FOUND));
  EXPECT_TRUE(
      HasCode(client().Call(Sopot().other_assistant, &Cases::RenderDocument, request, &ignored),
              StatusCode::NOT_FOUND));
}

// A family obliged by a court to work with an assistant (k.r.o. art. 109 § 2 pkt 1) that refuses
// to meet: the contact is stored with a warning, and the notice to the court names the order and
// the refusal. Refused for a family that works by its own consent.
TEST_P(DocumentsTest, NonCooperationNoticeGoesToTheCourtThatOrderedTheWork) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  v1::RenderDocumentRequest render;
  render.set_case_id(case_id);
  render.set_kind("non_cooperation_notice");
  v1::CaseDocument document;

  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case updated;
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::SubmitIntake, intake, &updated)));
  EXPECT_TRUE(HasCode(client().Call(Sopot().worker, &Cases::RenderDocument, render, &document),
                      StatusCode::FAILED_PRECONDITION));  // consent, not a court order

  *intake.mutable_intake() = JsonPayload(family::CourtOrderedIntakeJson());
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::SubmitIntake, intake, &updated)));

  v1::RecordContactRequest contact;
  contact.set_case_id(case_id);
  contact.set_kind(v1::CONTACT_KIND_HOME_VISIT);
  contact.set_duration_minutes(10);
  contact.set_notes("nie otwarto drzwi");
  *contact.mutable_details() =
      JsonPayload(R"({"presentMembers": [], "cooperation": "COOPERATION_REFUSED_MEETING"})");
  v1::Contact recorded;
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::RecordContact, contact, &recorded)));
  ASSERT_EQ(recorded.warnings_size(), 1) << recorded.DebugString();
  EXPECT_EQ(recorded.warnings(0).code(), "COURT_ORDERED_FAMILY_NOT_COOPERATING");

  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::RenderDocument, render, &document)));
  EXPECT_EQ(document.kind(), "non_cooperation_notice");
  for (const std::string expected : {"Sąd Rejonowy w Sopocie", "Sygn. akt III Nsm 120/26",
                                     "odmowa spotkania (nie otwarto drzwi)"}) {
    EXPECT_NE(document.text().find(expected), std::string::npos) << document.text();
  }
}

TEST_P(DocumentsTest, YearlyStatisticsCountTheCentresOwnCasesOnly) {
  v1::Case closed;
  ASSERT_NO_FATAL_FAILURE(NewClosedFamilyCase(client(), Sopot(), &closed));
  const int year = std::stoi(closed.closed_on().substr(0, 4));

  v1::GetStatisticsRequest request;
  request.set_year(year);
  request.set_type_id("family");
  v1::Statistics sopot;
  ASSERT_TRUE(IsOk(client().Call(Sopot().head, &Cases::GetStatistics, request, &sopot)));
  EXPECT_EQ(sopot.centre_id(), kSopot);
  ASSERT_EQ(sopot.types_size(), 1) << sopot.DebugString();
  const v1::TypeStatistics& family = sopot.types(0);
  EXPECT_EQ(family.type_id(), "family");
  EXPECT_EQ(family.cases_opened(), 1);
  EXPECT_EQ(family.cases_closed(), 1);
  EXPECT_EQ(family.cases_served(), 1);
  EXPECT_EQ(family.open_at_year_end(), 0);
  EXPECT_EQ(family.families_served(), 1);
  EXPECT_EQ(family.people_served(), 2);
  EXPECT_EQ(family.assistants(), 1);
  // OutcomeJson rates parent-child relations 2 -> 4.
  const auto relations = std::find_if(
      family.indicators().begin(), family.indicators().end(),
      [](const v1::IndicatorSummary& i) { return i.code() == "parent_child_relations"; });
  ASSERT_NE(relations, family.indicators().end()) << family.DebugString();
  EXPECT_EQ(relations->cases(), 1);
  EXPECT_DOUBLE_EQ(relations->mean_before(), 2.0);
  EXPECT_DOUBLE_EQ(relations->mean_after(), 4.0);
  EXPECT_EQ(relations->improved(), 1);

  v1::Statistics jastrzebia;
  ASSERT_TRUE(IsOk(client().Call(Jastrzebia().head, &Cases::GetStatistics, request, &jastrzebia)));
  EXPECT_EQ(jastrzebia.centre_id(), kJastrzebia);
  for (const v1::TypeStatistics& type : jastrzebia.types()) {
    EXPECT_EQ(type.cases_served(), 0) << type.DebugString();
    EXPECT_EQ(type.cases_closed(), 0) << type.DebugString();
  }
  v1::Statistics ignored;
  EXPECT_TRUE(HasCode(client().Call(Sopot().assistant, &Cases::GetStatistics, request, &ignored),
                      StatusCode::PERMISSION_DENIED));
}

INSTANTIATE_BACKENDS(DocumentsTest);

}  // namespace
}  // namespace assist::it
