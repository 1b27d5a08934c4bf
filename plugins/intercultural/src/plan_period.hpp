#pragma once
// The period a plan runs for (okres realizacji planu) and its 12-month horizon.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>

namespace assist::intercultural {

// A plan covers at most this many months; the work goes on under a new plan version.
inline constexpr int kMaxPlanMonths = 12;

struct Period {
  sdk::Date from;
  sdk::Date to;
};

// The last day a plan starting on `from` may run to: the day before the same date 12 months on
// (2026-10-01 -> 2027-09-30), or the last day of the month when that date does not exist
// (2028-02-29 -> 2029-02-28), the rule of the Civil Code (KC) art. 112 for a missing day.
sdk::Date LastAllowedDay(const sdk::Date& from);

// Checks period_from and period_to; returns the period when both are valid and in order, so the
// deadlines can be checked against it.
std::optional<Period> CheckPeriod(const v1::Plan& plan, const sdk::CaseContext& context,
                                  sdk::Violations& v);

}  // namespace assist::intercultural
