// Legal status per person: each member's own status is checked and warned about by name, and
// intakes of the earlier form (one status for the whole family) are still read.
#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::kPlanDate;
using testing::LegacyIntake;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status CheckIntake(const v1::Intake& intake) {
  return InterculturalPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(InterculturalStatusPerPerson, EachMemberNeedsAStatusOfTheirOwn) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(2)->clear_legal_status();
  EXPECT_EQ(Fields(CheckIntake(intake)), (Paths{"members[2].legal_status"}));
}

TEST(InterculturalStatusPerPerson, EachStatusIsCheckedUnderItsMember) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(1)->mutable_legal_status()->clear_expires_on();
  intake.mutable_members(2)->mutable_legal_status()->set_kind(v1::LEGAL_STATUS_KIND_OTHER);
  EXPECT_EQ(Fields(CheckIntake(intake)),
            (Paths{"members[1].legal_status.expires_on", "members[2].legal_status.description"}));
}

TEST(InterculturalStatusPerPerson, TheFamilysStatusOfTheEarlierFormStandsForMembersWithoutOne) {
  EXPECT_TRUE(CheckIntake(LegacyIntake()).ok());
  v1::Intake mixed = LegacyIntake();  // the father's own card, the others the family's status
  *mixed.mutable_members(0)->mutable_legal_status() = ValidIntake().members(2).legal_status();
  EXPECT_TRUE(CheckIntake(mixed).ok());
}

TEST(InterculturalStatusPerPerson, ExpiryIsWarnedAboutPerPersonByName) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(0)->mutable_legal_status()->set_expires_on("2026-10-15");  // within 90
  intake.mutable_members(1)->mutable_legal_status()->set_expires_on("2026-08-31");  // expired
  const sdk::Status status = CheckIntake(intake);
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"LEGAL_STATUS_EXPIRED", "LEGAL_STATUS_EXPIRING"}));
  for (const sdk::Warning& warning : status.warnings()) {
    const std::string name =
        warning.code == "LEGAL_STATUS_EXPIRING" ? "Olena Kovalenko" : "Maksym Kovalenko";
    EXPECT_NE(warning.message_en.find(name + "'s legal status"), std::string::npos)
        << warning.message_en;
    EXPECT_NE(warning.message_pl.find("osoby " + name), std::string::npos) << warning.message_pl;
  }
}

TEST(InterculturalStatusPerPerson, TheFamilysStatusWarnsOnceForTheFamily) {
  v1::Intake intake = LegacyIntake();
  intake.mutable_legal_status()->set_expires_on("2026-10-15");
  const sdk::Status status = CheckIntake(intake);
  ASSERT_EQ(WarningCodes(status), (Paths{"LEGAL_STATUS_EXPIRING"}));
  EXPECT_NE(status.warnings()[0].message_en.find("The family's legal status"), std::string::npos);
}

TEST(InterculturalStatusPerPerson, PlanWarnsForThePersonWhoseStatusEndsWithinThePeriod) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(1)->mutable_legal_status()->set_expires_on("2027-06-30");
  sdk::CaseContext context = Context(kPlanDate);
  context.intake = &intake;
  const sdk::Status status = InterculturalPlugin().Validate(sdk::Step::kPlan, ValidPlan(), context);
  ASSERT_EQ(WarningCodes(status), (Paths{"LEGAL_STATUS_EXPIRING"}));
  EXPECT_NE(status.warnings()[0].message_en.find("Maksym Kovalenko"), std::string::npos);
}

}  // namespace
}  // namespace assist::intercultural
