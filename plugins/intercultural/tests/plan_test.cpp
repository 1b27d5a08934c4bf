#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"
#include "plan_period.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::D;
using testing::Fields;
using testing::kPlanDate;
using testing::TextOf;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Plan& plan, const v1::Intake* intake) {
  sdk::CaseContext context = Context(kPlanDate);
  context.intake = intake;
  return InterculturalPlugin().Validate(sdk::Step::kPlan, plan, context);
}

TEST(InterculturalPlan, ValidPlanPassesWithoutWarnings) {
  const v1::Intake intake = ValidIntake();
  const sdk::Status status = Check(ValidPlan(), &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(InterculturalPlan, ReportsEveryViolationAtOnce) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_areas(0)->mutable_actions(0)->set_deadline("2026-09-14");  // before the period
  plan.mutable_areas(0)->mutable_actions(1)->set_performer(v1::PERFORMER_UNSPECIFIED);
  plan.mutable_areas(1)->mutable_actions(0)->set_performer_name("");
  plan.mutable_areas(2)->set_area(v1::SUPPORT_AREA_SCHOOL);  // already at [0]
  plan.add_areas();                                          // [3]: nothing filled in
  plan.set_agreed_with_family_on("");

  const sdk::Status status = Check(plan, &intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"agreed_with_family_on", "areas[0].actions[0].deadline",
                   "areas[0].actions[1].performer", "areas[1].actions[0].performer_name",
                   "areas[2].area", "areas[3].actions", "areas[3].area", "areas[3].goal"}));
  EXPECT_TRUE(status.warnings().empty());
}

TEST(InterculturalPlan, EmptyPlanNamesEveryRequiredField) {
  EXPECT_EQ(Fields(Check(v1::Plan(), nullptr)),
            (Paths{"agreed_with_family_on", "areas", "period_from", "period_to"}));
}

TEST(InterculturalPlan, ActionFieldsAreChecked) {
  v1::Plan plan = ValidPlan();
  v1::Action* action = plan.mutable_areas(2)->add_actions();
  action->set_performer(v1::PERFORMER_ASSISTANT);  // no name needed
  action->set_deadline("2027-02-29");
  EXPECT_EQ(Fields(Check(plan, nullptr)),
            (Paths{"areas[2].actions[1].deadline", "areas[2].actions[1].description"}));
}

TEST(InterculturalPlan, DeadlinesWithinThePeriodInclusive) {
  v1::Plan plan = ValidPlan();
  plan.mutable_areas(0)->mutable_actions(0)->set_deadline("2026-09-15");
  plan.mutable_areas(0)->mutable_actions(1)->set_deadline("2027-08-31");
  EXPECT_TRUE(Check(plan, nullptr).ok());

  plan.mutable_areas(0)->mutable_actions(1)->set_deadline("2027-09-01");
  const sdk::Status status = Check(plan, nullptr);
  EXPECT_EQ(Fields(status), (Paths{"areas[0].actions[1].deadline"}));
  EXPECT_NE(TextOf(status, "areas[0].actions[1].deadline").find("2026-09-15 – 2027-08-31"),
            std::string::npos);
}

TEST(InterculturalPlanHorizon, AtMostTwelveMonths) {
  v1::Plan plan = ValidPlan();  // from 2026-09-15
  plan.set_period_to("2027-09-14");
  EXPECT_TRUE(Check(plan, nullptr).ok());

  plan.set_period_to("2027-09-15");
  const sdk::Status status = Check(plan, nullptr);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"period_to"}));
  const std::string message = TextOf(status, "period_to");
  EXPECT_NE(message.find("longer than 12 months"), std::string::npos) << message;
  EXPECT_NE(message.find("2027-09-14"), std::string::npos) << message;
  EXPECT_NE(message.find("12 miesięcy"), std::string::npos) << message;
}

