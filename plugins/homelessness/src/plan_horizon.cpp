#include "plan_horizon.hpp"

#include <algorithm>

namespace assist::homelessness {
namespace {

// `plan_start` moved on by the calendar months and days from `since` to it: two years of crisis
// give two years of programme, whatever leap days fall in either span.
sdk::Date AddSpan(sdk::Date since, sdk::Date plan_start) {
  if (plan_start <= since) return plan_start;
  int months = (static_cast<int>(plan_start.year()) - static_cast<int>(since.year())) * 12 +
               (static_cast<int>(static_cast<unsigned>(plan_start.month())) -
                static_cast<int>(static_cast<unsigned>(since.month())));
  if (sdk::AddMonths(since, months) > plan_start) --months;
  const int days = sdk::DaysBetween(sdk::AddMonths(since, months), plan_start);
  return sdk::AddDays(sdk::AddMonths(plan_start, months), days);
}

}  // namespace

std::optional<sdk::Date> ProposedPlanEnd(const v1::Intake& intake, sdk::Date plan_start) {
  if (!plan_start.ok()) return std::nullopt;
  switch (intake.crisis_duration_case()) {
    case v1::Intake::kCrisisSince: {
      const auto since = sdk::ParseDate(intake.crisis_since());
      if (!since) return std::nullopt;
      return AddSpan(*since, plan_start);
    }
    case v1::Intake::kCrisisMonths:
      return sdk::AddMonths(plan_start, std::max(0, intake.crisis_months()));
    case v1::Intake::CRISIS_DURATION_NOT_SET:
      break;
  }
  return std::nullopt;
}

}  // namespace assist::homelessness
