#pragma once
// The period GetStatistics reports on: a year, one of its halves, or any range of days.
#include <string>

#include "assist/v1/cases.pb.h"
#include "store/period_report_repository.hpp"

namespace assist::host {

// The first and last day asked for, or INVALID_ARGUMENT with a violation per bad field: a year
// outside 2000..2100, an unknown period, a bad date, `to` before `from`, or a year or period
// given together with a range.
ReportPeriod PeriodOf(const assist::v1::GetStatisticsRequest& request);

// Whether the request is the yearly one (a year, whole): its audit row stays "statistics YYYY".
bool IsWholeYear(const assist::v1::GetStatisticsRequest& request);

}  // namespace assist::host
