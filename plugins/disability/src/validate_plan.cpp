#include <cstdint>

#include "assistant_statement.hpp"
#include "certificate.hpp"
#include "checks.hpp"
#include "disability_plugin.hpp"
#include "hours_budget.hpp"

namespace assist::disability {
namespace {

// Returns whether the year is plausible, so that the period and the budget can be checked.
bool CheckPeriod(const v1::Plan& plan, sdk::Violations& v, std::optional<sdk::Date>& from,
                 std::optional<sdk::Date>& to) {
  const std::string first = std::to_string(kMinYear);
  const std::string last = std::to_string(kMaxYear);
  const bool year_ok = v.Require(plan.year() >= kMinYear && plan.year() <= kMaxYear, "year",
                                 "must be a year from " + first + " to " + last,
                                 "musi być rokiem od " + first + " do " + last);
  from = v.RequireDate(plan.period_from(), "period_from");
  to = v.RequireDate(plan.period_to(), "period_to");
  const std::chrono::year year{plan.year()};
  const std::string in_year = std::to_string(plan.year());
  for (const auto& [date, field] : {std::pair{from, "period_from"}, std::pair{to, "period_to"}}) {
    if (year_ok && date && date->year() != year) {
      v.Add(field, "must lie in the plan year " + in_year,
            "musi przypadać w roku planu " + in_year);
    }
  }
  if (from && to && *to < *from) {
    v.Add("period_to", "must not be before period_from",
          "nie może być wcześniejszy niż początek okresu");
  }
  return year_ok;
}

// Returns the planned hours of all activities together.
std::int64_t CheckActivities(const v1::Plan& plan, sdk::Violations& v) {
  v.Require(plan.activities_size() > 0, "activities", "at least one activity is required",
            "wymagane jest co najmniej jedno działanie");
  std::int64_t total = 0;
  for (int i = 0; i < plan.activities_size(); ++i) {
    const v1::Activity& activity = plan.activities(i);
    const std::string path = sdk::At("activities", i);
    RequireEnum(v, activity.category(), v1::Category_IsValid, path + ".category");
    v.RequireText(activity.description(), path + ".description");
    const int hours = activity.planned_hours();
    if (v.Require(hours >= 1 && hours <= kHoursInYear, path + ".planned_hours",
                  "must be between 1 and " + std::to_string(kHoursInYear),
                  "musi mieścić się w przedziale od 1 do " + std::to_string(kHoursInYear))) {
      total += hours;
    }
  }
  return total;
}

// The participant's tier comes from the certificate in the current intake.
void CheckBudget(const v1::Plan& plan, std::int64_t total, const sdk::CaseContext& context,
                 sdk::Violations& v) {
  const Tier tier = TierOf(context.intake);
  const int limit = MaxHoursPerPerson(context.settings, plan.year(), tier);
  if (total <= limit) return;
  const std::string numbers = std::to_string(total);
  const std::string max = std::to_string(limit);
  const std::string year = std::to_string(plan.year());
  const TierText text = DescribeTier(tier);
  v.Add("activities",
        "plan " + numbers + " hours in total, more than the yearly limit of " + max +
            " hours per participant in " + year + " (" + text.en + ")",
        "przewidują łącznie " + numbers + " godzin, więcej niż roczny limit wynoszący " + max +
            " godzin na uczestnika w roku " + year + " (" + text.pl + ")");
}

void WarnIfCertificateExpires(const std::optional<sdk::Date>& to, const sdk::CaseContext& context,
                              sdk::Status& status) {
  const auto expiry = CurrentCertificateExpiry(context);
  if (!expiry || !to || *expiry >= *to) return;
  const std::string until = sdk::FormatDate(*expiry);
  const std::string end = sdk::FormatDate(*to);
  status.AddWarning(
      {"CERTIFICATE_EXPIRES_DURING_PLAN",
       "The disability certificate is valid until " + until + ", before the plan ends on " + end +
           ": support after that day needs a renewed certificate in the intake.",
       "Orzeczenie jest ważne do " + until + ", a plan kończy się " + end +
           ": wsparcie po tym dniu wymaga wpisania nowego orzeczenia do rozpoznania."});
}

}  // namespace

sdk::Status DisabilityPlugin::ValidatePlan(const v1::Plan& plan, const sdk::CaseContext& context) {
  sdk::Violations v;
  std::optional<sdk::Date> from;
  std::optional<sdk::Date> to;
  const bool year_ok = CheckPeriod(plan, v, from, to);
  const std::int64_t total = CheckActivities(plan, v);
  if (year_ok) CheckBudget(plan, total, context, v);
  CheckAssistantStatement(plan, context, v);

  sdk::Status status = v.ToStatus();
  if (status.ok()) WarnIfCertificateExpires(to, context, status);
  return status;
}

}  // namespace assist::disability
