#include "indicators.hpp"

#include <array>
#include <utility>

#include "housing.hpp"

namespace assist::homelessness {
namespace {

using O = v1::Outcome;
using sdk::RatingField;

constexpr std::array kRatings{
    RatingIndicator{"self_reliance", "Samodzielność życiowa", "Self-reliance in daily life",
                    &RatingField<&O::has_self_reliance, &O::self_reliance>},
    RatingIndicator{"work_activity", "Aktywność zawodowa", "Work activity",
                    &RatingField<&O::has_work_activity, &O::work_activity>},
    RatingIndicator{"financial_independence", "Niezależność finansowa od pomocy społecznej",
                    "Financial independence from social assistance",
                    &RatingField<&O::has_financial_independence, &O::financial_independence>},
    RatingIndicator{"official_matters", "Załatwianie spraw urzędowych i dokumentów",
                    "Official matters and documents",
                    &RatingField<&O::has_official_matters, &O::official_matters>},
    RatingIndicator{"health_care", "Dbałość o zdrowie i korzystanie z leczenia",
                    "Health care and treatment used",
                    &RatingField<&O::has_health_care, &O::health_care>},
    RatingIndicator{"social_relations", "Relacje rodzinne i społeczne",
                    "Family and social relations",
                    &RatingField<&O::has_social_relations, &O::social_relations>},
    RatingIndicator{"abstinence", "Utrzymywanie abstynencji", "Abstinence maintained",
                    &RatingField<&O::has_abstinence, &O::abstinence>},
};

sdk::IndicatorSummary SummarizeHoused(const std::vector<const v1::Outcome*>& outcomes) {
  sdk::IndicatorTally housed;
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
  for (sdk::IndicatorSummary& rated : sdk::Summarize(RatingIndicators(), outcomes)) {
    summaries.push_back(std::move(rated));
  }
  return summaries;
}

}  // namespace assist::homelessness
