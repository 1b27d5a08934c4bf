#include <gtest/gtest.h>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::D;
using testing::OpenCase;

TEST(FamilyReviewSchedule, SixMonthsFromTheStartOfWork) {
  // 2027-02-31 does not exist: the last day of February.
  EXPECT_EQ(FamilyPlugin().NextReviewDue(OpenCase(D("2026-08-31"))), D("2027-02-28"));
  EXPECT_EQ(FamilyPlugin().NextReviewDue(OpenCase(D("2026-09-15"))), D("2027-03-15"));
}

TEST(FamilyReviewSchedule, SixMonthsFromTheLastReview) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2027-02-20");
  EXPECT_EQ(FamilyPlugin().NextReviewDue(context), D("2027-08-20"));
}

TEST(FamilyReviewSchedule, AReviewDatedBeforeTheStartDoesNotMoveTheDeadlineBack) {
  sdk::CaseContext context = OpenCase(D("2026-08-31"));
  context.last_review_on = D("2026-08-01");
  EXPECT_EQ(FamilyPlugin().NextReviewDue(context), D("2027-02-28"));
}

TEST(FamilyReviewSchedule, NoneBeforeTheWorkStarts) {
  EXPECT_EQ(FamilyPlugin().NextReviewDue(OpenCase(std::nullopt)), std::nullopt);
}

TEST(FamilyReviewSchedule, NoneOnceTheCaseIsClosed) {
  for (sdk::CaseState state :
       {sdk::CaseState::kClosed, sdk::CaseState::kMonitoring, sdk::CaseState::kMonitoringEnded}) {
    sdk::CaseContext context = OpenCase(D("2026-08-31"));
    context.last_review_on = D("2027-02-20");
    context.closed_on = D("2027-03-01");
    context.state = state;
    EXPECT_EQ(FamilyPlugin().NextReviewDue(context), std::nullopt);
  }
}

}  // namespace
}  // namespace assist::family
