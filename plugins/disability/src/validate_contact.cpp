#include <set>

#include "checks.hpp"
#include "validators.hpp"

namespace assist::disability {

sdk::Status ValidateContact(const v1::Contact& contact, const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  RequireHours(v, contact.hours_delivered(), 24, "hours_delivered");
  std::set<int> seen;
  for (int i = 0; i < contact.categories_size(); ++i) {
    const int category = contact.categories(i);
    if (!RequireEnum(v, category, v1::Category_IsValid, At("categories", i))) continue;
    v.Require(seen.insert(category).second, At("categories", i), "is listed more than once",
              "występuje więcej niż raz");
  }
  return v.ToStatus();
}

}  // namespace assist::disability
