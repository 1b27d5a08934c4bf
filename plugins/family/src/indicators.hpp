#pragma once
// The outcome indicators Bytom's MOPR reports for family assistance (seed 000), in one table
// shared by validation, the indicator store and the yearly summary.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/indicators.hpp>
#include <span>

namespace assist::family {

using Indicator = sdk::Indicator<v1::Outcome>;

std::span<const Indicator> Indicators();

}  // namespace assist::family
