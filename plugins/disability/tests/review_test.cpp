#include <gtest/gtest.h>

#include <limits>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidReview;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Review& review) {
  return DisabilityPlugin().Validate(sdk::Step::kReview, review, Context("2027-02-20"));
}

TEST(DisabilityReview, ValidReviewPasses) {
  const sdk::Status status = Check(ValidReview());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(DisabilityReview, HoursUsedAreOptional) {
  v1::Review review = ValidReview();
  review.clear_hours_used_so_far();
  EXPECT_TRUE(Check(review).ok());
  review.set_hours_used_so_far(0);
  EXPECT_TRUE(Check(review).ok());
}

TEST(DisabilityReview, ReportsEveryViolationAtOnce) {
  v1::Review review = ValidReview();
  review.clear_assessment();
  review.set_progress(v1::PROGRESS_UNSPECIFIED);
  review.set_hours_used_so_far(-1);
  review.set_recommendation(static_cast<v1::Recommendation>(8));
  const sdk::Status status = Check(review);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"assessment", "hours_used_so_far", "progress", "recommendation"}));
}

TEST(DisabilityReview, HoursUsedMustBeANumber) {
  v1::Review review = ValidReview();
  review.set_hours_used_so_far(std::numeric_limits<double>::quiet_NaN());
  EXPECT_EQ(Fields(Check(review)), (Paths{"hours_used_so_far"}));
}

TEST(DisabilityReview, AssessmentHasALimit) {
  v1::Review review = ValidReview();
  review.set_assessment(std::string(20001, 'x'));
  EXPECT_EQ(Fields(Check(review)), (Paths{"assessment"}));
}

}  // namespace
}  // namespace assist::disability
