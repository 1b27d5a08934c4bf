#include "checks.hpp"
#include "disability_plugin.hpp"

namespace assist::disability {

sdk::Status DisabilityPlugin::ValidateReview(const v1::Review& review,
                                             const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  v.RequireText(review.assessment(), "assessment", 20000);
  RequireEnum(v, review.progress(), v1::Progress_IsValid, "progress");
  if (review.has_hours_used_so_far()) {
    RequireNonNegativeHours(v, review.hours_used_so_far(), "hours_used_so_far");
  }
  RequireEnum(v, review.recommendation(), v1::Recommendation_IsValid, "recommendation");
  return v.ToStatus();
}

}  // namespace assist::disability
