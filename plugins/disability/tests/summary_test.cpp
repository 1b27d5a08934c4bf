#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <assist/plugin/testing/status_matchers.hpp>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

v1::Outcome Rated(int isolation_before, int isolation_after) {
  v1::Outcome outcome;
  outcome.mutable_isolation()->set_before(isolation_before);
  outcome.mutable_isolation()->set_after(isolation_after);
  return outcome;
}

using sdk::testing::FindSummary;

TEST(DisabilitySummary, MeansAndImprovementsPerIndicator) {
  v1::Outcome a = Rated(1, 4);
  a.mutable_work()->set_before(2);
  a.mutable_work()->set_after(2);
  v1::Outcome b = Rated(2, 3);
  b.mutable_work()->set_before(3);
  b.mutable_work()->set_after(1);
  v1::Outcome c = Rated(3, 2);
  const v1::Plan not_an_outcome;

  const auto summaries =
      DisabilityPlugin().SummarizeOutcomes({&a, &b, &c, &not_an_outcome, nullptr});

  const auto& isolation = FindSummary(summaries, "isolation");
  EXPECT_EQ(isolation.cases, 3);
  EXPECT_DOUBLE_EQ(isolation.mean_before, 2.0);
  EXPECT_DOUBLE_EQ(isolation.mean_after, 3.0);
  EXPECT_EQ(isolation.improved, 2);
  EXPECT_EQ(isolation.label_pl, "Izolacja społeczna (5 = brak izolacji)");
  EXPECT_EQ(isolation.label_en, "Social isolation (5 = not isolated)");

  const auto& work = FindSummary(summaries, "work");
  EXPECT_EQ(work.cases, 2);
  EXPECT_DOUBLE_EQ(work.mean_before, 2.5);
  EXPECT_DOUBLE_EQ(work.mean_after, 1.5);
  EXPECT_EQ(work.improved, 0);

  const auto& independence = FindSummary(summaries, "independence");
  EXPECT_EQ(independence.cases, 0);
  EXPECT_DOUBLE_EQ(independence.mean_before, 0.0);
  EXPECT_DOUBLE_EQ(independence.mean_after, 0.0);
  EXPECT_EQ(independence.improved, 0);
}

TEST(DisabilitySummary, EveryIndicatorIsListedOnceWithLabels) {
  const auto summaries = DisabilityPlugin().SummarizeOutcomes({});
  const std::vector<std::string> expected{"isolation", "independence", "social_contacts",
                                          "activity", "work"};
  ASSERT_EQ(summaries.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(summaries[i].code, expected[i]);
    EXPECT_FALSE(summaries[i].label_pl.empty());
    EXPECT_FALSE(summaries[i].label_en.empty());
    // The code is the Outcome field that holds the rating.
    EXPECT_NE(v1::Outcome::descriptor()->FindFieldByName(expected[i]), nullptr) << expected[i];
  }
}

TEST(DisabilitySummary, EachRatingFieldOfTheOutcomeIsItsOwnIndicator) {
  // Each Outcome field of type assist.v1.BeforeAfter, rated alone.
  const auto rated_alone = sdk::testing::EachRatingAlone<v1::Outcome>();
  for (const auto& [field, outcome] : rated_alone) {
    for (const auto& summary : DisabilityPlugin().SummarizeOutcomes({&outcome})) {
      EXPECT_EQ(summary.cases, summary.code == field ? 1 : 0) << field << " / " << summary.code;
    }
  }
  EXPECT_EQ(rated_alone.size(), 5u);
}

}  // namespace
}  // namespace assist::disability
