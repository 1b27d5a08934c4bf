#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork::testing {
namespace {

std::optional<sdk::Date> Due(const sdk::CaseContext& context) {
  return StreetworkPlugin().NextReviewDue(context);
}

TEST(StreetworkReviewSchedule, EveryThreeMonthsFromTheStartOfWork) {
  v1::Intake intake = ValidIntake();
  intake.set_risk(v1::RISK_MODERATE);
  EXPECT_EQ(Due(WithIntake("2026-09-01", intake)), D("2026-11-30"));  // work started 2026-08-31
}

TEST(StreetworkReviewSchedule, EveryMonthAtHighRisk) {
  EXPECT_EQ(Due(WithIntake("2026-09-01", ValidIntake())), D("2026-09-30"));
}

TEST(StreetworkReviewSchedule, FromTheLastReview) {
  sdk::CaseContext context = Context("2026-10-15");
  context.last_review_on = D("2026-10-15");
  EXPECT_EQ(Due(context), D("2027-01-15"));  // no intake yet: the usual three months
}

TEST(StreetworkReviewSchedule, NoneBeforeWorkStartsOrAfterClosing) {
  sdk::CaseContext context = Context("2026-09-01");
  context.work_started_on.reset();
  EXPECT_EQ(Due(context), std::nullopt);
  context = Context("2026-12-01");
  context.state = sdk::CaseState::kClosed;
  EXPECT_EQ(Due(context), std::nullopt);
}

}  // namespace
}  // namespace assist::streetwork::testing
