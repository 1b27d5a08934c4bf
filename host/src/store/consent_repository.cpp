#include "store/consent_repository.hpp"

#include "util/clock.hpp"

namespace assist::host {

void InsertConsentDecisionRow(Transaction& tx, long long case_id, long long person_id, int decision,
                              int given_by, const std::string& given_by_name,
                              const std::string& decided_on, const std::string& note,
                              const std::string& recorded_by) {
  std::string now = NowTimestamp();
  soci::indicator person_ind = person_id != 0 ? soci::i_ok : soci::i_null;
  tx.Prepared(
        "INSERT INTO consent_decisions (case_id, person_id, decision, given_by, given_by_name, "
        "decided_on, note, recorded_by, recorded_at) VALUES (:c, :p, :d, :g, :gn, :o, :n, :b, :a)")
      .Bind(soci::use(case_id), soci::use(person_id, person_ind), soci::use(decision),
            soci::use(given_by), soci::use(given_by_name), soci::use(decided_on), soci::use(note),
            soci::use(recorded_by), soci::use(now))
      .Execute();
}

std::vector<StoredConsentDecision> ListConsentDecisions(Transaction& tx, long long case_id) {
  StoredConsentDecision row;
  soci::indicator person_ind = soci::i_null;
  auto st = tx.Prepared(
      "SELECT id, person_id, decision, given_by, given_by_name, decided_on, recorded_by, "
      "recorded_at FROM consent_decisions WHERE case_id = :c ORDER BY id");
  st.Bind(soci::use(case_id), soci::into(row.id), soci::into(row.person_id, person_ind),
          soci::into(row.decision), soci::into(row.given_by), soci::into(row.given_by_name),
          soci::into(row.decided_on), soci::into(row.recorded_by), soci::into(row.recorded_at));
  std::vector<StoredConsentDecision> rows;
  for (bool more = st.Execute(); more; more = st.Fetch()) {
    if (person_ind != soci::i_ok) row.person_id = 0;
    rows.push_back(row);
  }
  return rows;
}

}  // namespace assist::host
