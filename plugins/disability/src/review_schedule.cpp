#include "review_schedule.hpp"

#include <assist/plugin/schedule.hpp>

#include "certificate.hpp"

namespace assist::disability {

std::optional<sdk::Date> ReviewDue(const sdk::CaseContext& context) {
  std::optional<sdk::Date> due = sdk::PeriodicReviewDue(context, kReviewEveryMonths);
  if (!due) return std::nullopt;
  if (const auto expiry = CurrentCertificateExpiry(context); expiry && *expiry < *due) due = expiry;
  return due;
}

}  // namespace assist::disability
