#include "store/plan_decision_repository.hpp"

namespace assist::host {

void InsertPlanDecision(Transaction& tx, long long case_id, const StoredPlanDecision& decision) {
  int version = decision.plan_version, kind = static_cast<int>(decision.decision);
  tx.Prepared(
        "INSERT INTO plan_decisions (case_id, plan_version, decision, reason, decided_on, "
        "decided_by, decided_at) VALUES (:c, :v, :d, :r, :o, :b, :a)")
      .Bind(soci::use(case_id), soci::use(version), soci::use(kind), soci::use(decision.reason),
            soci::use(decision.decided_on), soci::use(decision.decided_by),
            soci::use(decision.decided_at))
      .Execute();
}

std::vector<StoredPlanDecision> ListPlanDecisions(Transaction& tx, long long case_id) {
  StoredPlanDecision row;
  int kind = 0;
  soci::statement st =
      (tx.sql().prepare << "SELECT plan_version, decision, reason, decided_on, decided_by, "
                           "decided_at FROM plan_decisions WHERE case_id = :c "
                           "ORDER BY plan_version",
       soci::use(case_id), soci::into(row.plan_version), soci::into(kind), soci::into(row.reason),
       soci::into(row.decided_on), soci::into(row.decided_by), soci::into(row.decided_at));
  st.execute();
  std::vector<StoredPlanDecision> rows;
  while (st.fetch()) {
    row.decision = static_cast<PlanDecisionKind>(kind);
    rows.push_back(row);
  }
  return rows;
}

std::optional<StoredPlanDecision> FindPlanDecision(Transaction& tx, long long case_id,
                                                   int plan_version) {
  StoredPlanDecision row;
  int kind = 0;
  const bool found =
      tx.Prepared(
            "SELECT plan_version, decision, reason, decided_on, decided_by, decided_at "
            "FROM plan_decisions WHERE case_id = :c AND plan_version = :v")
          .Bind(soci::use(case_id), soci::use(plan_version), soci::into(row.plan_version),
                soci::into(kind), soci::into(row.reason), soci::into(row.decided_on),
                soci::into(row.decided_by), soci::into(row.decided_at))
          .Execute();
  if (!found) return std::nullopt;
  row.decision = static_cast<PlanDecisionKind>(kind);
  return row;
}

int LatestPlanVersionInForce(Transaction& tx, long long case_id) {
  int version = 0;
  soci::indicator ind = soci::i_null;
  tx.Prepared(
        "SELECT MAX(plan_version) FROM plan_decisions WHERE case_id = :c AND decision IN (1, 3)")
      .Bind(soci::use(case_id), soci::into(version, ind))
      .Execute();
  return ind == soci::i_ok ? version : 0;
}

void AnonymisePlanDecisions(Transaction& tx, long long case_id) {
  tx.Prepared("UPDATE plan_decisions SET reason = 'anonymised' WHERE case_id = :c AND reason <> ''")
      .Bind(soci::use(case_id))
      .Execute();
}

}  // namespace assist::host
