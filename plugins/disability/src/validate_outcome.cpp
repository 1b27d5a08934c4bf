#include "checks.hpp"
#include "disability_plugin.hpp"
#include "indicators.hpp"

namespace assist::disability {

sdk::Status DisabilityPlugin::ValidateOutcome(const v1::Outcome& outcome,
                                              const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  sdk::CheckRatings(v, Indicators(), outcome);
  v.Require(outcome.hours_planned() >= 0, "hours_planned", "must not be negative",
            "nie może być ujemna");
  RequireNonNegativeHours(v, outcome.hours_delivered(), "hours_delivered");
  RequireEnum(v, outcome.closure_reason(), v1::ClosureReason_IsValid, "closure_reason");
  return v.ToStatus();
}

}  // namespace assist::disability
