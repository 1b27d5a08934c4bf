#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::D;
using testing::OpenCase;

TEST(InterculturalReviewSchedule, ThreeMonthsFromTheStartOfWork) {
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(OpenCase(D("2026-09-15"))), D("2026-12-15"));
  // 2026-11-31 does not exist: the last day of November.
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(OpenCase(D("2026-08-31"))), D("2026-11-30"));
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(OpenCase(D("2026-11-30"))), D("2027-02-28"));
}

TEST(InterculturalReviewSchedule, ThreeMonthsFromTheLastReview) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2026-11-20");
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(context), D("2027-02-20"));
}

TEST(InterculturalReviewSchedule, AReviewDatedBeforeTheStartDoesNotMoveTheDeadlineBack) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2026-08-25");
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(context), D("2026-11-30"));
}

TEST(InterculturalReviewSchedule, NoneBeforeTheWorkStarts) {
  sdk::CaseContext context = OpenCase(std::nullopt);
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(context), std::nullopt);
  context.last_review_on = D("2026-09-10");  // a review alone does not start the work
  EXPECT_EQ(InterculturalPlugin().NextReviewDue(context), std::nullopt);
}

TEST(InterculturalReviewSchedule, NoneOnceTheCaseIsClosed) {
  for (sdk::CaseState state :
       {sdk::CaseState::kClosed, sdk::CaseState::kMonitoring, sdk::CaseState::kMonitoringEnded}) {
    sdk::CaseContext context = OpenCase(D("2026-08-31"));
    context.last_review_on = D("2026-11-20");
    context.closed_on = D("2027-03-01");
    context.state = state;
    EXPECT_EQ(InterculturalPlugin().NextReviewDue(context), std::nullopt);
  }
}

}  // namespace
}  // namespace assist::intercultural
