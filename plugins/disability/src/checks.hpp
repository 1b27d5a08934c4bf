#pragma once
// Validation helpers shared by the step validators.
#include <assist/plugin/checks.hpp>
#include <string>

namespace assist::disability {

// A number of hours from 0 to `max`; NaN and infinity are violations too.
bool RequireHours(sdk::Violations& v, double hours, double max, const std::string& field);

// A number of hours that is not negative (and is a number).
bool RequireNonNegativeHours(sdk::Violations& v, double hours, const std::string& field);

}  // namespace assist::disability
