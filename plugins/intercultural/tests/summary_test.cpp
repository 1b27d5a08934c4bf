#include <gtest/gtest.h>

#include <stdexcept>
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

const sdk::IndicatorSummary& Find(const std::vector<sdk::IndicatorSummary>& summaries,
                                  const std::string& code) {
  for (const auto& summary : summaries) {
    if (summary.code == code) return summary;
  }
  throw std::out_of_range("no indicator " + code);
}

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

  const auto& safety = Find(summaries, "sense_of_safety");
  EXPECT_EQ(safety.cases, 4);
  EXPECT_DOUBLE_EQ(safety.mean_before, 7.0 / 4);
  EXPECT_DOUBLE_EQ(safety.mean_after, 14.0 / 4);
  EXPECT_EQ(safety.improved, 3);
  EXPECT_EQ(safety.label_pl, "Poczucie bezpieczeństwa");
  EXPECT_EQ(safety.label_en, "Sense of safety");

  const auto& work = Find(summaries, "work");
  EXPECT_EQ(work.cases, 2);
  EXPECT_DOUBLE_EQ(work.mean_before, 2.5);
  EXPECT_DOUBLE_EQ(work.mean_after, 1.5);
  EXPECT_EQ(work.improved, 0);

  const auto& polish = Find(summaries, "polish_language");
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
  const auto* descriptor = v1::Outcome::descriptor();
  int rating_fields = 0;
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const auto* field = descriptor->field(f);
    if (field->message_type() != ::assist::v1::BeforeAfter::descriptor()) continue;
    ++rating_fields;
    v1::Outcome outcome;
    auto* rating = static_cast<::assist::v1::BeforeAfter*>(
        outcome.GetReflection()->MutableMessage(&outcome, field));
    rating->set_before(1);
    rating->set_after(5);
    for (const auto& summary : InterculturalPlugin().SummarizeOutcomes({&outcome})) {
      EXPECT_EQ(summary.cases, summary.code == field->name() ? 1 : 0)
          << field->name() << " / " << summary.code;
      EXPECT_EQ(summary.improved, summary.code == field->name() ? 1 : 0);
    }
  }
  EXPECT_EQ(rating_fields, 5);
}

}  // namespace
}  // namespace assist::intercultural
