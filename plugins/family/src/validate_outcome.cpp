#include "checks.hpp"
#include "family_plugin.hpp"
#include "indicators.hpp"

namespace assist::family {
namespace {

// Long enough for any monitoring a centre plans; a larger number is a typing error.
constexpr int kMaxMonitoringMonths = 36;

}  // namespace

sdk::Status FamilyPlugin::ValidateOutcome(const v1::Outcome& outcome,
                                          const sdk::CaseContext& context) {
  sdk::Violations v;
  sdk::CheckRatings(v, Indicators(), outcome);

  v.Require(outcome.goals_total() >= 0, "goals_total", "must not be negative",
            "nie może być ujemna");
  if (v.Require(outcome.goals_attained() >= 0, "goals_attained", "must not be negative",
                "nie może być ujemna")) {
    v.Require(outcome.goals_attained() <= outcome.goals_total(), "goals_attained",
              "must not exceed goals_total", "nie może przekraczać liczby wszystkich celów");
  }

  if (RequireEnum(v, outcome.child_stayed_or_returned(), v1::ChildPlacement_IsValid,
                  "child_stayed_or_returned") &&
      outcome.child_stayed_or_returned() == v1::CHILD_PLACEMENT_RETURNED_FROM_FOSTER_CARE) {
    v1::Intake intake_copy;
    const v1::Intake* intake = sdk::As(context.intake, intake_copy);
    v.Require(intake != nullptr && HasChildInFosterCare(*intake), "child_stayed_or_returned",
              "needs a child in foster care in the current intake",
              "wymaga dziecka w pieczy zastępczej w aktualnej diagnozie rodziny");
  }
  RequireEnum(v, outcome.closure_reason(), v1::ClosureReason_IsValid, "closure_reason");
  v.Require(outcome.monitoring_months() >= 0 && outcome.monitoring_months() <= kMaxMonitoringMonths,
            "monitoring_months", "must be between 0 and " + std::to_string(kMaxMonitoringMonths),
            "musi mieścić się w przedziale od 0 do " + std::to_string(kMaxMonitoringMonths));
  return v.ToStatus();
}

}  // namespace assist::family
