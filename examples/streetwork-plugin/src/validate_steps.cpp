// The steps after the plan: street rounds, reviews and the outcome.

#include "checks.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork {

constexpr std::size_t kMaxTextBytes = 20000;

sdk::Status StreetworkPlugin::ValidateContact(const v1::Contact& contact,
                                              const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  CheckPlace(v, contact.place(), "place");
  if (contact.person_met()) {
    CheckNeeds(v, contact.needs_met(), "needs_met");
  } else {
    v.Require(contact.needs_met_size() == 0, "needs_met",
              "can only be given when the person was met",
              "można podać tylko wtedy, gdy osobę spotkano");
  }
  return v.ToStatus();
}

sdk::Status StreetworkPlugin::ValidateReview(const v1::Review& review,
                                             const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  sdk::RequireEnum(v, review.risk(), v1::Risk_IsValid, "risk");
  v.RequireText(review.assessment(), "assessment", kMaxTextBytes);
  return v.ToStatus();
}

sdk::Status StreetworkPlugin::ValidateOutcome(const v1::Outcome& outcome,
                                              const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  sdk::RequireEnum(v, outcome.result(), v1::Result_IsValid, "result");
  v.RequireText(outcome.summary(), "summary", kMaxTextBytes);
  return v.ToStatus();
}

}  // namespace assist::streetwork
