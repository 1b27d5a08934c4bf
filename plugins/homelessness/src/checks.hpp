#pragma once
// Validation helpers shared by the step validators.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/checks.hpp>
#include <optional>
#include <set>
#include <string>

namespace assist::homelessness {

// A date that must fall within the programme's period [from, to]; checked only when all three are
// known.
inline void WithinPlanPeriod(sdk::Violations& v, const std::optional<sdk::Date>& date,
                             const std::optional<sdk::Date>& from,
                             const std::optional<sdk::Date>& to, const std::string& field) {
  sdk::WithinPeriod(v, date, from, to, field, "the plan period", "okresie realizacji programu");
}

}  // namespace assist::homelessness
