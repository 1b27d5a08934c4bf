#include "checks.hpp"

#include <cmath>

namespace assist::disability {

bool RequireHours(sdk::Violations& v, double hours, double max, const std::string& field) {
  const std::string bound = std::to_string(static_cast<long long>(max));
  return v.Require(std::isfinite(hours) && hours >= 0 && hours <= max, field,
                   "must be between 0 and " + bound + " hours",
                   "musi mieścić się w przedziale od 0 do " + bound + " godzin");
}

bool RequireNonNegativeHours(sdk::Violations& v, double hours, const std::string& field) {
  return v.Require(std::isfinite(hours) && hours >= 0, field,
                   "must be a number of hours, not negative",
                   "musi być liczbą godzin, nie może być ujemna");
}

}  // namespace assist::disability
