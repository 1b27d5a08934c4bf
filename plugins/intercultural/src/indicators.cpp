#include "indicators.hpp"

#include <array>

namespace assist::intercultural {
namespace {

using ::assist::v1::BeforeAfter;

template <bool (v1::Outcome::*Has)() const, const BeforeAfter& (v1::Outcome::*Get)() const>
const BeforeAfter* Read(const v1::Outcome& outcome) {
  return (outcome.*Has)() ? &(outcome.*Get)() : nullptr;
}

using O = v1::Outcome;
constexpr std::array kIndicators{
    Indicator{"sense_of_safety", "Poczucie bezpieczeństwa", "Sense of safety",
              &Read<&O::has_sense_of_safety, &O::sense_of_safety>},
    Indicator{"daily_independence", "Samodzielność w sprawach dnia codziennego",
              "Independence in daily matters",
              &Read<&O::has_daily_independence, &O::daily_independence>},
    Indicator{"polish_language", "Znajomość języka polskiego", "Polish language",
              &Read<&O::has_polish_language, &O::polish_language>},
    Indicator{"work", "Praca", "Work", &Read<&O::has_work, &O::work>},
    Indicator{"lasting_independence", "Trwałe usamodzielnienie", "Lasting independence",
              &Read<&O::has_lasting_independence, &O::lasting_independence>},
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

}  // namespace assist::intercultural
