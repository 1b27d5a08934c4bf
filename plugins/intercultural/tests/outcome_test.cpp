#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidOutcome;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Outcome& outcome) {
  return InterculturalPlugin().Validate(sdk::Step::kOutcome, outcome, Context("2027-08-31"));
}

TEST(InterculturalOutcome, ValidOutcomePasses) {
  const sdk::Status status = Check(ValidOutcome());
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(InterculturalOutcome, IndicatorsThatDoNotApplyMayBeLeftOut) {
  v1::Outcome outcome = ValidOutcome();
  outcome.clear_sense_of_safety();
  outcome.clear_polish_language();
  outcome.clear_work();
  EXPECT_TRUE(Check(outcome).ok());
}

TEST(InterculturalOutcome, ReportsEveryViolationAtOnce) {
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_sense_of_safety()->set_before(0);
  outcome.mutable_sense_of_safety()->set_after(6);
  outcome.mutable_lasting_independence()->set_after(3);  // set, but "before" left at 0
  outcome.mutable_daily_independence()->set_before(-1);
  outcome.mutable_daily_independence()->set_after(2);
  outcome.set_closure_reason(static_cast<v1::ClosureReason>(42));

  const sdk::Status status = Check(outcome);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"closure_reason", "daily_independence.before", "lasting_independence.before",
                   "sense_of_safety.after", "sense_of_safety.before"}));
}

TEST(InterculturalOutcome, RatingBoundsAreInclusive) {
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_daily_independence()->set_before(1);
  outcome.mutable_daily_independence()->set_after(5);
  outcome.mutable_lasting_independence()->set_before(5);
  outcome.mutable_lasting_independence()->set_after(1);
  EXPECT_TRUE(Check(outcome).ok());
}

TEST(InterculturalOutcome, ClosureReasonRequiredAndOtherNeedsANote) {
  v1::Outcome outcome = ValidOutcome();
  outcome.set_closure_reason(v1::CLOSURE_REASON_UNSPECIFIED);
  EXPECT_EQ(Fields(Check(outcome)), (Paths{"closure_reason"}));

  outcome.set_closure_reason(v1::CLOSURE_REASON_OTHER);
  EXPECT_EQ(Fields(Check(outcome)), (Paths{"closure_note"}));
  outcome.set_closure_note("Rodzina przeniosła się do ośrodka dla cudzoziemców");
  EXPECT_TRUE(Check(outcome).ok());

  outcome.set_closure_reason(v1::CLOSURE_REASON_LEFT_POLAND);
  EXPECT_TRUE(Check(outcome).ok());  // a note is welcome with any reason
  outcome.set_closure_note(std::string(2001, 'x'));
  EXPECT_EQ(Fields(Check(outcome)), (Paths{"closure_note"}));
}

}  // namespace
}  // namespace assist::intercultural
