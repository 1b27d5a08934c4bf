#pragma once
// The data-protection rights of the people a centre works with: access to everything held about
// a person (GDPR art. 15) and anonymisation once the retention period after closing has passed.
#include <assist/plugin/date.hpp>

#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

assist::v1::PersonDataExport ExportPersonData(Transaction& tx, const Identity& who, long long person_id);

// Anonymises the cases of `who.centre_id` whose work (closure, or the end of monitoring) ended
// before `as_of` minus `retention_years`; returns their ids. Outcomes are kept for statistics.
std::vector<long long> AnonymiseExpiredCases(Transaction& tx, const Identity& who,
                                             const sdk::Date& as_of, int retention_years);

}  // namespace assist::host
