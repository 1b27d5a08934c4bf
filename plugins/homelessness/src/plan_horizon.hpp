#pragma once
// The plan horizon: leaving homelessness is expected to take as long as the crisis has lasted
// (seed 003: "całkowite wyjście ... zajmuje tyle samo czasu ile trwanie w kryzysie").
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/date.hpp>
#include <optional>

namespace assist::homelessness {

// The earliest end of a programme starting on `plan_start`: as long after it as the crisis had
// lasted by then. From crisis_since, the calendar months and days from it to the plan start (since
// 2024-10-01, starting 2026-10-01: until 2028-10-01); from crisis_months (an estimate as at the
// intake), that many calendar months. A month end that does not exist becomes the month's last day.
// nullopt when the intake gives neither (or an invalid date); a crisis said to start after the plan
// start counts as none.
std::optional<sdk::Date> ProposedPlanEnd(const v1::Intake& intake, sdk::Date plan_start);

}  // namespace assist::homelessness
