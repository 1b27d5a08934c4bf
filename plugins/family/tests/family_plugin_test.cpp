#include "family_plugin.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <memory>

#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::Fields;
using Paths = std::vector<std::string>;

TEST(FamilyPluginInfo, DescribesTheType) {
  const FamilyPlugin plugin;
  const sdk::PluginInfo& info = plugin.Info();
  EXPECT_EQ(info.id, "family");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.display_name_pl, "Asystent rodziny");
  EXPECT_EQ(info.display_name_en, "Family assistant");
  EXPECT_EQ(info.intake_type, "assist.family.v1.Intake");
  EXPECT_EQ(info.plan_type, "assist.family.v1.Plan");
  EXPECT_EQ(info.contact_type, "assist.family.v1.Contact");
  EXPECT_EQ(info.review_type, "assist.family.v1.Review");
  EXPECT_EQ(info.outcome_type, "assist.family.v1.Outcome");
  EXPECT_TRUE(info.settings_type.empty());
  EXPECT_EQ(info.review_cadence, "at least every 6 months from the start of work");
  // The host finds the declared types in the generated pool the plugin links.
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto* name : {&info.intake_type, &info.plan_type, &info.contact_type,
                           &info.review_type, &info.outcome_type}) {
    EXPECT_NE(pool->FindMessageTypeByName(*name), nullptr) << *name;
  }
}

TEST(FamilyPluginValidate, PayloadOfAnotherStepIsRejected) {
  const sdk::Status status =
      FamilyPlugin().Validate(sdk::Step::kIntake, testing::ValidPlan(), Context("2026-09-01"));
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  ASSERT_EQ(status.violations().size(), 1u);
  EXPECT_NE(status.violations()[0].description_en.find("assist.family.v1.Plan"), std::string::npos);
}

TEST(FamilyPluginValidate, NoSettingsStep) {
  const sdk::Status status =
      FamilyPlugin().Validate(sdk::Step::kSettings, testing::ValidPlan(), Context("2026-09-01"));
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
}

// A message of the right type that is not the plugin's generated class, as a host may build
// from the descriptor.
using sdk::testing::Dynamic;

TEST(FamilyPluginValidate, AcceptsDynamicMessagesOfItsTypes) {
  google::protobuf::DynamicMessageFactory factory;
  v1::Intake intake = testing::ValidIntake();
  intake.mutable_members(2)->set_in_foster_care(true);
  const auto dynamic_intake = Dynamic(intake, factory);
  ASSERT_EQ(google::protobuf::DynamicCastToGenerated<v1::Intake>(dynamic_intake.get()), nullptr);

  EXPECT_TRUE(FamilyPlugin()
                  .Validate(sdk::Step::kIntake, *dynamic_intake, Context(testing::kIntakeDate))
                  .ok());

  // The current intake in the context is read the same way.
  v1::Plan plan = testing::ValidPlan();
  v1::Goal* goal = plan.add_goals();
  goal->set_area(v1::GOAL_AREA_CHILD_IN_FOSTER_CARE);
  goal->set_description("Powrót Oli do domu");
  goal->add_actions()->set_description("Spotkania z koordynatorem");
  goal->mutable_actions(0)->set_performer(v1::PERFORMER_ASSISTANT);
  goal->mutable_actions(0)->set_deadline("2027-01-31");
  plan.mutable_foster_care_coordinator()->set_name("Maria Wiśniewska");
  sdk::CaseContext context = Context(testing::kPlanDate);
  context.intake = dynamic_intake.get();
  EXPECT_TRUE(FamilyPlugin().Validate(sdk::Step::kPlan, *Dynamic(plan, factory), context).ok());

  plan.mutable_goals(0)->mutable_actions(0)->set_deadline("2026-01-01");
  EXPECT_EQ(Fields(FamilyPlugin().Validate(sdk::Step::kPlan, *Dynamic(plan, factory), context)),
            (Paths{"goals[0].actions[0].deadline"}));
}

}  // namespace
}  // namespace assist::family