TEST(InterculturalPlanHorizon, LastAllowedDay) {
  EXPECT_EQ(LastAllowedDay(D("2026-10-01")), D("2027-09-30"));
  EXPECT_EQ(LastAllowedDay(D("2026-01-01")), D("2026-12-31"));
  EXPECT_EQ(LastAllowedDay(D("2027-03-01")), D("2028-02-29"));  // leap year
  EXPECT_EQ(LastAllowedDay(D("2028-02-29")), D("2029-02-28"));  // no 29 February in 2029
  EXPECT_EQ(LastAllowedDay(D("2026-08-31")), D("2027-08-30"));
}

TEST(InterculturalPlanHorizon, PeriodInOrder) {
  v1::Plan plan = ValidPlan();
  plan.set_period_from("2026-09-20");
  plan.set_period_to("2026-09-19");
  // Deadlines cannot be placed in a period that does not exist: only the period is reported.
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"period_to"}));

  plan.set_period_from("2026-09-15");
  plan.set_period_to("2026-09-15");
  plan.clear_areas();
  v1::PlanArea* area = plan.add_areas();
  area->set_area(v1::SUPPORT_AREA_OFFICIAL_MATTERS);
  area->set_goal("Złożenie wniosku o PESEL");
  area->add_actions()->set_description("Wizyta w urzędzie");
  area->mutable_actions(0)->set_performer(v1::PERFORMER_ASSISTANT);
  area->mutable_actions(0)->set_deadline("2026-09-15");
  EXPECT_TRUE(Check(plan, nullptr).ok());  // a one-day plan
}

TEST(InterculturalPlanHorizon, PeriodAroundThePlanAndReferralDates) {
  v1::Plan plan = ValidPlan();
  plan.set_period_from("2026-08-19");  // the case was referred on 2026-08-20
  plan.set_period_to("2027-08-18");
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"period_from"}));

  plan.set_period_from("2026-08-20");
  plan.set_period_to("2026-09-14");  // ended before the plan date
  plan.clear_areas();
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"areas", "period_to"}));

  plan = ValidPlan();
  plan.set_period_from("15.09.2026");
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"period_from"}));
}

TEST(InterculturalPlan, AgreedWithTheFamilyNotAfterThePlanDate) {
  v1::Plan plan = ValidPlan();
  plan.set_agreed_with_family_on("2026-09-16");
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"agreed_with_family_on"}));
  plan.set_agreed_with_family_on("2026-09-10");
  EXPECT_TRUE(Check(plan, nullptr).ok());
}

TEST(InterculturalPlan, AreasNotInTheIntakeAreAcceptedWithAWarning) {
  v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_areas(1)->set_area(v1::SUPPORT_AREA_HEALTH_CARE);
  v1::PlanArea* extra = plan.add_areas();
  extra->set_area(v1::SUPPORT_AREA_PARENTING_PROBLEMS);
  extra->set_goal("Konsultacje z psychologiem dziecięcym");
  v1::Action* action = extra->add_actions();
  action->set_description("Zapis do poradni");
  action->set_performer(v1::PERFORMER_ASSISTANT);
  action->set_deadline("2026-10-31");

  const sdk::Status status = Check(plan, &intake);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"PLAN_AREA_NOT_IN_INTAKE"}));
  const sdk::Warning& warning = status.warnings()[0];
  EXPECT_NE(warning.message_en.find("areas[1] (health care), areas[3] (parenting problems)"),
            std::string::npos)
      << warning.message_en;
  EXPECT_NE(warning.message_pl.find("areas[1] (opieka zdrowotna), areas[3] (problemy wychowawcze)"),
            std::string::npos)
      << warning.message_pl;

  EXPECT_TRUE(Check(plan, nullptr).warnings().empty());  // nothing to compare with
  intake.add_support_areas(v1::SUPPORT_AREA_HEALTH_CARE);
  intake.add_support_areas(v1::SUPPORT_AREA_PARENTING_PROBLEMS);
  EXPECT_TRUE(Check(plan, &intake).warnings().empty());
}

}  // namespace
}  // namespace assist::intercultural
