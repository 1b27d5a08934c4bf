#include "checks.hpp"
#include "indicators.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {

sdk::Status InterculturalPlugin::ValidateOutcome(const v1::Outcome& outcome,
                                                 const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  sdk::CheckRatings(v, Indicators(), outcome);
  if (RequireEnum(v, outcome.closure_reason(), v1::ClosureReason_IsValid, "closure_reason") &&
      outcome.closure_reason() == v1::CLOSURE_REASON_OTHER) {
    v.RequireText(outcome.closure_note(), "closure_note", 2000);
  } else {
    LimitText(v, outcome.closure_note(), "closure_note", 2000);
  }
  return v.ToStatus();
}

}  // namespace assist::intercultural
