#include <set>

#include "checks.hpp"
#include "disability_plugin.hpp"
#include "hours_budget.hpp"

namespace assist::disability {

sdk::Status DisabilityPlugin::ValidateSettings(const v1::CentreSettings& settings,
                                               const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  const std::string first = std::to_string(kMinYear);
  const std::string last = std::to_string(kMaxYear);
  const std::string max_hours = std::to_string(kHoursInYear);
  std::set<int> seen;
  for (int i = 0; i < settings.limits_size(); ++i) {
    const v1::YearlyLimit& limit = settings.limits(i);
    const std::string path = sdk::At("limits", i);
    if (v.Require(limit.year() >= kMinYear && limit.year() <= kMaxYear, path + ".year",
                  "must be a year from " + first + " to " + last,
                  "musi być rokiem od " + first + " do " + last)) {
      RequireListedOnce(v, seen, limit.year(), path + ".year");
    }
    v.Require(limit.max_hours_per_person() >= 1 && limit.max_hours_per_person() <= kHoursInYear,
              path + ".max_hours_per_person",
              "must be from 1 to " + max_hours + " (the hours of a year)",
              "musi mieścić się w przedziale od 1 do " + max_hours + " (liczba godzin w roku)");
  }
  return v.ToStatus();
}

}  // namespace assist::disability
