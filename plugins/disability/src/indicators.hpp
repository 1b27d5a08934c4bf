#pragma once
// The outcomes the Sopot centre names for the assistant of a person with a disability (seed 003:
// less isolation, more independence, social contacts, activity and work), in one table shared
// by validation and the yearly summary.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/indicators.hpp>
#include <span>

namespace assist::disability {

using Indicator = sdk::Indicator<v1::Outcome>;

std::span<const Indicator> Indicators();

}  // namespace assist::disability
