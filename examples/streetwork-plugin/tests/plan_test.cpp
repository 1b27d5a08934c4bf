#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork::testing {
namespace {

sdk::Status Check(const v1::Plan& plan, const v1::Intake& intake) {
  return StreetworkPlugin().Validate(sdk::Step::kPlan, plan, WithIntake(kPlanDate, intake));
}

TEST(StreetworkPlan, ValidPlanPassesWithoutWarnings) {
  const sdk::Status status = Check(ValidPlan(), ValidIntake());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(StreetworkPlan, ChecksEveryActionAndItsDeadline) {
  v1::Plan plan = ValidPlan();
  plan.mutable_actions(0)->set_deadline("2026-09-09");  // before the plan
  plan.mutable_actions(1)->set_deadline("2027-03-11");  // more than 6 months after it
  v1::Action* empty = plan.add_actions();
  empty->set_deadline("2026-02-30");
  EXPECT_EQ(Fields(Check(plan, ValidIntake())),
            (Paths{"actions[0].deadline", "actions[1].deadline", "actions[2].deadline",
                   "actions[2].description", "actions[2].need"}));
}

TEST(StreetworkPlan, AHighRiskPersonNeedsShelterOrMedicalAid) {
  v1::Plan plan;
  AddAction(plan, v1::NEED_ID_DOCUMENT, "2026-10-01");
  EXPECT_EQ(Fields(Check(plan, ValidIntake())), Paths{"actions"});

  v1::Intake low_risk = ValidIntake();
  low_risk.set_risk(v1::RISK_LOW);
  EXPECT_TRUE(Check(plan, low_risk).ok());
}

TEST(StreetworkPlan, NeedsAnAction) {
  EXPECT_EQ(Fields(Check(v1::Plan(), ValidIntake())), Paths{"actions"});
}

TEST(StreetworkPlan, WarnsWhatTheIntakeContradicts) {
  v1::Plan plan = ValidPlan();
  AddAction(plan, v1::NEED_NIGHT_SHELTER, "2026-09-15");
  v1::Intake intake = ValidIntake();
  intake.set_has_id_document(true);
  const sdk::Status status = Check(plan, intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(WarningCodes(status),
            (Paths{"ID_DOCUMENT_ALREADY_HELD", "NIGHT_SHELTER_NOT_ACCEPTED"}));
}

}  // namespace
}  // namespace assist::streetwork::testing
