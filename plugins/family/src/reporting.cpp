#include "family_plugin.hpp"

namespace assist::family {

// Each of the type's own closure reasons and the platform reasons a case closed with it may
// carry (CloseCase refuses any other): only the type's own "goals met" counts as goals achieved.
sdk::Reporting FamilyPlugin::ReportingRules() const {
  using P = sdk::PlatformClosure;
  return {
      .closure_reason_field = "closure_reason",
      .closure_reasons =
          {
              {"CLOSURE_REASON_GOALS_MET", {P::kGoalsAchieved}},
              {"CLOSURE_REASON_CONSENT_WITHDRAWN", {P::kConsentWithdrawn}},
              {"CLOSURE_REASON_MOVED", {P::kMovedAway, P::kTransferred}},
              {"CLOSURE_REASON_COURT_DECISION", {P::kCourtDecision}},
              {"CLOSURE_REASON_OTHER", {P::kOther, P::kNoCooperation, P::kDeath}},
          },
      // The family-support report counts the families a court obliged to work with an assistant.
      .flags = {{"court_ordered", "Rodziny zobowiązane przez sąd do pracy z asystentem",
                 "Families obliged by a court to work with an assistant", "legal_basis",
                 "LEGAL_BASIS_COURT_ORDER"}},
  };
}

}  // namespace assist::family
