#include "disability_plugin.hpp"

namespace assist::disability {

// Each of the type's own closure reasons and the platform reasons a case closed with it may
// carry (CloseCase refuses any other): only the type's own "goals met" counts as goals achieved.
sdk::Reporting DisabilityPlugin::ReportingRules() const {
  using P = sdk::PlatformClosure;
  return {
      .closure_reason_field = "closure_reason",
      .closure_reasons =
          {
              {"CLOSURE_REASON_GOALS_MET", {P::kGoalsAchieved}},
              {"CLOSURE_REASON_CERTIFICATE_EXPIRED", {P::kOther}},
              {"CLOSURE_REASON_PERSON_RESIGNED", {P::kConsentWithdrawn, P::kNoCooperation}},
              {"CLOSURE_REASON_MOVED", {P::kMovedAway, P::kTransferred}},
              {"CLOSURE_REASON_RESIDENTIAL_CARE", {P::kOther}},
              {"CLOSURE_REASON_FUNDING_ENDED", {P::kOther}},
              {"CLOSURE_REASON_DEATH", {P::kDeath}},
              {"CLOSURE_REASON_OTHER", {P::kOther, P::kNoCooperation, P::kCourtDecision}},
          },
  };
}

}  // namespace assist::disability
