#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidPlan;
using testing::ValidReview;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Review& review, const v1::Plan* plan) {
  sdk::CaseContext context = Context("2026-11-30");
  context.plan = plan;
  return HomelessnessPlugin().Validate(sdk::Step::kReview, review, context);
}

TEST(HomelessnessReview, ValidReviewPasses) {
  const v1::Plan plan = ValidPlan();
  const sdk::Status status = Check(ValidReview(), &plan);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(HomelessnessReview, ReportsEveryViolationAtOnce) {
  v1::Plan plan = ValidPlan();
  plan.mutable_stages()->DeleteSubrange(2, 2);  // basic needs and therapy only
  v1::Review review = ValidReview();
  review.clear_assessment();
  review.set_recommendation(v1::RECOMMENDATION_UNSPECIFIED);
  review.mutable_progress(0)->set_progress(v1::PROGRESS_UNSPECIFIED);
  v1::StageProgress* not_in_plan = review.add_progress();
  not_in_plan->set_stage(v1::STAGE_KIND_HOUSING);
  not_in_plan->set_progress(v1::PROGRESS_NOT_STARTED);
  v1::StageProgress* repeated = review.add_progress();
  repeated->set_stage(v1::STAGE_KIND_BASIC_NEEDS);
  repeated->set_progress(v1::PROGRESS_SETBACK);
  review.add_relapses(v1::RELAPSE_ADDICTION);
  review.add_relapses(v1::RELAPSE_ADDICTION);
  review.set_sleeping_place(static_cast<v1::SleepingPlace>(50));

  const sdk::Status status = Check(review, &plan);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"assessment", "progress[0].progress", "progress[2].stage", "progress[3].stage",
                   "recommendation", "relapses[1]", "sleeping_place"}));
}

TEST(HomelessnessReview, StagesAreNotCheckedAgainstAMissingPlan) {
  v1::Review review = ValidReview();
  review.mutable_progress(0)->set_stage(v1::STAGE_KIND_HOUSING);
  EXPECT_TRUE(Check(review, nullptr).ok());
}

TEST(HomelessnessReview, RelapsesAreRecorded) {
  const v1::Plan plan = ValidPlan();
  v1::Review review = ValidReview();
  review.add_relapses(v1::RELAPSE_ADDICTION);
  review.add_relapses(v1::RELAPSE_THERAPY_DROPPED);
  review.set_recommendation(v1::RECOMMENDATION_MODIFY_PLAN);
  const sdk::Status status = Check(review, &plan);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(HomelessnessReview, AReturnToTheStreetWarns) {
  const v1::Plan plan = ValidPlan();
  v1::Review review = ValidReview();
  review.add_relapses(v1::RELAPSE_SHELTER_PLACE_LOST);
  review.add_relapses(v1::RELAPSE_RETURNED_TO_STREET);
  review.set_sleeping_place(v1::SLEEPING_PLACE_STREET);
  const sdk::Status status = Check(review, &plan);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(WarningCodes(status), (Paths{"RETURNED_TO_STREET"}));
}

}  // namespace
}  // namespace assist::homelessness
