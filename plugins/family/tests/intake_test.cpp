#include <gtest/gtest.h>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::ValidIntake;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Intake& intake) {
  return FamilyPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(FamilyIntake, ValidIntakePasses) {
  const sdk::Status status = Check(ValidIntake());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.violations().empty());
}

TEST(FamilyIntake, ReportsEveryViolationAtOnce) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(0)->set_name("");
  intake.mutable_members(0)->set_role(v1::MEMBER_ROLE_CHILD);  // no adult left
  intake.mutable_members(1)->set_birth_date("2026-02-30");
  intake.mutable_members(2)->set_birth_date("2026-09-02");  // after the intake date
  intake.set_legal_basis(v1::LEGAL_BASIS_COURT_ORDER);      // but no court order given
  intake.mutable_community_interview()->set_conducted_on("2026-09-05");

  const sdk::Status status = Check(intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"community_interview.conducted_on", "court_order.court", "court_order.issued_on",
                   "court_order.reference", "members", "members[0].name", "members[1].birth_date",
                   "members[2].birth_date"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
}

TEST(FamilyIntake, NoMembersNeedsAnAdult) {
  v1::Intake intake = ValidIntake();
  intake.clear_members();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"members"}));
}

TEST(FamilyIntake, RequiredEnumsUnknownValuesAndRepeatedProblems) {
  v1::Intake intake = ValidIntake();
  intake.set_family_form(v1::FAMILY_FORM_UNSPECIFIED);
  intake.set_legal_basis(v1::LEGAL_BASIS_UNSPECIFIED);
  intake.mutable_members(1)->set_relation(v1::RELATION_UNSPECIFIED);
  intake.mutable_members(2)->set_role(static_cast<v1::MemberRole>(7));
  intake.add_problem_areas(v1::PROBLEM_AREA_POVERTY);  // [3], already at [0]
  intake.add_problem_areas(static_cast<v1::ProblemArea>(99));
  intake.add_problem_areas(v1::PROBLEM_AREA_UNSPECIFIED);
  EXPECT_EQ(Fields(Check(intake)),
            (Paths{"family_form", "legal_basis", "members[1].relation", "members[2].role",
                   "problem_areas[3]", "problem_areas[4]", "problem_areas[5]"}));
}

TEST(FamilyIntake, BlueCardOnlyWithViolence) {
  v1::Intake intake = ValidIntake();
  intake.clear_problem_areas();
  intake.add_problem_areas(v1::PROBLEM_AREA_ALCOHOL);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"blue_card_procedure_open"}));

  intake.set_blue_card_procedure_open(false);
  EXPECT_TRUE(Check(intake).ok());
}

TEST(FamilyIntake, OnlyAChildCanBeInFosterCare) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(0)->set_in_foster_care(true);
  intake.mutable_members(2)->set_in_foster_care(true);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"members[0].in_foster_care"}));
}

TEST(FamilyIntake, CourtOrderWithCourtReferenceAndDatePasses) {
  v1::Intake intake = ValidIntake();
  intake.set_legal_basis(v1::LEGAL_BASIS_COURT_ORDER);
  intake.mutable_court_order()->set_reference("III Nsm 245/26");
  intake.mutable_court_order()->set_issued_on(std::string(kIntakeDate));  // the same day is fine
  EXPECT_EQ(Fields(Check(intake)), (Paths{"court_order.court"}));         // whom to notify
  intake.mutable_court_order()->set_court("Sąd Rejonowy w Bytomiu, III Wydział Rodzinny");
  EXPECT_TRUE(Check(intake).ok());

  intake.mutable_court_order()->set_issued_on("2026-09-02");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"court_order.issued_on"}));
}

TEST(FamilyIntake, CourtOrderWithoutCourtOrderBasisIsRejected) {
  v1::Intake intake = ValidIntake();
  intake.mutable_court_order()->set_reference("III Nsm 245/26");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"court_order"}));
}

TEST(FamilyIntake, ReferralDatesAreOptionalButMustBeRealPastDates) {
  v1::Intake intake = ValidIntake();
  intake.clear_social_worker_request();
  intake.clear_community_interview();
  EXPECT_TRUE(Check(intake).ok());

  intake.mutable_social_worker_request()->set_requested_on("20.08.2026");
  intake.mutable_community_interview()->set_conducted_on(std::string(kIntakeDate));
  EXPECT_EQ(Fields(Check(intake)), (Paths{"social_worker_request.requested_on"}));
}

TEST(FamilyIntake, EmptyStrengthIsRejected) {
  v1::Intake intake = ValidIntake();
  intake.add_strengths("");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"strengths[2]"}));
}

TEST(FamilyIntake, IsForAFamilyNotOnePerson) {
  const sdk::Status status =
      FamilyPlugin().Validate(sdk::Step::kIntake, ValidIntake(),
                              sdk::testing::Context(kIntakeDate, sdk::CaseSubject::kPerson));
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("works with a family"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace assist::family
