#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
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
  return HomelessnessPlugin().Validate(sdk::Step::kPlan, plan, context);
}

TEST(HomelessnessPlan, ValidPlanPassesWithoutWarnings) {
  const v1::Intake intake = ValidIntake();
  const sdk::Status status = Check(ValidPlan(), &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(HomelessnessPlan, ReportsEveryViolationAtOnce) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_stages(0)->mutable_actions(0)->set_deadline("2026-09-30");  // before the period
  plan.mutable_stages(0)->set_target_date("2029-01-01");                   // after the period
  plan.mutable_stages(1)->mutable_actions(0)->set_performer(v1::PERFORMER_UNSPECIFIED);
  plan.mutable_stages(1)->mutable_actions(1)->clear_description();
  plan.mutable_stages(2)->clear_goal();
  plan.mutable_stages(3)->mutable_actions(0)->set_deadline("2027-02-29");  // no such day
  plan.add_stages();  // stage 4: nothing filled in
  plan.clear_agreed_with_person_on();

  const sdk::Status status = Check(plan, &intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"agreed_with_person_on", "stages[0].actions[0].deadline",
                                   "stages[0].target_date", "stages[1].actions[0].performer",
                                   "stages[1].actions[1].description", "stages[2].goal",
                                   "stages[3].actions[0].deadline", "stages[4].actions",
                                   "stages[4].goal", "stages[4].kind"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
  EXPECT_TRUE(status.warnings().empty());  // no warnings on a rejected plan
}

TEST(HomelessnessPlan, DeadlinesOnThePeriodBoundsAreAccepted) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_stages(0)->mutable_actions(0)->set_deadline("2026-10-01");
  plan.mutable_stages(3)->set_target_date("2028-12-31");
  EXPECT_TRUE(Check(plan, &intake).ok());

  plan.mutable_stages(3)->set_target_date("2029-01-01");
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"stages[3].target_date"}));
}

TEST(HomelessnessPlan, PeriodMustBeAForwardSpanNotEndedBeforeThePlan) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.set_period_to("2026-10-01");  // equal to period_from
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"period_to"}));

  plan.set_period_from("2026-06-01");
  plan.set_period_to("2026-09-14");  // ended the day before the plan date
  for (int s = 0; s < plan.stages_size(); ++s) {
    for (auto& action : *plan.mutable_stages(s)->mutable_actions())
      action.set_deadline("2026-07-01");
    plan.mutable_stages(s)->clear_target_date();
  }
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"period_to"}));

  plan.clear_period_from();
  plan.set_period_to("2028-13-01");
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"period_from", "period_to"}));
}

TEST(HomelessnessPlan, NeedsAStage) {
  v1::Plan plan = ValidPlan();
  plan.clear_stages();
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"stages"}));
}

TEST(HomelessnessPlan, BasicNeedsStageMustExist) {
  v1::Plan plan = ValidPlan();
  plan.mutable_stages()->DeleteSubrange(0, 1);
  const sdk::Status status = Check(plan, nullptr);
  ASSERT_EQ(Fields(status), (Paths{"stages"}));
  EXPECT_NE(status.violations()[0].description_en.find("basic-needs"), std::string::npos);
}

TEST(HomelessnessPlan, BasicNeedsStageComesFirst) {
  v1::Plan plan = ValidPlan();
  plan.mutable_stages()->SwapElements(0, 2);  // work first, basic needs third
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"stages[2].kind"}));
}

TEST(HomelessnessPlan, EachStageKindOnce) {
  v1::Plan plan = ValidPlan();
  *plan.add_stages() = plan.stages(2);  // a second work stage
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"stages[4].kind"}));
}

TEST(HomelessnessPlan, ThePersonMustHaveAnAction) {
  v1::Plan plan = ValidPlan();
  for (int s = 0; s < plan.stages_size(); ++s) {
    for (auto& action : *plan.mutable_stages(s)->mutable_actions()) {
      action.set_performer(v1::PERFORMER_ASSISTANT);
    }
  }
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"stages"}));
}

TEST(HomelessnessPlan, AgreementAndApprovalDates) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.set_agreed_with_person_on("2026-09-16");  // after the plan date
  plan.set_approved_by_head_on("2026-09-13");    // before the agreement
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"agreed_with_person_on", "approved_by_head_on"}));

  plan.set_agreed_with_person_on("2026-09-14");
  plan.set_approved_by_head_on("2026-09-16");  // after the plan date
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"approved_by_head_on"}));
}

