#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <assist/plugin/testing/status_matchers.hpp>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

v1::Outcome Exit(v1::HousingStatus status) {
  v1::Outcome outcome;
  outcome.set_housing_status(status);
  return outcome;
}

using sdk::testing::FindSummary;

TEST(HomelessnessSummary, ShareHousedAtExit) {
  const v1::Outcome own = Exit(v1::HOUSING_STATUS_OWN_OR_RENTED);
  const v1::Outcome social = Exit(v1::HOUSING_STATUS_SOCIAL_HOUSING);
  const v1::Outcome supported = Exit(v1::HOUSING_STATUS_SUPPORTED_HOUSING);
  const v1::Outcome shelter = Exit(v1::HOUSING_STATUS_SHELTER);
  const v1::Outcome street = Exit(v1::HOUSING_STATUS_STREET);
  const v1::Outcome institution = Exit(v1::HOUSING_STATUS_INSTITUTION);
  const v1::Outcome unknown = Exit(v1::HOUSING_STATUS_UNKNOWN);
  const v1::Outcome not_recorded;  // no housing status: not counted
  const v1::Plan not_an_outcome;

  const auto summaries = HomelessnessPlugin().SummarizeOutcomes(
      {&own, &social, &supported, &shelter, &street, &institution, &unknown, &not_recorded,
       &not_an_outcome, nullptr});

  const auto& housed = FindSummary(summaries, "housed_at_exit");
  EXPECT_EQ(housed.cases, 7);
  EXPECT_DOUBLE_EQ(housed.mean_before, 0.0);
  EXPECT_DOUBLE_EQ(housed.mean_after, 3.0 / 7.0);
  EXPECT_EQ(housed.improved, 3);
  EXPECT_FALSE(housed.label_pl.empty());
  EXPECT_FALSE(housed.label_en.empty());
}

TEST(HomelessnessSummary, MeansAndImprovementsPerRating) {
  v1::Outcome a = Exit(v1::HOUSING_STATUS_SOCIAL_HOUSING);
  a.mutable_self_reliance()->set_before(1);
  a.mutable_self_reliance()->set_after(4);
  a.mutable_abstinence()->set_before(2);
  a.mutable_abstinence()->set_after(2);
  v1::Outcome b = Exit(v1::HOUSING_STATUS_STREET);
  b.mutable_self_reliance()->set_before(2);
  b.mutable_self_reliance()->set_after(1);
  b.mutable_abstinence()->set_before(3);
  b.mutable_abstinence()->set_after(5);
  v1::Outcome c = Exit(v1::HOUSING_STATUS_SHELTER);
  c.mutable_self_reliance()->set_before(3);
  c.mutable_self_reliance()->set_after(4);

  const auto summaries = HomelessnessPlugin().SummarizeOutcomes({&a, &b, &c});

  const auto& self_reliance = FindSummary(summaries, "self_reliance");
  EXPECT_EQ(self_reliance.cases, 3);
  EXPECT_DOUBLE_EQ(self_reliance.mean_before, 2.0);
  EXPECT_DOUBLE_EQ(self_reliance.mean_after, 3.0);
  EXPECT_EQ(self_reliance.improved, 2);
  EXPECT_EQ(self_reliance.label_pl, "Samodzielność życiowa");
  EXPECT_EQ(self_reliance.label_en, "Self-reliance in daily life");

  const auto& abstinence = FindSummary(summaries, "abstinence");
  EXPECT_EQ(abstinence.cases, 2);
  EXPECT_DOUBLE_EQ(abstinence.mean_before, 2.5);
  EXPECT_DOUBLE_EQ(abstinence.mean_after, 3.5);
  EXPECT_EQ(abstinence.improved, 1);

  const auto& work = FindSummary(summaries, "work_activity");
  EXPECT_EQ(work.cases, 0);
  EXPECT_DOUBLE_EQ(work.mean_before, 0.0);
  EXPECT_DOUBLE_EQ(work.mean_after, 0.0);

  const auto& housed = FindSummary(summaries, "housed_at_exit");
  EXPECT_EQ(housed.cases, 3);
  EXPECT_EQ(housed.improved, 1);
}

TEST(HomelessnessSummary, EveryIndicatorIsListedOnceWithLabels) {
  const auto summaries = HomelessnessPlugin().SummarizeOutcomes({});
  const std::vector<std::string> expected{
      "housed_at_exit",   "self_reliance", "work_activity",    "financial_independence",
      "official_matters", "health_care",   "social_relations", "abstinence"};
  ASSERT_EQ(summaries.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(summaries[i].code, expected[i]);
    EXPECT_FALSE(summaries[i].label_pl.empty());
    EXPECT_FALSE(summaries[i].label_en.empty());
    EXPECT_EQ(summaries[i].cases, 0);
  }
}

TEST(HomelessnessSummary, EachRatingFieldOfTheOutcomeIsItsOwnIndicator) {
  // Each Outcome field of type assist.v1.BeforeAfter, rated alone.
  const auto rated_alone = sdk::testing::EachRatingAlone<v1::Outcome>();
  for (const auto& [field, outcome] : rated_alone) {
    for (const auto& summary : HomelessnessPlugin().SummarizeOutcomes({&outcome})) {
      EXPECT_EQ(summary.cases, summary.code == field ? 1 : 0) << field << " / " << summary.code;
    }
  }
  EXPECT_EQ(rated_alone.size(), 7u);
}

}  // namespace
}  // namespace assist::homelessness
