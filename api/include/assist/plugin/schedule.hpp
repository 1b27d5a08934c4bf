#pragma once
// The periodic review (okresowa ocena) every assistance type schedules for an open case.
#include <assist/plugin/date.hpp>
#include <assist/plugin/plugin.hpp>
#include <optional>

namespace assist::sdk {

// `months` calendar months after the later of the start of work and the last review (a review
// dated before the start does not move the deadline back; a missing day becomes the month's last,
// see AddMonths). nullopt unless the case is open and the work has started.
inline std::optional<Date> PeriodicReviewDue(const CaseContext& context, int months) {
  if (context.state != CaseState::kOpen || !context.work_started_on) return std::nullopt;
  Date from = *context.work_started_on;
  if (context.last_review_on && *context.last_review_on > from) from = *context.last_review_on;
  return AddMonths(from, months);
}

}  // namespace assist::sdk
