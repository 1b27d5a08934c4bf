#include "checks.hpp"
#include "validators.hpp"

namespace assist::disability {

sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  RequireHours(v, contact.hours_delivered(), 24, "hours_delivered");
  RequireUniqueCodes(v, contact.categories(), v1::Category_IsValid, "categories");
  return v.ToStatus();
}

}  // namespace assist::disability
