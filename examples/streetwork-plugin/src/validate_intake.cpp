
#include "checks.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork {

constexpr int kMaxMonthsWithoutHome = 600;

sdk::Status StreetworkPlugin::ValidateIntake(const v1::Intake& intake,
                                             const sdk::CaseContext& context) {
  sdk::Violations v;
  sdk::NotAfterStep(v, v.RequireDate(intake.first_met_on(), "first_met_on"), context,
                    "first_met_on");
  CheckPlace(v, intake.met_at(), "met_at");
  v.Require(
      intake.months_without_home() >= 0 && intake.months_without_home() <= kMaxMonthsWithoutHome,
      "months_without_home", "must be between 0 and 600", "musi mieścić się w zakresie 0-600");
  if (v.Require(intake.needs_size() > 0, "needs", "at least one need is required",
                "wymagana jest co najmniej jedna potrzeba")) {
    CheckNeeds(v, intake.needs(), "needs");
  }
  sdk::RequireEnum(v, intake.risk(), v1::Risk_IsValid, "risk");
  sdk::LimitText(v, intake.notes(), "notes", 20000);
  return v.ToStatus();
}

}  // namespace assist::streetwork
