#include "domain/report_period.hpp"

#include <assist/plugin/date.hpp>
#include <assist/plugin/validation.hpp>

#include "domain/errors.hpp"

namespace assist::host {
namespace {

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

bool YearInRange(const sdk::Date& date) {
  int year = static_cast<int>(date.year());
  return year >= kFirstYear && year <= kLastYear;
}

ReportPeriod OfYear(const assist::v1::GetStatisticsRequest& request) {
  if (request.year() < kFirstYear || request.year() > kLastYear) {
    ThrowInvalid("year", "must be between 2000 and 2100", "musi mieścić się między 2000 a 2100");
  }
  const std::string year = std::to_string(request.year());
  switch (request.period()) {
    case assist::v1::STATISTICS_PERIOD_UNSPECIFIED:
    case assist::v1::STATISTICS_PERIOD_YEAR:
      return {year + "-01-01", year + "-12-31"};
    case assist::v1::STATISTICS_PERIOD_FIRST_HALF:
      return {year + "-01-01", year + "-06-30"};
    case assist::v1::STATISTICS_PERIOD_SECOND_HALF:
      return {year + "-07-01", year + "-12-31"};
    default:
      ThrowInvalid("period", "is not a known period", "nie jest znanym okresem");
  }
}

}  // namespace

bool IsWholeYear(const assist::v1::GetStatisticsRequest& request) {
  return request.from().empty() && request.to().empty() &&
         (request.period() == assist::v1::STATISTICS_PERIOD_UNSPECIFIED ||
          request.period() == assist::v1::STATISTICS_PERIOD_YEAR);
}

ReportPeriod PeriodOf(const assist::v1::GetStatisticsRequest& request) {
  if (request.from().empty() && request.to().empty()) return OfYear(request);
  sdk::Violations v;
  v.Require(request.year() == 0, "year", "is not given together with from and to",
            "nie podaje się go razem z from i to");
  v.Require(request.period() == assist::v1::STATISTICS_PERIOD_UNSPECIFIED, "period",
            "is not given together with from and to", "nie podaje się go razem z from i to");
  auto from = v.RequireDate(request.from(), "from");
  auto to = v.RequireDate(request.to(), "to");
  if (from) {
    v.Require(YearInRange(*from), "from", "must lie between 2000 and 2100",
              "musi mieścić się między 2000 a 2100");
  }
  if (to) {
    v.Require(YearInRange(*to), "to", "must lie between 2000 and 2100",
              "musi mieścić się między 2000 a 2100");
  }
  if (from && to) {
    v.Require(*from <= *to, "to", "must not be before from (" + request.from() + ")",
              "nie może być wcześniejsza niż from (" + request.from() + ")");
  }
  if (!v.empty()) ThrowInvalid(v.list());
  return {sdk::FormatDate(*from), sdk::FormatDate(*to)};
}

}  // namespace assist::host
