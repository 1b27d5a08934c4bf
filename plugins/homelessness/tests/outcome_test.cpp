#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidOutcome;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Outcome& outcome) {
  sdk::CaseContext context = Context("2028-12-31");
  context.state = sdk::CaseState::kClosed;
  return HomelessnessPlugin().Validate(sdk::Step::kOutcome, outcome, context);
}

TEST(HomelessnessOutcome, ValidOutcomePasses) {
  const sdk::Status status = Check(ValidOutcome());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(HomelessnessOutcome, RatingsThatDoNotApplyMayBeLeftOut) {
  v1::Outcome outcome = ValidOutcome();
  outcome.clear_self_reliance();
  outcome.clear_work_activity();
  outcome.clear_abstinence();
  EXPECT_TRUE(Check(outcome).ok());
}

TEST(HomelessnessOutcome, ReportsEveryViolationAtOnce) {
  v1::Outcome outcome = ValidOutcome();
  outcome.set_housing_status(v1::HOUSING_STATUS_UNSPECIFIED);
  outcome.set_work_status(static_cast<v1::WorkStatus>(30));
  outcome.set_therapy(v1::THERAPY_UNSPECIFIED);
  outcome.set_main_income_source(v1::INCOME_SOURCE_UNSPECIFIED);
  outcome.set_closure_reason(v1::CLOSURE_REASON_UNSPECIFIED);
  outcome.mutable_self_reliance()->set_before(0);
  outcome.mutable_work_activity()->set_after(6);
  outcome.mutable_social_relations()->set_after(3);  // set, but "before" left at 0
  outcome.set_monitoring_months(37);

  const sdk::Status status = Check(outcome);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"closure_reason", "housing_status", "main_income_source", "monitoring_months",
                   "self_reliance.before", "social_relations.before", "therapy",
                   "work_activity.after", "work_status"}));
}

TEST(HomelessnessOutcome, RatingAndMonitoringBoundsAreInclusive) {
  v1::Outcome outcome = ValidOutcome();
  outcome.mutable_health_care()->set_before(1);
  outcome.mutable_health_care()->set_after(5);
  outcome.set_monitoring_months(36);
  EXPECT_TRUE(Check(outcome).ok());
  outcome.set_monitoring_months(0);
  EXPECT_TRUE(Check(outcome).ok());
  outcome.set_monitoring_months(-1);
  EXPECT_EQ(Fields(Check(outcome)), (Paths{"monitoring_months"}));
}

TEST(HomelessnessOutcome, GoalsAchievedOnlyWithAHome) {
  v1::Outcome outcome = ValidOutcome();
  for (v1::HousingStatus status :
       {v1::HOUSING_STATUS_OWN_OR_RENTED, v1::HOUSING_STATUS_SOCIAL_HOUSING,
        v1::HOUSING_STATUS_SUPPORTED_HOUSING}) {
    outcome.set_housing_status(status);
    EXPECT_TRUE(Check(outcome).ok()) << v1::HousingStatus_Name(status);
  }
  for (v1::HousingStatus status : {v1::HOUSING_STATUS_SHELTER, v1::HOUSING_STATUS_STREET,
                                   v1::HOUSING_STATUS_INSTITUTION, v1::HOUSING_STATUS_UNKNOWN}) {
    outcome.set_housing_status(status);
    EXPECT_EQ(Fields(Check(outcome)), (Paths{"closure_reason"})) << v1::HousingStatus_Name(status);
  }
  outcome.set_closure_reason(v1::CLOSURE_REASON_NO_COOPERATION);
  EXPECT_TRUE(Check(outcome).ok());
}

// StartMonitoring without a last day monitors for the months the outcome recommends (SDK 1.5).
TEST(HomelessnessOutcome, RecommendsTheMonitoringMonthsItRecords) {
  v1::Outcome outcome = ValidOutcome();
  outcome.set_monitoring_months(9);
  EXPECT_EQ(HomelessnessPlugin().RecommendedMonitoringMonths(outcome), 9);
  outcome.set_monitoring_months(0);
  EXPECT_FALSE(HomelessnessPlugin().RecommendedMonitoringMonths(outcome).has_value());
  v1::Intake not_an_outcome;
  EXPECT_FALSE(HomelessnessPlugin().RecommendedMonitoringMonths(not_an_outcome).has_value());
}

}  // namespace
}  // namespace assist::homelessness
