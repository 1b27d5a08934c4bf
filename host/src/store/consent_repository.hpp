#pragma once
// The consent decisions recorded on a case (consent_decisions), one row per person decided for;
// the rows from before consent was per person have no person (person_id 0 here). Nothing here
// audits.
#include <string>
#include <vector>

#include "db/database.hpp"

namespace assist::host {

struct StoredConsentDecision {
  long long id = 0;
  long long person_id = 0;  // 0: the whole case's decision, from before consent was per person
  int decision = 0;         // assist.v1.ConsentState
  int given_by = 0;         // assist.v1.ConsentGiver
  std::string given_by_name;
  std::string decided_on;
  std::string recorded_by;
  std::string recorded_at;
};

// `person_id` 0 stores NULL (a decision for the whole case).
void InsertConsentDecisionRow(Transaction& tx, long long case_id, long long person_id, int decision,
                              int given_by, const std::string& given_by_name,
                              const std::string& decided_on, const std::string& note,
                              const std::string& recorded_by);
// The case's decisions in the order recorded.
std::vector<StoredConsentDecision> ListConsentDecisions(Transaction& tx, long long case_id);

}  // namespace assist::host
