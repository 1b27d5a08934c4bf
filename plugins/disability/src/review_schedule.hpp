#pragma once
// When the next periodic assessment of an open case is due.
#include <assist/plugin/plugin.hpp>
#include <optional>

namespace assist::disability {

inline constexpr int kReviewEveryMonths = 6;

// Six months after the later of the start of work and the last review, but no later than the day
// the certificate in the current intake expires: eligibility must be re-checked then.
std::optional<sdk::Date> ReviewDue(const sdk::CaseContext& context);

}  // namespace assist::disability
