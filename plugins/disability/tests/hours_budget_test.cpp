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

// The intake's certificate sets the tier; `multiple` is niepełnosprawność sprzężona.
v1::Intake IntakeOf(v1::CertificateLevel level, bool multiple) {
  v1::Intake intake = testing::ValidIntake();
  intake.mutable_certificate()->set_level(level);
  intake.mutable_certificate()->set_multiple_disability(multiple);
  if (level == v1::CERTIFICATE_LEVEL_CHILD) testing::SetAgeGroup(intake, v1::AGE_GROUP_CHILD);
  return intake;
}

sdk::Status CheckFor(const v1::Plan& plan, const v1::Intake& intake,
                     const google::protobuf::Message* settings = nullptr) {
  sdk::CaseContext context = Context(kPlanDate);
  context.intake = &intake;
  context.settings = settings;
  return DisabilityPlugin().Validate(sdk::Step::kPlan, plan, context);
}

TEST(DisabilityHoursBudget, TheProgrammesDefaultLimitPerTier) {
  const struct {
    v1::CertificateLevel level;
    bool multiple;
    int hours;
  } tiers[] = {{v1::CERTIFICATE_LEVEL_SIGNIFICANT, true, 840},
               {v1::CERTIFICATE_LEVEL_SIGNIFICANT, false, 720},
               {v1::CERTIFICATE_LEVEL_MODERATE, true, 480},
               {v1::CERTIFICATE_LEVEL_MODERATE, false, 360},
               {v1::CERTIFICATE_LEVEL_CHILD, false, 360},
               {v1::CERTIFICATE_LEVEL_MILD, false, 720}};
  for (const auto& tier : tiers) {
    const v1::Intake intake = IntakeOf(tier.level, tier.multiple);
    EXPECT_EQ(MaxHoursPerPerson(nullptr, 2026, TierOf(&intake)), tier.hours) << tier.level;
    EXPECT_TRUE(CheckFor(PlanOf(tier.hours), intake).ok()) << tier.level << " " << tier.multiple;
    const sdk::Status over = CheckFor(PlanOf(tier.hours + 1), intake);
    ASSERT_EQ(Fields(over), (Paths{"activities"})) << tier.level << " " << tier.multiple;
    EXPECT_NE(TextOf(over, "activities").find(std::to_string(tier.hours)), std::string::npos);
  }
}

TEST(DisabilityHoursBudget, ACentresTierLimitBeatsItsLimitForEveryTier) {
  v1::CentreSettings settings = Settings(2026, 500);  // every tier: 500
  settings.mutable_limits(0)->set_significant_multiple(900);
  const v1::Intake multiple = IntakeOf(v1::CERTIFICATE_LEVEL_SIGNIFICANT, true);
  const v1::Intake moderate = IntakeOf(v1::CERTIFICATE_LEVEL_MODERATE, false);
  EXPECT_TRUE(CheckFor(PlanOf(900), multiple, &settings).ok());
  EXPECT_EQ(Fields(CheckFor(PlanOf(901), multiple, &settings)), (Paths{"activities"}));
  EXPECT_TRUE(CheckFor(PlanOf(500), moderate, &settings).ok());
  EXPECT_EQ(Fields(CheckFor(PlanOf(501), moderate, &settings)), (Paths{"activities"}));
}

TEST(DisabilityHoursBudget, ATierTheCentreDidNotSetUsesTheProgrammesDefault) {
  v1::CentreSettings settings;
  v1::YearlyLimit* limit = settings.add_limits();
  limit->set_year(2026);
  limit->set_child(200);
  const v1::Intake child = IntakeOf(v1::CERTIFICATE_LEVEL_CHILD, false);
  const v1::Intake moderate_multiple = IntakeOf(v1::CERTIFICATE_LEVEL_MODERATE, true);
  EXPECT_EQ(MaxHoursPerPerson(&settings, 2026, TierOf(&child)), 200);
  EXPECT_EQ(MaxHoursPerPerson(&settings, 2026, TierOf(&moderate_multiple)), 480);
  EXPECT_EQ(MaxHoursPerPerson(&settings, 2027, TierOf(&child)), 360);
}

}  // namespace
}  // namespace assist::disability
