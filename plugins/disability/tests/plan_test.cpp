#include <gtest/gtest.h>

#include <algorithm>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
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
  return DisabilityPlugin().Validate(sdk::Step::kPlan, plan, context);
}

v1::Intake CertificateUntil(std::string_view date) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_valid_until(std::string(date));
  return intake;
}

TEST(DisabilityPlan, ValidPlanPassesWithoutWarnings) {
  const v1::Intake intake = ValidIntake();
  const sdk::Status status = Check(ValidPlan(), &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(DisabilityPlan, ReportsEveryViolationAtOnce) {
  v1::Plan plan = ValidPlan();
  plan.set_period_from("2026-11-31");
  plan.set_period_to("");
  plan.mutable_activities(0)->set_category(v1::CATEGORY_UNSPECIFIED);
  plan.mutable_activities(1)->set_description("");
  plan.mutable_activities(2)->set_planned_hours(0);
  plan.add_activities();  // [3]: nothing filled in

  const sdk::Status status = Check(plan, nullptr);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"activities[0].category", "activities[1].description",
                                   "activities[2].planned_hours", "activities[3].category",
                                   "activities[3].description", "activities[3].planned_hours",
                                   "period_from", "period_to"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
}

TEST(DisabilityPlan, NeedsAnActivity) {
  v1::Plan plan = ValidPlan();
  plan.clear_activities();
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"activities"}));
}

TEST(DisabilityPlan, PlannedHoursOfAnActivityAreBounded) {
  v1::Plan plan = ValidPlan();
  plan.mutable_activities(0)->set_planned_hours(-5);
  plan.mutable_activities(1)->set_planned_hours(8761);
  plan.mutable_activities(2)->set_planned_hours(1);
  EXPECT_EQ(Fields(Check(plan, nullptr)),
            (Paths{"activities[0].planned_hours", "activities[1].planned_hours"}));
}

TEST(DisabilityPlan, PeriodLiesWithinThePlanYear) {
  v1::Plan plan = ValidPlan();
  plan.set_period_to("2027-01-31");
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"period_to"}));

  plan.set_year(2027);
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"period_from"}));

  plan.set_period_from("2027-01-01");
  EXPECT_TRUE(Check(plan, nullptr).ok());
}

TEST(DisabilityPlan, PeriodEndsOnOrAfterItsStart) {
  v1::Plan plan = ValidPlan();
  plan.set_period_to("2026-09-14");
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"period_to"}));
  plan.set_period_to(std::string(kPlanDate));  // a one-day plan
  EXPECT_TRUE(Check(plan, nullptr).ok());
}

TEST(DisabilityPlan, ImplausibleYearIsRefusedAndNotComparedWithThePeriod) {
  v1::Plan plan = ValidPlan();
  plan.set_year(1999);
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"year"}));
  plan.set_year(2101);
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"year"}));
}

TEST(DisabilityPlan, WarnsWhenTheCertificateExpiresDuringThePlan) {
  const v1::Intake intake = CertificateUntil("2026-11-30");  // the plan ends 2026-12-31
  const sdk::Status status = Check(ValidPlan(), &intake);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"CERTIFICATE_EXPIRES_DURING_PLAN"}));
  const sdk::Warning& warning = status.warnings()[0];
  EXPECT_NE(warning.message_en.find("2026-11-30"), std::string::npos) << warning.message_en;
  EXPECT_NE(warning.message_en.find("2026-12-31"), std::string::npos) << warning.message_en;
  EXPECT_NE(warning.message_pl.find("2026-11-30"), std::string::npos) << warning.message_pl;
}

TEST(DisabilityPlan, NoWarningWhenTheCertificateCoversThePlan) {
  const v1::Intake last_day = CertificateUntil("2026-12-31");
  EXPECT_TRUE(Check(ValidPlan(), &last_day).warnings().empty());

  v1::Intake indefinite = ValidIntake();
  indefinite.mutable_certificate()->clear_valid_until();
  indefinite.mutable_certificate()->set_indefinite(true);
  EXPECT_TRUE(Check(ValidPlan(), &indefinite).warnings().empty());

  EXPECT_TRUE(Check(ValidPlan(), nullptr).warnings().empty());  // no intake to read
}

TEST(DisabilityPlan, AnInvalidPlanCarriesNoWarning) {
  const v1::Intake intake = CertificateUntil("2026-11-30");
  v1::Plan plan = ValidPlan();
  plan.clear_activities();
  const sdk::Status status = Check(plan, &intake);
  EXPECT_FALSE(status.ok());
  EXPECT_TRUE(status.warnings().empty());
}

TEST(DisabilityPlan, NeedsTheAssistantsStatement) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.clear_assistant_statement();
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"assistant_statement"}));
}

TEST(DisabilityPlan, StatementIsNamedDatedAndConfirmed) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  v1::AssistantStatement* statement = plan.mutable_assistant_statement();
  statement->clear_assistant_name();
  statement->set_signed_on("2026-09-16");  // the plan is of 2026-09-15
  statement->set_not_family_member(false);
  const sdk::Status status = Check(plan, &intake);
  EXPECT_EQ(Fields(status),
            (Paths{"assistant_statement.assistant_name", "assistant_statement.not_family_member",
                   "assistant_statement.signed_on"}));
  EXPECT_NE(testing::TextOf(status, "assistant_statement.not_family_member").find("family member"),
            std::string::npos);
  statement->set_signed_on("");
  const Paths fields = Fields(Check(plan, &intake));
  EXPECT_NE(std::find(fields.begin(), fields.end(), "assistant_statement.signed_on"), fields.end());
}

}  // namespace
}  // namespace assist::disability