// Art. 49: the head of the centre approves the programme. That is the platform's step now
// (ApprovePlan), which the type requires; the date a worker typed in is only kept for old plans.
TEST(HomelessnessPlan, TheHeadApprovesThroughThePlatformNotATypedDate) {
  EXPECT_TRUE(HomelessnessPlugin().Info().plan_requires_approval);
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.clear_approved_by_head_on();
  const sdk::Status status = Check(plan, &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty()) << ::testing::PrintToString(WarningCodes(status));
}

TEST(HomelessnessPlan, AnInstitutionPerformsAnActionByName) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  v1::Action* action = plan.mutable_stages(2)->mutable_actions(0);
  action->set_performer(v1::PERFORMER_INSTITUTION);
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"stages[2].actions[0].institution"}));

  action->set_institution("Powiatowy Urząd Pracy w Sopocie");
  const sdk::Status named = Check(plan, &intake);
  EXPECT_TRUE(named.ok()) << named.message();

  // A name goes only with an institution: the person's or the assistant's action has none.
  action->set_performer(v1::PERFORMER_PERSON);
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"stages[2].actions[0].institution"}));
}

TEST(HomelessnessPlan, AnInstitutionsActionIsNotThePersons) {
  v1::Plan plan = ValidPlan();
  for (int s = 0; s < plan.stages_size(); ++s) {
    for (auto& action : *plan.mutable_stages(s)->mutable_actions()) {
      action.set_performer(v1::PERFORMER_INSTITUTION);
      action.set_institution("Schronisko dla bezdomnych mężczyzn");
    }
  }
  EXPECT_EQ(Fields(Check(plan, nullptr)), (Paths{"stages"}));
}

TEST(HomelessnessPlan, StagesForHealthDocumentsBenefitsFamilyAndDebts) {
  const v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  for (v1::StageKind kind :
       {v1::STAGE_KIND_HEALTH, v1::STAGE_KIND_DOCUMENTS, v1::STAGE_KIND_BENEFITS,
        v1::STAGE_KIND_FAMILY, v1::STAGE_KIND_DEBTS}) {
    v1::Stage* stage = plan.add_stages();
    stage->set_kind(kind);
    stage->set_goal("Cel etapu " + v1::StageKind_Name(kind));
    v1::Action* action = stage->add_actions();
    action->set_description("Wniosek");
    action->set_performer(v1::PERFORMER_PERSON);
    action->set_deadline("2027-06-30");
  }
  const sdk::Status status = Check(plan, &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());

  *plan.add_stages() = plan.stages(plan.stages_size() - 1);  // a second debts stage
  EXPECT_EQ(Fields(Check(plan, &intake)), (Paths{"stages[9].kind"}));
}

TEST(HomelessnessPlan, WarnsWhenTheIntakeShowsNoHealthInsuranceAtTheStart) {
  v1::Intake intake = ValidIntake();
  const v1::Plan plan = ValidPlan();  // from 2026-10-01
  intake.mutable_health()->clear_health_insurance_until();
  EXPECT_EQ(WarningCodes(Check(plan, &intake)), (Paths{"HEALTH_INSURANCE_MISSING"}));

  intake.mutable_health()->set_health_insurance_until("2026-09-30");  // ends the day before
  EXPECT_EQ(WarningCodes(Check(plan, &intake)), (Paths{"HEALTH_INSURANCE_MISSING"}));

  intake.mutable_health()->set_health_insurance_until("2026-10-01");
  EXPECT_TRUE(Check(plan, &intake).warnings().empty());
}

TEST(HomelessnessPlan, WarnsWhenAnAddictionHasNoTherapyStage) {
  v1::Intake intake = ValidIntake();
  v1::Plan plan = ValidPlan();
  plan.mutable_stages()->DeleteSubrange(1, 1);
  EXPECT_EQ(WarningCodes(Check(plan, &intake)), (Paths{"ADDICTION_STAGE_MISSING"}));

  intake.mutable_addiction()->clear_addictions();
  EXPECT_TRUE(Check(plan, &intake).warnings().empty());
}

}  // namespace
}  // namespace assist::homelessness
