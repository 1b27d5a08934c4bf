#include "homelessness_plugin.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <memory>

#include "fixtures.hpp"

namespace assist::homelessness {
namespace {

using testing::Context;
using testing::Fields;
using Paths = std::vector<std::string>;

TEST(HomelessnessPluginInfo, DescribesTheType) {
  const HomelessnessPlugin plugin;
  const sdk::PluginInfo& info = plugin.Info();
  EXPECT_EQ(info.id, "homelessness");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.display_name_pl, "Asystent osoby w kryzysie bezdomności");
  EXPECT_EQ(info.display_name_en, "Assistant of a person in a homelessness crisis");
  EXPECT_EQ(info.intake_type, "assist.homelessness.v1.Intake");
  EXPECT_EQ(info.plan_type, "assist.homelessness.v1.Plan");
  EXPECT_EQ(info.contact_type, "assist.homelessness.v1.Contact");
  EXPECT_EQ(info.review_type, "assist.homelessness.v1.Review");
  EXPECT_EQ(info.outcome_type, "assist.homelessness.v1.Outcome");
  EXPECT_TRUE(info.settings_type.empty());
  EXPECT_EQ(info.review_cadence, "at least every 3 months from the start of work");
  EXPECT_FALSE(info.description.empty());
  // The host finds the declared types in the generated pool the plugin links.
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto* name : {&info.intake_type, &info.plan_type, &info.contact_type,
                           &info.review_type, &info.outcome_type}) {
    EXPECT_NE(pool->FindMessageTypeByName(*name), nullptr) << *name;
  }
}

TEST(HomelessnessPluginValidate, PayloadOfAnotherStepIsRejected) {
  const sdk::Status status = HomelessnessPlugin().Validate(sdk::Step::kIntake, testing::ValidPlan(),
                                                           Context("2026-09-01"));
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  ASSERT_EQ(status.violations().size(), 1u);
  EXPECT_NE(status.violations()[0].description_en.find("assist.homelessness.v1.Plan"),
            std::string::npos);
  EXPECT_NE(status.violations()[0].description_pl.find("assist.homelessness.v1.Intake"),
            std::string::npos);
}

TEST(HomelessnessPluginValidate, NoSettingsStep) {
  const sdk::Status status = HomelessnessPlugin().Validate(
      sdk::Step::kSettings, testing::ValidPlan(), Context("2026-09-01"));
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
}

// A message of the right type that is not the plugin's generated class, as a host may build
// from the descriptor.
using sdk::testing::Dynamic;

TEST(HomelessnessPluginValidate, AcceptsDynamicMessagesOfItsTypes) {
  google::protobuf::DynamicMessageFactory factory;
  const auto intake = Dynamic(testing::ValidIntake(), factory);
  ASSERT_EQ(google::protobuf::DynamicCastToGenerated<v1::Intake>(intake.get()), nullptr);
  EXPECT_TRUE(HomelessnessPlugin()
                  .Validate(sdk::Step::kIntake, *intake, Context(testing::kIntakeDate))
                  .ok());

  // The current intake in the context is read the same way: the crisis sets the horizon.
  v1::Plan plan = testing::ValidPlan();
  plan.set_period_to("2027-12-31");
  plan.mutable_stages(3)->mutable_actions(1)->set_deadline("2027-12-31");
  sdk::CaseContext context = Context(testing::kPlanDate);
  context.intake = intake.get();
  const sdk::Status status =
      HomelessnessPlugin().Validate(sdk::Step::kPlan, *Dynamic(plan, factory), context);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(testing::WarningCodes(status), (Paths{"PLAN_SHORTER_THAN_CRISIS"}));

  plan.mutable_stages(0)->mutable_actions(0)->set_deadline("2026-09-01");
  EXPECT_EQ(
      Fields(HomelessnessPlugin().Validate(sdk::Step::kPlan, *Dynamic(plan, factory), context)),
      (Paths{"stages[0].actions[0].deadline"}));
}

}  // namespace
}  // namespace assist::homelessness
