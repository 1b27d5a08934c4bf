#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork::testing {
namespace {

sdk::Status Check(const v1::Intake& intake) {
  return StreetworkPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(StreetworkIntake, ValidIntakePasses) {
  const sdk::Status status = Check(ValidIntake());
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(StreetworkIntake, ReportsEveryViolationAtOnce) {
  v1::Intake intake = ValidIntake();
  intake.set_first_met_on("2026-09-02");  // after the intake
  intake.mutable_met_at()->set_kind(v1::PLACE_KIND_UNSPECIFIED);
  intake.set_months_without_home(-1);
  intake.add_needs(v1::NEED_FOOD);  // twice
  intake.add_needs(static_cast<v1::Need>(99));
  intake.set_risk(v1::RISK_UNSPECIFIED);

  const sdk::Status status = Check(intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"first_met_on", "met_at.kind", "months_without_home", "needs[3]",
                                   "needs[4]", "risk"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
}

TEST(StreetworkIntake, NeedsAtLeastOneNeedAndAWordOnAnOtherPlace) {
  v1::Intake intake = ValidIntake();
  intake.clear_needs();
  intake.mutable_met_at()->set_kind(v1::PLACE_KIND_OTHER);
  intake.mutable_met_at()->clear_note();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"met_at.note", "needs"}));
}

TEST(StreetworkIntake, RefusesAPayloadOfAnotherType) {
  const sdk::Status status =
      StreetworkPlugin().Validate(sdk::Step::kIntake, ValidPlan(), Context(kIntakeDate));
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), Paths{""});
}

}  // namespace
}  // namespace assist::streetwork::testing
