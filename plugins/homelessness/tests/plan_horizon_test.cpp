#include "plan_horizon.hpp"

#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::D;
using testing::kProposedEnd;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

v1::Intake Since(const std::string& date) {
  v1::Intake intake;
  intake.set_crisis_since(date);
  return intake;
}

v1::Intake Months(int months) {
  v1::Intake intake;
  intake.set_crisis_months(months);
  return intake;
}

TEST(HomelessnessPlanHorizon, AsLongAfterThePlanStartAsTheCrisisLastedBeforeIt) {
  EXPECT_EQ(ProposedPlanEnd(Since("2024-10-01"), D("2026-10-01")), D(kProposedEnd));
  // Ten days of crisis, ten days of programme.
  EXPECT_EQ(ProposedPlanEnd(Since("2026-09-21"), D("2026-10-01")), D("2026-10-11"));
  // Ten years are ten calendar years, though the programme's span has one leap day more.
  EXPECT_EQ(ProposedPlanEnd(Since("2016-10-01"), D("2026-10-01")), D("2036-10-01"));
  // One year, three months and five days.
  EXPECT_EQ(ProposedPlanEnd(Since("2025-06-26"), D("2026-10-01")), D("2028-01-06"));
}

TEST(HomelessnessPlanHorizon, MonthEndsAreClampedNotSkipped) {
  // 2026-01-31 + 1 month is 2026-02-28; one more day reaches the plan start.
  EXPECT_EQ(ProposedPlanEnd(Since("2026-01-31"), D("2026-03-01")), D("2026-04-02"));
  // From 31 March to 30 April, April's last day, is one month.
  EXPECT_EQ(ProposedPlanEnd(Since("2026-03-31"), D("2026-04-30")), D("2026-05-30"));
  EXPECT_EQ(ProposedPlanEnd(Since("2024-02-29"), D("2026-02-28")), D("2028-02-28"));
}

TEST(HomelessnessPlanHorizon, FromAnEstimateInCalendarMonths) {
  EXPECT_EQ(ProposedPlanEnd(Months(24), D("2026-10-01")), D("2028-10-01"));
  // 2028-02-31 does not exist: the last day of February (a leap year).
  EXPECT_EQ(ProposedPlanEnd(Months(18), D("2026-08-31")), D("2028-02-29"));
  EXPECT_EQ(ProposedPlanEnd(Months(0), D("2026-08-31")), D("2026-08-31"));
}

TEST(HomelessnessPlanHorizon, ACrisisStartingAfterThePlanStartAddsNothing) {
  EXPECT_EQ(ProposedPlanEnd(Since("2026-10-01"), D("2026-10-01")), D("2026-10-01"));
  EXPECT_EQ(ProposedPlanEnd(Since("2026-11-01"), D("2026-10-01")), D("2026-10-01"));
}

TEST(HomelessnessPlanHorizon, NoneWithoutAUsableDuration) {
  EXPECT_EQ(ProposedPlanEnd(v1::Intake(), D("2026-10-01")), std::nullopt);
  EXPECT_EQ(ProposedPlanEnd(Since("2024-02-30"), D("2026-10-01")), std::nullopt);
  EXPECT_EQ(ProposedPlanEnd(Since(""), D("2026-10-01")), std::nullopt);
}

sdk::Status CheckPlan(const v1::Plan& plan, const v1::Intake* intake) {
  sdk::CaseContext context = testing::Context(testing::kPlanDate);
  context.intake = intake;
  return HomelessnessPlugin().Validate(sdk::Step::kPlan, plan, context);
}

TEST(HomelessnessPlanHorizon, AShorterPlanIsAcceptedWithAWarningNamingTheProposedEnd) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.set_period_to("2028-09-30");  // one day short
  plan.mutable_stages(3)->mutable_actions(1)->set_deadline("2028-09-30");
  const sdk::Status status = CheckPlan(plan, &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(WarningCodes(status), (Paths{"PLAN_SHORTER_THAN_CRISIS"}));
  EXPECT_NE(status.warnings()[0].message_en.find(std::string(kProposedEnd)), std::string::npos)
      << status.warnings()[0].message_en;
  EXPECT_NE(status.warnings()[0].message_pl.find(std::string(kProposedEnd)), std::string::npos)
      << status.warnings()[0].message_pl;
}

TEST(HomelessnessPlanHorizon, APlanEndingOnTheProposedEndIsLongEnough) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.set_period_to(std::string(kProposedEnd));
  plan.mutable_stages(3)->mutable_actions(1)->set_deadline(std::string(kProposedEnd));
  EXPECT_TRUE(CheckPlan(plan, &intake).warnings().empty());
}

TEST(HomelessnessPlanHorizon, TheHorizonCountsFromThePeriodStart) {
  v1::Intake intake = ValidIntake();
  intake.set_crisis_months(12);
  v1::Plan plan = ValidPlan();
  plan.set_period_from("2027-01-01");  // a programme starting later than it was agreed
  plan.set_period_to("2027-12-31");
  plan.mutable_stages(0)->mutable_actions(0)->set_deadline("2027-01-15");
  plan.mutable_stages(0)->mutable_actions(1)->set_deadline("2027-01-05");
  plan.mutable_stages(0)->set_target_date("2027-03-31");
  plan.mutable_stages(1)->mutable_actions(0)->set_deadline("2027-02-28");
  plan.mutable_stages(3)->mutable_actions(0)->set_deadline("2027-09-30");
  plan.mutable_stages(3)->mutable_actions(1)->set_deadline("2027-12-31");
  const sdk::Status status = CheckPlan(plan, &intake);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(WarningCodes(status), (Paths{"PLAN_SHORTER_THAN_CRISIS"}));  // needs 2028-01-01
  EXPECT_NE(status.warnings()[0].message_en.find("2028-01-01"), std::string::npos);

  plan.set_period_to("2028-01-01");
  EXPECT_TRUE(CheckPlan(plan, &intake).warnings().empty());
}

TEST(HomelessnessPlanHorizon, NoWarningWithoutAnIntake) {
  v1::Plan plan = ValidPlan();
  plan.set_period_to("2026-12-31");
  for (int s = 0; s < plan.stages_size(); ++s) {
    plan.mutable_stages(s)->clear_target_date();
    for (auto& action : *plan.mutable_stages(s)->mutable_actions())
      action.set_deadline("2026-12-31");
  }
  const sdk::Status status = CheckPlan(plan, nullptr);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());

  const v1::Intake intake = ValidIntake();
  EXPECT_EQ(WarningCodes(CheckPlan(plan, &intake)), (Paths{"PLAN_SHORTER_THAN_CRISIS"}));
}

}  // namespace
}  // namespace assist::homelessness
