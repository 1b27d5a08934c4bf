#pragma once
// The statistics queries over a centre's cases in one calendar year. Which types are reported and
// what the plugins make of the outcomes is the domain's (domain/statistics.hpp).
#include <map>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

struct YearBounds {
  std::string first, last;  // "YYYY-01-01", "YYYY-12-31"
};

// The counts of every type with cases in the year (or of `type` alone when it is set): served,
// families, people and assistants served, opened, closed, open at the year's end and the
// closures by reason.
std::map<std::string, assist::v1::TypeStatistics> CountCasesOfYear(Transaction& tx,
                                                                   const std::string& centre,
                                                                   const std::string& type,
                                                                   const YearBounds& y);
// The stored outcome JSON of the type's cases closed in the year, in case id order.
std::vector<std::string> OutcomesClosedInYear(Transaction& tx, const std::string& centre,
                                              const std::string& type, const YearBounds& y);

}  // namespace assist::host
