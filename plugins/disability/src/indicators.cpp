#include "indicators.hpp"

#include <array>

namespace assist::disability {
namespace {

using ::assist::v1::BeforeAfter;

template <bool (v1::Outcome::*Has)() const, const BeforeAfter& (v1::Outcome::*Get)() const>
const BeforeAfter* Read(const v1::Outcome& outcome) {
  return (outcome.*Has)() ? &(outcome.*Get)() : nullptr;
}

using O = v1::Outcome;
constexpr std::array kIndicators{
    Indicator{"isolation", "Izolacja społeczna (5 = brak izolacji)",
              "Social isolation (5 = not isolated)", &Read<&O::has_isolation, &O::isolation>},
    Indicator{"independence", "Samodzielność", "Independence",
              &Read<&O::has_independence, &O::independence>},
    Indicator{"social_contacts", "Kontakty społeczne", "Social contacts",
              &Read<&O::has_social_contacts, &O::social_contacts>},
    Indicator{"activity", "Aktywność kulturalna, sportowa i społeczna",
              "Cultural, sport and social activity", &Read<&O::has_activity, &O::activity>},
    Indicator{"work", "Praca i aktywność zawodowa", "Work and professional activity",
              &Read<&O::has_work, &O::work>},
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

}  // namespace assist::disability
