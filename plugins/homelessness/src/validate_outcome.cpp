#include "checks.hpp"
#include "homelessness_plugin.hpp"
#include "housing.hpp"
#include "indicators.hpp"

namespace assist::homelessness {
namespace {

// Long enough for any monitoring a centre plans; a larger number is a typing error.
constexpr int kMaxMonitoringMonths = 36;

}  // namespace

sdk::Status HomelessnessPlugin::ValidateOutcome(const v1::Outcome& outcome,
                                                const sdk::CaseContext& /*context*/) {
  sdk::Violations v;
  const bool housing_known =
      RequireEnum(v, outcome.housing_status(), v1::HousingStatus_IsValid, "housing_status");
  RequireEnum(v, outcome.work_status(), v1::WorkStatus_IsValid, "work_status");
  RequireEnum(v, outcome.therapy(), v1::Therapy_IsValid, "therapy");
  RequireEnum(v, outcome.main_income_source(), v1::IncomeSource_IsValid, "main_income_source");
  if (RequireEnum(v, outcome.closure_reason(), v1::ClosureReason_IsValid, "closure_reason") &&
      housing_known && outcome.closure_reason() == v1::CLOSURE_REASON_GOALS_ACHIEVED) {
    // The aim is gaining and keeping independence: without a home the goals are not achieved.
    v.Require(IsHoused(outcome.housing_status()), "closure_reason",
              "\"goals achieved\" needs own or rented, social or supported housing at exit",
              "\"osiągnięcie celów\" wymaga na zakończenie mieszkania własnego lub wynajmowanego, "
              "lokalu socjalnego albo mieszkania wspomaganego");
  }
  sdk::CheckRatings(v, RatingIndicators(), outcome);
  v.Require(outcome.monitoring_months() >= 0 && outcome.monitoring_months() <= kMaxMonitoringMonths,
            "monitoring_months", "must be between 0 and " + std::to_string(kMaxMonitoringMonths),
            "musi mieścić się w przedziale od 0 do " + std::to_string(kMaxMonitoringMonths));
  return v.ToStatus();
}

}  // namespace assist::homelessness
