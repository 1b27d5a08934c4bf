#include <set>

#include "checks.hpp"
#include "disability_plugin.hpp"
#include "hours_budget.hpp"

namespace assist::disability {
namespace {

// A number of hours the centre set (0: not set, the default applies). Returns whether it is set.
bool CheckHours(sdk::Violations& v, int hours, const std::string& path) {
  const std::string max_hours = std::to_string(kHoursInYear);
  v.Require(hours >= 0 && hours <= kHoursInYear, path,
            "must be from 1 to " + max_hours + " (the hours of a year), or 0 for the default",
            "musi mieścić się w przedziale od 1 do " + max_hours +
                " (liczba godzin w roku) albo wynosić 0 (wartość domyślna)");
  return hours != 0;
}

}  // namespace

sdk::Status DisabilityPlugin::ValidateSettings(const v1::CentreSettings& settings,
                                               const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  const std::string first = std::to_string(kMinYear);
  const std::string last = std::to_string(kMaxYear);
  std::set<int> seen;
  for (int i = 0; i < settings.limits_size(); ++i) {
    const v1::YearlyLimit& limit = settings.limits(i);
    const std::string path = sdk::At("limits", i);
    if (v.Require(limit.year() >= kMinYear && limit.year() <= kMaxYear, path + ".year",
                  "must be a year from " + first + " to " + last,
                  "musi być rokiem od " + first + " do " + last)) {
      RequireListedOnce(v, seen, limit.year(), path + ".year");
    }
    bool any = false;
    for (const auto& [hours, field] :
         {std::pair{limit.max_hours_per_person(), "max_hours_per_person"},
          std::pair{limit.significant_multiple(), "significant_multiple"},
          std::pair{limit.significant(), "significant"},
          std::pair{limit.moderate_multiple(), "moderate_multiple"},
          std::pair{limit.moderate(), "moderate"}, std::pair{limit.child(), "child"}}) {
      any = CheckHours(v, hours, path + "." + field) || any;
    }
    // An entry without a number is a mistake (e.g. the year typed, the hours forgotten).
    v.Require(any, path + ".max_hours_per_person",
              "the year sets no limit: give the hours for every tier or for some of them",
              "rok nie ustala żadnego limitu: podaj liczbę godzin dla wszystkich grup lub "
              "dla niektórych");
  }
  return v.ToStatus();
}

}  // namespace assist::disability
