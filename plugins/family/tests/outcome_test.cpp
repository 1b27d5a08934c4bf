#include <gtest/gtest.h>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidIntake;
using testing::ValidOutcome;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Outcome& outcome, const v1::Intake* intake) {
  sdk::CaseContext context = Context("2027-06-30");
  context.intake = intake;
  return FamilyPlugin().Validate(sdk::Step::kOutcome, outcome, context);
}

TEST(FamilyOutcome, ValidOutcomePasses) {
  const v1::Intake intake = ValidIntake();
  const sdk::Status status = Check(ValidOutcome(), &intake);
  EXPECT_TRUE(status.ok()) << status.message();
}

TEST(FamilyOutcome, IndicatorsThatDoNotApplyMayBeLeftOut) {
  v1::Outcome outcome = ValidOutcome();
  outcome.clear_parent_child_relations();
  outcome.clear_communication();
  outcome.clear_school_attendance();
  EXPECT_TRUE(Check(outcome, nullptr).ok());
}

TEST(FamilyOutcome, ReportsEveryViolationAtOnce) {
  const v1::Intake intake = ValidIntake();
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_parent_child_relations()->set_before(0);
  outcome.mutable_parent_child_relations()->set_after(6);
  outcome.mutable_time_with_children()->set_after(3);  // set, but "before" left at 0
  outcome.set_goals_attained(4);                       // of 3
  outcome.set_child_stayed_or_returned(v1::CHILD_PLACEMENT_UNSPECIFIED);
  outcome.set_closure_reason(static_cast<v1::ClosureReason>(42));
  outcome.set_monitoring_months(37);

  const sdk::Status status = Check(outcome, &intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"child_stayed_or_returned", "closure_reason", "goals_attained",
                                   "monitoring_months", "parent_child_relations.after",
                                   "parent_child_relations.before", "time_with_children.before"}));
}

TEST(FamilyOutcome, RatingBoundsAreInclusive) {
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_health_care_used()->set_before(1);
  outcome.mutable_health_care_used()->set_after(5);
  outcome.set_goals_attained(3);
  outcome.set_monitoring_months(36);
  EXPECT_TRUE(Check(outcome, nullptr).ok());
}

TEST(FamilyOutcome, GoalCountsMustNotBeNegative) {
  v1::Outcome outcome = ValidOutcome();
  outcome.set_goals_attained(-1);
  EXPECT_EQ(Fields(Check(outcome, nullptr)), (Paths{"goals_attained"}));
  outcome.set_goals_attained(0);
  outcome.set_goals_total(-2);
  EXPECT_EQ(Fields(Check(outcome, nullptr)), (Paths{"goals_attained", "goals_total"}));
}

TEST(FamilyOutcome, ReturnFromFosterCareNeedsAChildInFosterCare) {
  v1::Intake intake = ValidIntake();
  v1::Outcome outcome = ValidOutcome();
  outcome.set_child_stayed_or_returned(v1::CHILD_PLACEMENT_RETURNED_FROM_FOSTER_CARE);
  EXPECT_EQ(Fields(Check(outcome, &intake)), (Paths{"child_stayed_or_returned"}));
  EXPECT_EQ(Fields(Check(outcome, nullptr)), (Paths{"child_stayed_or_returned"}));

  intake.mutable_members(1)->set_in_foster_care(true);
  EXPECT_TRUE(Check(outcome, &intake).ok());
}

// StartMonitoring without a last day monitors for the months the outcome recommends (SDK 1.5).
TEST(FamilyOutcome, RecommendsTheMonitoringMonthsItRecords) {
  v1::Outcome outcome = ValidOutcome();
  outcome.set_monitoring_months(9);
  EXPECT_EQ(FamilyPlugin().RecommendedMonitoringMonths(outcome), 9);
  outcome.set_monitoring_months(0);
  EXPECT_FALSE(FamilyPlugin().RecommendedMonitoringMonths(outcome).has_value());
  v1::Intake not_an_outcome;
  EXPECT_FALSE(FamilyPlugin().RecommendedMonitoringMonths(not_an_outcome).has_value());
}

}  // namespace
}  // namespace assist::family
