#include "indicators.hpp"

#include <array>

namespace assist::family {
namespace {

using ::assist::v1::BeforeAfter;

template <bool (v1::Outcome::*Has)() const, const BeforeAfter& (v1::Outcome::*Get)() const>
const BeforeAfter* Read(const v1::Outcome& outcome) {
  return (outcome.*Has)() ? &(outcome.*Get)() : nullptr;
}

using O = v1::Outcome;
constexpr std::array kIndicators{
    Indicator{"parent_child_relations", "Relacje rodzic – dziecko", "Parent–child relations",
              &Read<&O::has_parent_child_relations, &O::parent_child_relations>},
    Indicator{"responsibility", "Odpowiedzialność za rodzinę", "Responsibility for the family",
              &Read<&O::has_responsibility, &O::responsibility>},
    Indicator{"communication", "Komunikacja w rodzinie", "Communication in the family",
              &Read<&O::has_communication, &O::communication>},
    Indicator{"school_results", "Wyniki dzieci w nauce", "Children's school results",
              &Read<&O::has_school_results, &O::school_results>},
    Indicator{"school_attendance", "Frekwencja dzieci w szkole", "Children's school attendance",
              &Read<&O::has_school_attendance, &O::school_attendance>},
    Indicator{"official_matters_settled", "Załatwione sprawy urzędowe", "Official matters settled",
              &Read<&O::has_official_matters_settled, &O::official_matters_settled>},
    Indicator{"order_and_hygiene", "Porządek i higiena osobista", "Order and personal hygiene",
              &Read<&O::has_order_and_hygiene, &O::order_and_hygiene>},
    Indicator{"health_care_used", "Korzystanie z opieki zdrowotnej", "Health care used",
              &Read<&O::has_health_care_used, &O::health_care_used>},
    Indicator{"time_with_children", "Spędzanie czasu z dziećmi", "Time spent with children",
              &Read<&O::has_time_with_children, &O::time_with_children>},
};

}  // namespace

std::span<const Indicator> Indicators() { return kIndicators; }

std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes) {
  std::vector<sdk::IndicatorSummary> summaries;
  summaries.reserve(kIndicators.size());
  for (const Indicator& indicator : kIndicators) {
    sdk::IndicatorSummary summary;
    summary.code = indicator.code;
    summary.label_pl = indicator.label_pl;
    summary.label_en = indicator.label_en;
    double sum_before = 0;
    double sum_after = 0;
    for (const v1::Outcome* outcome : outcomes) {
      const BeforeAfter* rating = outcome == nullptr ? nullptr : indicator.rating(*outcome);
      if (rating == nullptr) continue;
      ++summary.cases;
      sum_before += rating->before();
      sum_after += rating->after();
      if (rating->after() > rating->before()) ++summary.improved;
    }
    if (summary.cases > 0) {
      summary.mean_before = sum_before / summary.cases;
      summary.mean_after = sum_after / summary.cases;
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

}  // namespace assist::family
