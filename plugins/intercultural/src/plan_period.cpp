#include "plan_period.hpp"

#include <chrono>
#include <string>

#include "checks.hpp"

namespace assist::intercultural {

sdk::Date LastAllowedDay(const sdk::Date& from) {
  // Not sdk::AddMonths, which clamps: 2028-02-29 + 12 months must stay 2029-02-29, which chrono
  // counts as 2029-03-01, so that the day before is 2029-02-28 and not 2029-02-27.
  return sdk::AddDays(from + std::chrono::months{kMaxPlanMonths}, -1);
}

std::optional<Period> CheckPeriod(const v1::Plan& plan, const sdk::CaseContext& context,
                                  sdk::Violations& v) {
  const std::optional<sdk::Date> from = v.RequireDate(plan.period_from(), "period_from");
  const std::optional<sdk::Date> to = v.RequireDate(plan.period_to(), "period_to");
  if (context.referred_on.ok()) {
    NotBefore(v, from, context.referred_on, true, "period_from", "the referral date",
              "data skierowania");
  }
  if (context.step_date.ok()) {
    NotBefore(v, to, context.step_date, true, "period_to", "the plan date", "data planu");
  }
  if (!from || !to) return std::nullopt;
  if (*to < *from) {
    NotBefore(v, to, from, true, "period_to", "period_from", "początek okresu realizacji planu");
    return std::nullopt;
  }
  const sdk::Date last = LastAllowedDay(*from);
  v.Require(*to <= last, "period_to",
            "makes the plan longer than " + std::to_string(kMaxPlanMonths) +
                " months; the last allowed day is " + sdk::FormatDate(last) +
                " (continue under a new plan)",
            "wydłuża plan ponad " + std::to_string(kMaxPlanMonths) +
                " miesięcy; ostatni dopuszczalny dzień to " + sdk::FormatDate(last) +
                " (dalszą pracę należy ująć w nowym planie)");
  return Period{*from, *to};
}

}  // namespace assist::intercultural
