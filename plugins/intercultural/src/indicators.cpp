#include "indicators.hpp"

#include <array>

namespace assist::intercultural {
namespace {

using O = v1::Outcome;
using sdk::RatingField;

constexpr std::array kIndicators{
    Indicator{"sense_of_safety", "Poczucie bezpieczeństwa", "Sense of safety",
              &RatingField<&O::has_sense_of_safety, &O::sense_of_safety>},
    Indicator{"daily_independence", "Samodzielność w sprawach dnia codziennego",
              "Independence in daily matters",
              &RatingField<&O::has_daily_independence, &O::daily_independence>},
    Indicator{"polish_language", "Znajomość języka polskiego", "Polish language",
              &RatingField<&O::has_polish_language, &O::polish_language>},
    Indicator{"work", "Praca", "Work", &RatingField<&O::has_work, &O::work>},
    Indicator{"lasting_independence", "Trwałe usamodzielnienie", "Lasting independence",
              &RatingField<&O::has_lasting_independence, &O::lasting_independence>},
};

}  // namespace

std::span<const Indicator> Indicators() { return kIndicators; }

}  // namespace assist::intercultural
