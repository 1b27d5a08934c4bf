#include "indicators.hpp"

#include <array>

#include "housing.hpp"

namespace assist::homelessness {
namespace {

using ::assist::v1::BeforeAfter;

template <bool (v1::Outcome::*Has)() const, const BeforeAfter& (v1::Outcome::*Get)() const>
const BeforeAfter* Read(const v1::Outcome& outcome) {
  return (outcome.*Has)() ? &(outcome.*Get)() : nullptr;
}

using O = v1::Outcome;
constexpr std::array kRatings{
    RatingIndicator{"self_reliance", "Samodzielność życiowa", "Self-reliance in daily life",
                    &Read<&O::has_self_reliance, &O::self_reliance>},
    RatingIndicator{"work_activity", "Aktywność zawodowa", "Work activity",
                    &Read<&O::has_work_activity, &O::work_activity>},
    RatingIndicator{"financial_independence", "Niezależność finansowa od pomocy społecznej",
                    "Financial independence from social assistance",
                    &Read<&O::has_financial_independence, &O::financial_independence>},
    RatingIndicator{"official_matters", "Załatwianie spraw urzędowych i dokumentów",
                    "Official matters and documents",
                    &Read<&O::has_official_matters, &O::official_matters>},
    RatingIndicator{"health_care", "Dbałość o zdrowie i korzystanie z leczenia",
                    "Health care and treatment used", &Read<&O::has_health_care, &O::health_care>},
    RatingIndicator{"social_relations", "Relacje rodzinne i społeczne",
                    "Family and social relations",
                    &Read<&O::has_social_relations, &O::social_relations>},
    RatingIndicator{"abstinence", "Utrzymywanie abstynencji", "Abstinence maintained",
                    &Read<&O::has_abstinence, &O::abstinence>},
};

// Sums (before, after) pairs into a summary's counts and means.
class Accumulator {
 public:
  void Add(int before, int after) {
    ++cases_;
    sum_before_ += before;
    sum_after_ += after;
    if (after > before) ++improved_;
  }
  sdk::IndicatorSummary Finish(std::string_view code, std::string_view label_pl,
                               std::string_view label_en) const {
    sdk::IndicatorSummary summary;
    summary.code = code;
    summary.label_pl = label_pl;
    summary.label_en = label_en;
    summary.cases = cases_;
    summary.improved = improved_;
    if (cases_ > 0) {
      summary.mean_before = sum_before_ / cases_;
      summary.mean_after = sum_after_ / cases_;
    }
    return summary;
  }

 private:
  int cases_ = 0;
  int improved_ = 0;
  double sum_before_ = 0;
  double sum_after_ = 0;
};

sdk::IndicatorSummary SummarizeHoused(const std::vector<const v1::Outcome*>& outcomes) {
  Accumulator housed;
  for (const v1::Outcome* outcome : outcomes) {
    // An unknown status counts as not housed: the centre cannot report a home it has not seen.
    if (outcome == nullptr || outcome->housing_status() == v1::HOUSING_STATUS_UNSPECIFIED) {
      continue;
    }
    housed.Add(0, IsHoused(outcome->housing_status()) ? 1 : 0);
  }
  return housed.Finish(kHousedAtExit,
                       "Mieszkanie na zakończenie (własne, wynajmowane, socjalne, wspomagane)",
                       "Housed at exit (own, rented, social or supported housing)");
}

}  // namespace

std::span<const RatingIndicator> RatingIndicators() { return kRatings; }

std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>& outcomes) {
  std::vector<sdk::IndicatorSummary> summaries;
  summaries.reserve(kRatings.size() + 1);
  summaries.push_back(SummarizeHoused(outcomes));
  for (const RatingIndicator& indicator : kRatings) {
    Accumulator sum;
    for (const v1::Outcome* outcome : outcomes) {
      const BeforeAfter* rating = outcome == nullptr ? nullptr : indicator.rating(*outcome);
      if (rating != nullptr) sum.Add(rating->before(), rating->after());
    }
    summaries.push_back(sum.Finish(indicator.code, indicator.label_pl, indicator.label_en));
  }
  return summaries;
}

}  // namespace assist::homelessness
