#pragma once
// The outcomes MOPS Sopot names for intercultural assistance (seed 003), in one table shared by
// validation, the indicator store and the yearly summary.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/indicators.hpp>
#include <span>

namespace assist::intercultural {

using Indicator = sdk::Indicator<v1::Outcome>;

std::span<const Indicator> Indicators();

}  // namespace assist::intercultural
