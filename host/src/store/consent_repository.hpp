#pragma once
// The consent decisions recorded on a case (consent_decisions). Nothing here audits.
#include <string>

#include "db/database.hpp"

namespace assist::host {

void InsertConsentDecisionRow(Transaction& tx, long long case_id, int decision,
                              const std::string& decided_on, const std::string& note,
                              const std::string& recorded_by);

}  // namespace assist::host
