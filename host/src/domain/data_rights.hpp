#pragma once
// The data-protection rights of the people a centre works with: access to everything held about
// a person (GDPR art. 15) and anonymisation once the retention period after closing has passed.
#include <assist/plugin/date.hpp>
#include <chrono>
#include <cstddef>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

assist::v1::PersonDataExport ExportPersonData(Transaction& tx, const Identity& who,
                                              long long person_id);

// How much one call of AnonymiseExpiredCases may do; zero means no limit. The background sweep
// works in short transactions so that on SQLite no other writer waits long for the write lock:
// it stops taking cases after `max_cases`, or once `time_budget` has passed (checked between
// cases), and is called again in a new transaction until nothing is due.
struct RetentionBatch {
  std::size_t max_cases = 0;
  std::chrono::milliseconds time_budget{0};
};

// Anonymises the cases of `who.centre_id` whose work (closure, or the end of monitoring) ended
// before `as_of` minus `retention_years` (all of them, or one batch of them); returns their ids
// in ascending order. Outcomes are kept for statistics. People and families that are subjects of
// these cases (a family case's subjects include its members) lose their names once none of their
// cases is left un-anonymised. Audited per case.
std::vector<long long> AnonymiseExpiredCases(Transaction& tx, const Identity& who,
                                             const sdk::Date& as_of, int retention_years,
                                             const RetentionBatch& batch = {});

}  // namespace assist::host
