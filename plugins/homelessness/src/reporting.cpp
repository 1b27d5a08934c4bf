#include "homelessness_plugin.hpp"

namespace assist::homelessness {

// Each of the type's own closure reasons and the platform reasons a case closed with it may
// carry (CloseCase refuses any other): only the type's own "goals met" counts as goals achieved.
sdk::Reporting HomelessnessPlugin::ReportingRules() const {
  using P = sdk::PlatformClosure;
  return {
      .closure_reason_field = "closure_reason",
      .closure_reasons =
          {
              {"CLOSURE_REASON_GOALS_ACHIEVED", {P::kGoalsAchieved}},
              {"CLOSURE_REASON_RESIGNED", {P::kConsentWithdrawn}},
              {"CLOSURE_REASON_NO_COOPERATION", {P::kNoCooperation}},
              {"CLOSURE_REASON_MOVED_AWAY", {P::kMovedAway, P::kTransferred}},
              {"CLOSURE_REASON_INSTITUTION", {P::kOther, P::kCourtDecision}},
              {"CLOSURE_REASON_DEATH", {P::kDeath}},
              {"CLOSURE_REASON_OTHER", {P::kOther}},
          },
  };
}

}  // namespace assist::homelessness
