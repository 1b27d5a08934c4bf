#include <gtest/gtest.h>

#include <limits>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidOutcome;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Outcome& outcome) {
  return DisabilityPlugin().Validate(sdk::Step::kOutcome, outcome, Context("2027-06-30"));
}

TEST(DisabilityOutcome, ValidOutcomePasses) {
  const sdk::Status status = Check(ValidOutcome());
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(DisabilityOutcome, IndicatorsThatDoNotApplyMayBeLeftOut) {
  v1::Outcome outcome = ValidOutcome();
  outcome.clear_isolation();
  outcome.clear_independence();
  outcome.clear_social_contacts();
  outcome.set_hours_planned(0);
  outcome.set_hours_delivered(0);
  EXPECT_TRUE(Check(outcome).ok());
}

TEST(DisabilityOutcome, RatingBoundsAreInclusive) {
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_work()->set_before(1);
  outcome.mutable_work()->set_after(5);
  outcome.mutable_activity()->set_before(5);
  outcome.mutable_activity()->set_after(1);
  EXPECT_TRUE(Check(outcome).ok());
}

TEST(DisabilityOutcome, ReportsEveryViolationAtOnce) {
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_isolation()->set_before(0);
  outcome.mutable_isolation()->set_after(6);
  outcome.mutable_work()->set_after(3);  // set, but "before" left at 0
  outcome.set_hours_planned(-1);
  outcome.set_hours_delivered(std::numeric_limits<double>::quiet_NaN());
  outcome.set_closure_reason(v1::CLOSURE_REASON_UNSPECIFIED);
  const sdk::Status status = Check(outcome);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"closure_reason", "hours_delivered", "hours_planned",
                                   "isolation.after", "isolation.before", "work.before"}));
}

TEST(DisabilityOutcome, NegativeDeliveredHoursAndUnknownReasonAreRefused) {
  v1::Outcome outcome = ValidOutcome();
  outcome.set_hours_delivered(-0.5);
  outcome.set_closure_reason(static_cast<v1::ClosureReason>(99));
  EXPECT_EQ(Fields(Check(outcome)), (Paths{"closure_reason", "hours_delivered"}));
}

}  // namespace
}  // namespace assist::disability
