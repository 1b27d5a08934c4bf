#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::D;
using testing::OpenCase;

TEST(HomelessnessReviewSchedule, ThreeMonthsFromTheStartOfWork) {
  EXPECT_EQ(HomelessnessPlugin().NextReviewDue(OpenCase(D("2026-09-15"))), D("2026-12-15"));
  // 2026-11-31 does not exist: the last day of November.
  EXPECT_EQ(HomelessnessPlugin().NextReviewDue(OpenCase(D("2026-08-31"))), D("2026-11-30"));
}

TEST(HomelessnessReviewSchedule, ThreeMonthsFromTheLastReview) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2026-11-20");
  EXPECT_EQ(HomelessnessPlugin().NextReviewDue(context), D("2027-02-20"));
  context.last_review_on = D("2027-11-30");
  EXPECT_EQ(HomelessnessPlugin().NextReviewDue(context), D("2028-02-29"));
}

TEST(HomelessnessReviewSchedule, AReviewDatedBeforeTheStartDoesNotMoveTheDeadlineBack) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2026-08-01");
  EXPECT_EQ(HomelessnessPlugin().NextReviewDue(context), D("2026-11-30"));
}

TEST(HomelessnessReviewSchedule, NoneBeforeTheWorkStarts) {
  EXPECT_EQ(HomelessnessPlugin().NextReviewDue(OpenCase(std::nullopt)), std::nullopt);
}

TEST(HomelessnessReviewSchedule, NoneOnceTheCaseIsClosed) {
  for (sdk::CaseState state :
       {sdk::CaseState::kClosed, sdk::CaseState::kMonitoring, sdk::CaseState::kMonitoringEnded}) {
    sdk::CaseContext context = OpenCase(D("2026-08-31"));
    context.last_review_on = D("2026-11-20");
    context.closed_on = D("2027-03-01");
    context.state = state;
    EXPECT_EQ(HomelessnessPlugin().NextReviewDue(context), std::nullopt);
  }
}

}  // namespace
}  // namespace assist::homelessness
