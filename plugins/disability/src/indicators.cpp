#include "indicators.hpp"

#include <array>

namespace assist::disability {
namespace {

using O = v1::Outcome;
using sdk::RatingField;

constexpr std::array kIndicators{
    Indicator{"isolation", "Izolacja społeczna (5 = brak izolacji)",
              "Social isolation (5 = not isolated)",
              &RatingField<&O::has_isolation, &O::isolation>},
    Indicator{"independence", "Samodzielność", "Independence",
              &RatingField<&O::has_independence, &O::independence>},
    Indicator{"social_contacts", "Kontakty społeczne", "Social contacts",
              &RatingField<&O::has_social_contacts, &O::social_contacts>},
    Indicator{"activity", "Aktywność kulturalna, sportowa i społeczna",
              "Cultural, sport and social activity", &RatingField<&O::has_activity, &O::activity>},
    Indicator{"work", "Praca i aktywność zawodowa", "Work and professional activity",
              &RatingField<&O::has_work, &O::work>},
};

}  // namespace

std::span<const Indicator> Indicators() { return kIndicators; }

}  // namespace assist::disability
