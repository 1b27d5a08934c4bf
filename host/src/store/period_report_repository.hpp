#pragma once
// The statements of the period report (GetStatistics' family-support breakdowns) and of the intake
// facts it counts. A case is served in a period when it was referred by the period's last day and
// not closed before its first, as in the yearly figures; `type` empty means every type.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "db/database.hpp"

namespace assist::host {

struct ReportPeriod {
  std::string first;  // "YYYY-MM-DD", inclusive
  std::string last;   // "YYYY-MM-DD", inclusive
};

// When the work of a served case started, and its closing day ("" while open).
struct WorkSpan {
  std::string type_id;
  std::string work_started_on;
  std::string closed_on;
};

// The served cases whose work (consent and an assistant) had started by the period's last day.
std::vector<WorkSpan> ServedWorkSpans(Transaction& tx, const std::string& centre,
                                      const std::string& type, const ReportPeriod& period);

struct FlagCount {
  int cases = 0;
  int families = 0;
};
// Per (type, flag code): the served cases whose current intake has the flag, and their families.
std::map<std::pair<std::string, std::string>, FlagCount> ServedFlagCounts(
    Transaction& tx, const std::string& centre, const std::string& type,
    const ReportPeriod& period);

// Records the flags of a case's intake version (called as the intake is accepted).
void InsertIntakeFlags(Transaction& tx, std::int64_t case_id, int intake_version,
                       const std::vector<std::string>& codes);

// Whether the case's intake version `intake_version` holds the flag `code`.
bool HasIntakeFlag(Transaction& tx, std::int64_t case_id, int intake_version,
                   const std::string& code);

// The centre's name, "" when there is no such centre.
std::string CentreName(Transaction& tx, const std::string& centre_id);

}  // namespace assist::host
