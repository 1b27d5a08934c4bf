#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::kReviewDate;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::ValidReview;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Review& review, const v1::Plan* plan) {
  sdk::CaseContext context = Context(kReviewDate);
  context.plan = plan;
  return InterculturalPlugin().Validate(sdk::Step::kReview, review, context);
}

TEST(InterculturalReview, ValidReviewPasses) {
  const v1::Plan plan = ValidPlan();
  const v1::Intake intake = ValidIntake();
  sdk::CaseContext context = Context(kReviewDate);
  context.plan = &plan;
  context.intake = &intake;
  const sdk::Status status =
      InterculturalPlugin().Validate(sdk::Step::kReview, ValidReview(), context);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(InterculturalReview, ReportsEveryViolationAtOnce) {
  const v1::Plan plan = ValidPlan();  // areas: school, Polish language, work
  v1::Review review = ValidReview();
  review.clear_assessment();
  review.set_recommendation(v1::RECOMMENDATION_UNSPECIFIED);
  review.mutable_progress(0)->set_progress(v1::PROGRESS_UNSPECIFIED);
  v1::AreaProgress* not_in_plan = review.add_progress();
  not_in_plan->set_area(v1::SUPPORT_AREA_HEALTH_CARE);
  not_in_plan->set_progress(v1::PROGRESS_NONE);
  v1::AreaProgress* repeated = review.add_progress();
  repeated->set_area(v1::SUPPORT_AREA_SCHOOL);
  repeated->set_progress(v1::PROGRESS_ACHIEVED);
  v1::AreaProgress* unknown = review.add_progress();
  unknown->set_area(static_cast<v1::SupportArea>(50));
  unknown->set_progress(static_cast<v1::Progress>(9));
  unknown->set_note(std::string(2001, 'x'));

  const sdk::Status status = Check(review, &plan);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"assessment", "progress[0].progress", "progress[1].area",
                                   "progress[2].area", "progress[3].area", "progress[3].note",
                                   "progress[3].progress", "recommendation"}));
}

TEST(InterculturalReview, ProgressInEveryPlanArea) {
  const v1::Plan plan = ValidPlan();
  v1::Review review = ValidReview();
  review.set_recommendation(v1::RECOMMENDATION_MODIFY_PLAN);
  for (auto area : {v1::SUPPORT_AREA_POLISH_LANGUAGE, v1::SUPPORT_AREA_WORK}) {
    v1::AreaProgress* item = review.add_progress();
    item->set_area(area);
    item->set_progress(v1::PROGRESS_DETERIORATED);
    item->set_note("Brak miejsc na kursie");
  }
  EXPECT_TRUE(Check(review, &plan).ok());
}

TEST(InterculturalReview, AreasAreNotCheckedAgainstAMissingPlan) {
  v1::Review review = ValidReview();
  review.mutable_progress(0)->set_area(v1::SUPPORT_AREA_HEALTH_CARE);
  EXPECT_TRUE(Check(review, nullptr).ok());
}

}  // namespace
}  // namespace assist::intercultural
