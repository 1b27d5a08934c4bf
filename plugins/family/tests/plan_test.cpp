#include <gtest/gtest.h>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::Fields;
using testing::kPlanDate;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Plan& plan, const v1::Intake* intake) {
  sdk::CaseContext context = Context(kPlanDate);
  context.intake = intake;
  return FamilyPlugin().Validate(sdk::Step::kPlan, plan, context);
}

v1::Intake IntakeWithChildInFosterCare() {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(2)->set_in_foster_care(true);
  return intake;
}

void AddFosterCareGoal(v1::Plan& plan) {
  v1::Goal* goal = plan.add_goals();
  goal->set_area(v1::GOAL_AREA_CHILD_IN_FOSTER_CARE);
  goal->set_description("Powrót Oli do domu");
  v1::Action* action = goal->add_actions();
  action->set_description("Regularne odwiedziny w rodzinie zastępczej");
  action->set_performer(v1::PERFORMER_FAMILY_MEMBER);
  action->set_performer_name("Anna Nowak");
  action->set_deadline("2027-01-31");
}

TEST(FamilyPlan, ValidPlanPassesWithoutWarnings) {
  const v1::Intake intake = ValidIntake();
  const sdk::Status status = Check(ValidPlan(), &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(FamilyPlan, ReportsEveryViolationAtOnce) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_goals(0)->mutable_actions(0)->set_deadline("2026-09-14");  // before the plan
  plan.mutable_goals(0)->mutable_actions(1)->set_performer(v1::PERFORMER_UNSPECIFIED);
  plan.mutable_goals(1)->mutable_actions(0)->set_performer_name("");
  plan.add_goals();  // goal 2: nothing filled in
  plan.set_agreed_with_family_on("");

  const sdk::Status status = Check(plan, &intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"agreed_with_family_on", "goals[0].actions[0].deadline",
                   "goals[0].actions[1].performer", "goals[1].actions[0].performer_name",
                   "goals[2].actions", "goals[2].area", "goals[2].description"}));
}

TEST(FamilyPlan, ActionFieldsAreChecked) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  v1::Action* action = plan.mutable_goals(1)->add_actions();
  action->set_performer(v1::PERFORMER_ASSISTANT);  // no name needed
  action->set_deadline("2026-13-01");
  EXPECT_EQ(Fields(Check(plan, &intake)),
            (Paths{"goals[1].actions[1].deadline", "goals[1].actions[1].description"}));
}

TEST(FamilyPlan, DeadlineOnThePlanDayIsAccepted) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_goals(0)->mutable_actions(0)->set_deadline(std::string(kPlanDate));
  EXPECT_TRUE(Check(plan, &intake).ok());
}

TEST(FamilyPlan, NeedsAGoal) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.clear_goals();
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"goals"}));
}

TEST(FamilyPlan, AgreementWithTheFamilyNotAfterThePlanDate) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.set_agreed_with_family_on("2026-09-16");
  plan.set_consulted_with_social_worker_on("2026-09-20");
  EXPECT_EQ(Fields(Check(plan, &intake)),
            (Paths{"agreed_with_family_on", "consulted_with_social_worker_on"}));
}

TEST(FamilyPlan, FosterCareGoalNeedsChildInFosterCareAndCoordinator) {
  const v1::Intake intake = ValidIntake();  // no child in foster care
  v1::Plan plan = ValidPlan();
  AddFosterCareGoal(plan);
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"foster_care_coordinator.name", "goals[2].area"}));
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"foster_care_coordinator.name", "goals[2].area"}));
}

TEST(FamilyPlan, FosterCareGoalWithChildInFosterCareAndCoordinatorPasses) {
  const v1::Intake intake = IntakeWithChildInFosterCare();
  v1::Plan plan = ValidPlan();
  AddFosterCareGoal(plan);
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"foster_care_coordinator.name"}));

  plan.mutable_foster_care_coordinator()->set_name("Maria Wiśniewska, PCPR");
  const sdk::Status status = Check(plan, &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(FamilyPlan, WarnsWhenChildInFosterCareHasNoGoal) {
  const v1::Intake intake = IntakeWithChildInFosterCare();
  const sdk::Status status = Check(ValidPlan(), &intake);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(WarningCodes(status), (Paths{"FOSTER_CARE_GOAL_MISSING"}));
}

TEST(FamilyPlan, WarnsWhenNotConsultedWithTheSocialWorker) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.clear_consulted_with_social_worker_on();
  const sdk::Status status = Check(plan, &intake);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"PLAN_NOT_CONSULTED"}));
  EXPECT_FALSE(status.warnings()[0].message_pl.empty());
}

}  // namespace
}  // namespace assist::family
