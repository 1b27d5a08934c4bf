#include "hours_budget.hpp"

#include <gtest/gtest.h>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::kPlanDate;
using testing::Settings;
using testing::TextOf;
using testing::ValidPlan;
using Paths = std::vector<std::string>;

// ValidPlan with its last activity changed so that the plan totals `total` hours.
v1::Plan PlanOf(int total) {
  v1::Plan plan = ValidPlan();  // 60 + 90 + 150
  plan.mutable_activities(2)->set_planned_hours(total - 150);
  return plan;
}

sdk::Status Check(const v1::Plan& plan, const google::protobuf::Message* settings) {
  sdk::CaseContext context = Context(kPlanDate);
  context.settings = settings;
  return DisabilityPlugin().Validate(sdk::Step::kPlan, plan, context);
}

TEST(DisabilityHoursBudget, DefaultLimitWithoutSettings) {
  EXPECT_EQ(kDefaultMaxHoursPerPerson, 720);
  EXPECT_TRUE(Check(PlanOf(720), nullptr).ok());

  const sdk::Status status = Check(PlanOf(721), nullptr);
  ASSERT_EQ(Fields(status), (Paths{"activities"}));
  const std::string text = TextOf(status, "activities");
  EXPECT_NE(text.find("721"), std::string::npos) << text;
  EXPECT_NE(text.find("720"), std::string::npos) << text;
  EXPECT_NE(text.find("2026"), std::string::npos) << text;
}

TEST(DisabilityHoursBudget, CentreLimitForThePlanYear) {
  const v1::CentreSettings settings = Settings(2026, 400);
  EXPECT_TRUE(Check(PlanOf(400), &settings).ok());

  const sdk::Status status = Check(PlanOf(401), &settings);
  ASSERT_EQ(Fields(status), (Paths{"activities"}));
  const std::string text = TextOf(status, "activities");
  EXPECT_NE(text.find("401"), std::string::npos) << text;
  EXPECT_NE(text.find("400"), std::string::npos) << text;
}

TEST(DisabilityHoursBudget, CentreLimitMayBeAboveTheDefault) {
  v1::CentreSettings settings = Settings(2025, 100);
  v1::YearlyLimit* limit = settings.add_limits();
  limit->set_year(2026);
  limit->set_max_hours_per_person(840);
  EXPECT_TRUE(Check(PlanOf(840), &settings).ok());
  EXPECT_EQ(Fields(Check(PlanOf(841), &settings)), (Paths{"activities"}));
}

TEST(DisabilityHoursBudget, AYearTheCentreDidNotSetUsesTheDefault) {
  const v1::CentreSettings settings = Settings(2027, 100);
  EXPECT_TRUE(Check(PlanOf(720), &settings).ok());
  EXPECT_EQ(Fields(Check(PlanOf(721), &settings)), (Paths{"activities"}));

  const v1::CentreSettings empty;
  EXPECT_TRUE(Check(PlanOf(720), &empty).ok());
}

TEST(DisabilityHoursBudget, LimitLookup) {
  v1::CentreSettings settings = Settings(2026, 500);
  settings.add_limits()->set_year(2027);
  settings.mutable_limits(1)->set_max_hours_per_person(600);
  EXPECT_EQ(MaxHoursPerPerson(&settings, 2026), 500);
  EXPECT_EQ(MaxHoursPerPerson(&settings, 2027), 600);
  EXPECT_EQ(MaxHoursPerPerson(&settings, 2028), 720);
  EXPECT_EQ(MaxHoursPerPerson(nullptr, 2026), 720);
  const v1::Plan not_settings;
  EXPECT_EQ(MaxHoursPerPerson(&not_settings, 2026), 720);
}

TEST(DisabilityHoursBudget, InvalidActivityHoursDoNotCountTowardsTheTotal) {
  v1::Plan plan = PlanOf(720);
  plan.mutable_activities(0)->set_planned_hours(9000);  // refused on its own
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"activities[0].planned_hours"}));
}

}  // namespace
}  // namespace assist::disability
