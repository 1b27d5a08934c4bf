#pragma once
// The statistics queries over a centre's cases in a period (a year, a half-year or any range).
// Which types are reported and what the plugins make of the outcomes is the domain's
// (domain/statistics.hpp).
#include <map>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

struct PeriodBounds {
  std::string first, last;  // the period's first and last day, "YYYY-MM-DD"
};

// The counts of every type with cases in the period (or of `type` alone when it is set): served,
// families, people (and of them the families' children) and assistants served, opened, closed,
// open at the period's end and the closures by reason.
std::map<std::string, assist::v1::TypeStatistics> CountCasesOfPeriod(Transaction& tx,
                                                                     const std::string& centre,
                                                                     const std::string& type,
                                                                     const PeriodBounds& y);
// The stored outcome JSON of the type's cases closed in the period, in case id order.
std::vector<std::string> OutcomesClosedInPeriod(Transaction& tx, const std::string& centre,
                                                const std::string& type, const PeriodBounds& y);

}  // namespace assist::host
