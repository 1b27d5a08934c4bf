#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <assist/plugin/testing/status_matchers.hpp>
#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

v1::Outcome Safety(int before, int after) {
  v1::Outcome outcome;
  outcome.mutable_sense_of_safety()->set_before(before);
  outcome.mutable_sense_of_safety()->set_after(after);
  return outcome;
}

using sdk::testing::FindSummary;

TEST(InterculturalSummary, MeansAndImprovementsPerIndicator) {
  v1::Outcome a = Safety(2, 4);
  a.mutable_work()->set_before(1);
  a.mutable_work()->set_after(1);
  v1::Outcome b = Safety(1, 2);
  b.mutable_work()->set_before(4);
  b.mutable_work()->set_after(2);
  v1::Outcome c = Safety(3, 3);
  v1::Outcome d = Safety(1, 5);
  const v1::Plan not_an_outcome;

  const auto summaries =
      InterculturalPlugin().SummarizeOutcomes({&a, &b, &c, &d, &not_an_outcome, nullptr});

  const auto& safety = FindSummary(summaries, "sense_of_safety");
  EXPECT_EQ(safety.cases, 4);
  EXPECT_DOUBLE_EQ(safety.mean_before, 7.0 / 4);
  EXPECT_DOUBLE_EQ(safety.mean_after, 14.0 / 4);
  EXPECT_EQ(safety.improved, 3);
  EXPECT_EQ(safety.label_pl, "Poczucie bezpieczeństwa");
  EXPECT_EQ(safety.label_en, "Sense of safety");

  const auto& work = FindSummary(summaries, "work");
  EXPECT_EQ(work.cases, 2);
  EXPECT_DOUBLE_EQ(work.mean_before, 2.5);
  EXPECT_DOUBLE_EQ(work.mean_after, 1.5);
  EXPECT_EQ(work.improved, 0);

  const auto& polish = FindSummary(summaries, "polish_language");
  EXPECT_EQ(polish.cases, 0);
  EXPECT_DOUBLE_EQ(polish.mean_before, 0.0);
  EXPECT_DOUBLE_EQ(polish.mean_after, 0.0);
  EXPECT_EQ(polish.improved, 0);
}

TEST(InterculturalSummary, EveryIndicatorIsListedOnceWithLabels) {
  const auto summaries = InterculturalPlugin().SummarizeOutcomes({});
  const std::vector<std::string> expected{"sense_of_safety", "daily_independence",
                                          "polish_language", "work", "lasting_independence"};
  ASSERT_EQ(summaries.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(summaries[i].code, expected[i]);
    EXPECT_FALSE(summaries[i].label_pl.empty());
    EXPECT_FALSE(summaries[i].label_en.empty());
    EXPECT_EQ(summaries[i].cases, 0);
    // The code is the Outcome field that holds the rating.
    EXPECT_NE(v1::Outcome::descriptor()->FindFieldByName(expected[i]), nullptr) << expected[i];
  }
}

TEST(InterculturalSummary, EachRatingFieldOfTheOutcomeIsItsOwnIndicator) {
  // Each Outcome field of type assist.v1.BeforeAfter, rated alone.
  const auto rated_alone = sdk::testing::EachRatingAlone<v1::Outcome>();
  for (const auto& [field, outcome] : rated_alone) {
    for (const auto& summary : InterculturalPlugin().SummarizeOutcomes({&outcome})) {
      EXPECT_EQ(summary.cases, summary.code == field ? 1 : 0) << field << " / " << summary.code;
      EXPECT_EQ(summary.improved, summary.code == field ? 1 : 0);
    }
  }
  EXPECT_EQ(rated_alone.size(), 5u);
}

}  // namespace
}  // namespace assist::intercultural
