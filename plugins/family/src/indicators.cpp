#include "indicators.hpp"

#include <array>

namespace assist::family {
namespace {

using O = v1::Outcome;
using sdk::RatingField;

constexpr std::array kIndicators{
    Indicator{"parent_child_relations", "Relacje rodzic – dziecko", "Parent–child relations",
              &RatingField<&O::has_parent_child_relations, &O::parent_child_relations>},
    Indicator{"responsibility", "Odpowiedzialność za rodzinę", "Responsibility for the family",
              &RatingField<&O::has_responsibility, &O::responsibility>},
    Indicator{"communication", "Komunikacja w rodzinie", "Communication in the family",
              &RatingField<&O::has_communication, &O::communication>},
    Indicator{"school_results", "Wyniki dzieci w nauce", "Children's school results",
              &RatingField<&O::has_school_results, &O::school_results>},
    Indicator{"school_attendance", "Frekwencja dzieci w szkole", "Children's school attendance",
              &RatingField<&O::has_school_attendance, &O::school_attendance>},
    Indicator{"official_matters_settled", "Załatwione sprawy urzędowe", "Official matters settled",
              &RatingField<&O::has_official_matters_settled, &O::official_matters_settled>},
    Indicator{"order_and_hygiene", "Porządek i higiena osobista", "Order and personal hygiene",
              &RatingField<&O::has_order_and_hygiene, &O::order_and_hygiene>},
    Indicator{"health_care_used", "Korzystanie z opieki zdrowotnej", "Health care used",
              &RatingField<&O::has_health_care_used, &O::health_care_used>},
    Indicator{"time_with_children", "Spędzanie czasu z dziećmi", "Time spent with children",
              &RatingField<&O::has_time_with_children, &O::time_with_children>},
};

// Where the children were at the start of the work (before) and at its end (after): a child
// returned from foster care was not at home before; one placed in foster care was.
sdk::IndicatorSummary SummarizeChildren(const std::vector<const v1::Outcome*>& outcomes) {
  sdk::IndicatorTally tally;
  for (const v1::Outcome* outcome : outcomes) {
    if (outcome == nullptr) continue;
    switch (outcome->child_stayed_or_returned()) {
      case v1::CHILD_PLACEMENT_STAYED_IN_FAMILY:
        tally.Add(1, 1);
        break;
      case v1::CHILD_PLACEMENT_RETURNED_FROM_FOSTER_CARE:
        tally.Add(0, 1);
        break;
      case v1::CHILD_PLACEMENT_PLACED_IN_FOSTER_CARE:
        tally.Add(1, 0);
        break;
      default:  // not applicable or not given: not counted
        break;
    }
  }
  return tally.Finish(kChildrenInFamily, "Dzieci w rodzinie (na początku i na zakończenie)",
                      "Children living in the family (at the start and at closure)");
}

sdk::IndicatorSummary SummarizeGoals(const std::vector<const v1::Outcome*>& outcomes) {
  sdk::IndicatorTally tally;
  for (const v1::Outcome* outcome : outcomes) {
    if (outcome == nullptr || outcome->goals_total() <= 0) continue;
    tally.Add(0, outcome->goals_attained() >= outcome->goals_total() ? 1 : 0);
  }
  return tally.Finish(kAllGoalsAttained, "Wszystkie cele planu osiągnięte",
                      "Every goal of the plan attained");
}

}  // namespace

std::span<const Indicator> Indicators() { return kIndicators; }

std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes) {
  std::vector<sdk::IndicatorSummary> summaries = sdk::Summarize(Indicators(), outcomes);
  summaries.push_back(SummarizeChildren(outcomes));
  summaries.push_back(SummarizeGoals(outcomes));
  return summaries;
}

}  // namespace assist::family
