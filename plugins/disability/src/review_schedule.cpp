#include "review_schedule.hpp"

#include "certificate.hpp"

namespace assist::disability {

std::optional<sdk::Date> ReviewDue(const sdk::CaseContext& context) {
  if (context.state != sdk::CaseState::kOpen || !context.work_started_on) return std::nullopt;
  sdk::Date from = *context.work_started_on;
  if (context.last_review_on && *context.last_review_on > from) from = *context.last_review_on;
  sdk::Date due = sdk::AddMonths(from, kReviewEveryMonths);
  if (const auto expiry = CurrentCertificateExpiry(context); expiry && *expiry < due) due = *expiry;
  return due;
}

}  // namespace assist::disability
