#include "intercultural_plugin.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <memory>
#include <string>

#include "fixtures.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using Paths = std::vector<std::string>;

TEST(InterculturalPluginInfo, DescribesTheType) {
  const InterculturalPlugin plugin;
  const sdk::PluginInfo& info = plugin.Info();
  EXPECT_EQ(info.id, "intercultural");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.display_name_pl, "Asystent międzykulturowy");
  EXPECT_EQ(info.display_name_en, "Intercultural (integration) assistant");
  EXPECT_FALSE(info.description.empty());
  EXPECT_EQ(info.intake_type, "assist.intercultural.v1.Intake");
  EXPECT_EQ(info.plan_type, "assist.intercultural.v1.Plan");
  EXPECT_EQ(info.contact_type, "assist.intercultural.v1.Contact");
  EXPECT_EQ(info.review_type, "assist.intercultural.v1.Review");
  EXPECT_EQ(info.outcome_type, "assist.intercultural.v1.Outcome");
  EXPECT_TRUE(info.settings_type.empty());
  EXPECT_EQ(info.review_cadence, "every 3 months from the start of work");
  // The host finds the declared types in the generated pool the plugin links.
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto* name : {&info.intake_type, &info.plan_type, &info.contact_type,
                           &info.review_type, &info.outcome_type}) {
    EXPECT_NE(pool->FindMessageTypeByName(*name), nullptr) << *name;
  }
}

TEST(InterculturalPluginValidate, PayloadOfAnotherStepIsRejected) {
  const sdk::Status status = InterculturalPlugin().Validate(
      sdk::Step::kIntake, testing::ValidPlan(), Context(testing::kIntakeDate));
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  ASSERT_EQ(status.violations().size(), 1u);
  EXPECT_NE(status.violations()[0].description_en.find("assist.intercultural.v1.Plan"),
            std::string::npos);
  EXPECT_NE(status.violations()[0].description_pl.find("assist.intercultural.v1.Intake"),
            std::string::npos);
}

TEST(InterculturalPluginValidate, NoSettingsStep) {
  const sdk::Status status = InterculturalPlugin().Validate(
      sdk::Step::kSettings, testing::ValidPlan(), Context(testing::kIntakeDate));
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
}

// A message of the right type that is not the plugin's generated class, as a host may build
// from the descriptor.
using sdk::testing::Dynamic;

TEST(InterculturalPluginValidate, AcceptsDynamicMessagesOfItsTypes) {
  google::protobuf::DynamicMessageFactory factory;
  const auto intake = Dynamic(testing::ValidIntake(), factory);
  ASSERT_EQ(google::protobuf::DynamicCastToGenerated<v1::Intake>(intake.get()), nullptr);
  EXPECT_TRUE(InterculturalPlugin()
                  .Validate(sdk::Step::kIntake, *intake, Context(testing::kIntakeDate))
                  .ok());

  // The current intake in the context is read the same way: the plan's new area is compared
  // with the intake's support areas.
  v1::Plan plan = testing::ValidPlan();
  plan.mutable_areas(0)->set_area(v1::SUPPORT_AREA_HEALTH_CARE);
  sdk::CaseContext context = Context(testing::kPlanDate);
  context.intake = intake.get();
  const sdk::Status status =
      InterculturalPlugin().Validate(sdk::Step::kPlan, *Dynamic(plan, factory), context);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(testing::WarningCodes(status), (Paths{"PLAN_AREA_NOT_IN_INTAKE"}));

  plan.mutable_areas(0)->mutable_actions(0)->set_deadline("2026-01-01");
  EXPECT_EQ(
      Fields(InterculturalPlugin().Validate(sdk::Step::kPlan, *Dynamic(plan, factory), context)),
      (Paths{"areas[0].actions[0].deadline"}));
}

}  // namespace
}  // namespace assist::intercultural
