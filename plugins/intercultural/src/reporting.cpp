#include "intercultural_plugin.hpp"

namespace assist::intercultural {

// Each of the type's own closure reasons and the platform reasons a case closed with it may
// carry (CloseCase refuses any other): only the type's own "goals met" counts as goals achieved.
sdk::Reporting InterculturalPlugin::ReportingRules() const {
  using P = sdk::PlatformClosure;
  return {
      .closure_reason_field = "closure_reason",
      .closure_reasons =
          {
              {"CLOSURE_REASON_GOALS_MET", {P::kGoalsAchieved}},
              {"CLOSURE_REASON_CONSENT_WITHDRAWN", {P::kConsentWithdrawn, P::kNoCooperation}},
              {"CLOSURE_REASON_MOVED_IN_POLAND", {P::kMovedAway, P::kTransferred}},
              {"CLOSURE_REASON_LEFT_POLAND", {P::kMovedAway}},
              {"CLOSURE_REASON_OTHER",
               {P::kOther, P::kNoCooperation, P::kCourtDecision, P::kDeath}},
          },
  };
}

}  // namespace assist::intercultural
