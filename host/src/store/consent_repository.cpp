#include "store/consent_repository.hpp"

#include "util/clock.hpp"

namespace assist::host {

void InsertConsentDecisionRow(Transaction& tx, long long case_id, int decision,
                              const std::string& decided_on, const std::string& note,
                              const std::string& recorded_by) {
  std::string now = NowTimestamp();
  tx.Prepared(
        "INSERT INTO consent_decisions (case_id, decision, decided_on, note, recorded_by, "
        "recorded_at) VALUES (:c, :d, :o, :n, :b, :a)")
      .Bind(soci::use(case_id), soci::use(decision), soci::use(decided_on), soci::use(note),
            soci::use(recorded_by), soci::use(now))
      .Execute();
}

}  // namespace assist::host
