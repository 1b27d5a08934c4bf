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

}  // namespace

std::span<const Indicator> Indicators() { return kIndicators; }

}  // namespace assist::family
