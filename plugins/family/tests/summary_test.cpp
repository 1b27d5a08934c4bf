#include <gtest/gtest.h>

#include <assist/plugin/testing/messages.hpp>
#include <assist/plugin/testing/status_matchers.hpp>

#include "family_plugin.hpp"
#include "fixtures.hpp"
#include "indicators.hpp"

namespace assist::family {
namespace {

v1::Outcome Rated(int relations_before, int relations_after) {
  v1::Outcome outcome;
  outcome.mutable_parent_child_relations()->set_before(relations_before);
  outcome.mutable_parent_child_relations()->set_after(relations_after);
  return outcome;
}

using sdk::testing::FindSummary;

TEST(FamilySummary, MeansAndImprovementsPerIndicator) {
  v1::Outcome a = Rated(2, 4);
  a.mutable_communication()->set_before(3);
  a.mutable_communication()->set_after(3);
  v1::Outcome b = Rated(1, 2);
  b.mutable_communication()->set_before(4);
  b.mutable_communication()->set_after(2);
  v1::Outcome c = Rated(3, 3);
  const v1::Plan not_an_outcome;

  const auto summaries = FamilyPlugin().SummarizeOutcomes({&a, &b, &c, &not_an_outcome, nullptr});

  const auto& relations = FindSummary(summaries, "parent_child_relations");
  EXPECT_EQ(relations.cases, 3);
  EXPECT_DOUBLE_EQ(relations.mean_before, 2.0);
  EXPECT_DOUBLE_EQ(relations.mean_after, 3.0);
  EXPECT_EQ(relations.improved, 2);
  EXPECT_EQ(relations.label_pl, "Relacje rodzic – dziecko");
  EXPECT_EQ(relations.label_en, "Parent–child relations");

  const auto& communication = FindSummary(summaries, "communication");
  EXPECT_EQ(communication.cases, 2);
  EXPECT_DOUBLE_EQ(communication.mean_before, 3.5);
  EXPECT_DOUBLE_EQ(communication.mean_after, 2.5);
  EXPECT_EQ(communication.improved, 0);

  const auto& school = FindSummary(summaries, "school_results");
  EXPECT_EQ(school.cases, 0);
  EXPECT_DOUBLE_EQ(school.mean_before, 0.0);
  EXPECT_EQ(school.improved, 0);
}

TEST(FamilySummary, EveryIndicatorIsListedOnceWithLabels) {
  const auto summaries = FamilyPlugin().SummarizeOutcomes({});
  const std::vector<std::string> ratings{
      "parent_child_relations", "responsibility",    "communication",
      "school_results",         "school_attendance", "official_matters_settled",
      "order_and_hygiene",      "health_care_used",  "time_with_children"};
  ASSERT_EQ(summaries.size(), ratings.size() + 2);
  for (std::size_t i = 0; i < summaries.size(); ++i) {
    EXPECT_FALSE(summaries[i].label_pl.empty());
    EXPECT_FALSE(summaries[i].label_en.empty());
    if (i >= ratings.size()) continue;
    EXPECT_EQ(summaries[i].code, ratings[i]);
    // The code is the Outcome field that holds the rating.
    EXPECT_NE(v1::Outcome::descriptor()->FindFieldByName(ratings[i]), nullptr) << ratings[i];
  }
  EXPECT_EQ(summaries[ratings.size()].code, kChildrenInFamily);
  EXPECT_EQ(summaries[ratings.size() + 1].code, kAllGoalsAttained);
}

TEST(FamilySummary, ChildrenAtHomeAndPlansFullyAttained) {
  auto closed = [](v1::ChildPlacement placement, int attained, int total) {
    v1::Outcome outcome;
    outcome.set_child_stayed_or_returned(placement);
    outcome.set_goals_attained(attained);
    outcome.set_goals_total(total);
    return outcome;
  };
  const v1::Outcome stayed = closed(v1::CHILD_PLACEMENT_STAYED_IN_FAMILY, 3, 3);
  const v1::Outcome returned = closed(v1::CHILD_PLACEMENT_RETURNED_FROM_FOSTER_CARE, 2, 4);
  const v1::Outcome placed = closed(v1::CHILD_PLACEMENT_PLACED_IN_FOSTER_CARE, 0, 2);
  const v1::Outcome no_children = closed(v1::CHILD_PLACEMENT_NOT_APPLICABLE, 1, 1);
  const auto summaries =
      FamilyPlugin().SummarizeOutcomes({&stayed, &returned, &placed, &no_children});

  const auto& children = FindSummary(summaries, std::string(kChildrenInFamily));
  EXPECT_EQ(children.cases, 3);
  EXPECT_DOUBLE_EQ(children.mean_before, 2.0 / 3);
  EXPECT_DOUBLE_EQ(children.mean_after, 2.0 / 3);
  EXPECT_EQ(children.improved, 1);  // the child back from foster care

  const auto& goals = FindSummary(summaries, std::string(kAllGoalsAttained));
  EXPECT_EQ(goals.cases, 4);
  EXPECT_DOUBLE_EQ(goals.mean_after, 0.5);
  EXPECT_EQ(goals.improved, 2);
}

TEST(FamilySummary, EachRatingFieldOfTheOutcomeIsItsOwnIndicator) {
  // Each Outcome field of type assist.v1.BeforeAfter, rated alone.
  const auto rated_alone = sdk::testing::EachRatingAlone<v1::Outcome>();
  for (const auto& [field, outcome] : rated_alone) {
    for (const auto& summary : FamilyPlugin().SummarizeOutcomes({&outcome})) {
      EXPECT_EQ(summary.cases, summary.code == field ? 1 : 0) << field << " / " << summary.code;
    }
  }
  EXPECT_EQ(rated_alone.size(), 9u);
}

}  // namespace
}  // namespace assist::family
