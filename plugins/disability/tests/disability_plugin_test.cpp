#include "disability_plugin.hpp"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <memory>

#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

TEST(DisabilityPluginInfo, DescribesTheType) {
  const DisabilityPlugin plugin;
  const sdk::PluginInfo& info = plugin.Info();
  EXPECT_EQ(info.id, "disability");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.display_name_pl, "Asystent osoby z niepełnosprawnością");
  EXPECT_EQ(info.display_name_en, "Assistant of a person with a disability");
  EXPECT_EQ(info.intake_type, "assist.disability.v1.Intake");
  EXPECT_EQ(info.plan_type, "assist.disability.v1.Plan");
  EXPECT_EQ(info.contact_type, "assist.disability.v1.Contact");
  EXPECT_EQ(info.review_type, "assist.disability.v1.Review");
  EXPECT_EQ(info.outcome_type, "assist.disability.v1.Outcome");
  EXPECT_EQ(info.settings_type, "assist.disability.v1.CentreSettings");
  EXPECT_NE(info.review_cadence.find("6 months"), std::string::npos);
  EXPECT_NE(info.review_cadence.find("certificate"), std::string::npos);
  // The host finds the declared types in the generated pool the plugin links.
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  for (const auto* name : {&info.intake_type, &info.plan_type, &info.contact_type,
                           &info.review_type, &info.outcome_type, &info.settings_type}) {
    EXPECT_NE(pool->FindMessageTypeByName(*name), nullptr) << *name;
  }
}

TEST(DisabilityPluginValidate, PayloadOfAnotherStepIsRejected) {
  const sdk::Status status = DisabilityPlugin().Validate(sdk::Step::kIntake, testing::ValidPlan(),
                                                         Context(testing::kIntakeDate));
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  ASSERT_EQ(status.violations().size(), 1u);
  EXPECT_NE(status.violations()[0].description_en.find("assist.disability.v1.Plan"),
            std::string::npos);

  EXPECT_EQ(DisabilityPlugin()
                .Validate(sdk::Step::kSettings, testing::ValidPlan(), Context("2026-09-01"))
                .code(),
            sdk::Code::kInvalidArgument);
}

// A message of the right type that is not the plugin's generated class, as a host may build
// from the descriptor.
using sdk::testing::Dynamic;

TEST(DisabilityPluginValidate, AcceptsDynamicMessagesOfItsTypes) {
  google::protobuf::DynamicMessageFactory factory;
  v1::Intake intake = testing::ValidIntake();
  intake.mutable_certificate()->set_valid_until("2026-11-30");
  const auto dynamic_intake = Dynamic(intake, factory);
  ASSERT_EQ(google::protobuf::DynamicCastToGenerated<v1::Intake>(dynamic_intake.get()), nullptr);
  EXPECT_TRUE(DisabilityPlugin()
                  .Validate(sdk::Step::kIntake, *dynamic_intake, Context(testing::kIntakeDate))
                  .ok());

  // The intake and the settings in the context are read the same way.
  const auto settings = Dynamic(testing::Settings(2026, 299), factory);
  sdk::CaseContext context = Context(testing::kPlanDate);
  context.intake = dynamic_intake.get();
  context.settings = settings.get();
  const auto plan = Dynamic(testing::ValidPlan(), factory);  // 300 hours
  EXPECT_EQ(Fields(DisabilityPlugin().Validate(sdk::Step::kPlan, *plan, context)),
            (Paths{"activities"}));

  const auto roomy = Dynamic(testing::Settings(2026, 300), factory);
  context.settings = roomy.get();
  const sdk::Status status = DisabilityPlugin().Validate(sdk::Step::kPlan, *plan, context);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(WarningCodes(status), (Paths{"CERTIFICATE_EXPIRES_DURING_PLAN"}));
}

}  // namespace
}  // namespace assist::disability
