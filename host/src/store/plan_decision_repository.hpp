#pragma once
// The head's decisions on a case's plan versions (plan_decisions, core migration 14). One row per
// decided version; a version with no row is waiting for a decision. Nothing here audits.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace assist::host {

// kPredatesApproval: a version submitted before core migration 14, which no one decided on.
enum class PlanDecisionKind { kApproved = 1, kRejected = 2, kPredatesApproval = 3 };

struct StoredPlanDecision {
  int plan_version = 0;
  PlanDecisionKind decision = PlanDecisionKind::kApproved;
  std::string reason;
  std::string decided_on;  // YYYY-MM-DD
  std::string decided_by;
  std::string decided_at;
};

void InsertPlanDecision(Transaction& tx, long long case_id, const StoredPlanDecision& decision);
// Every decision on the case's plan versions, by version.
std::vector<StoredPlanDecision> ListPlanDecisions(Transaction& tx, long long case_id);
std::optional<StoredPlanDecision> FindPlanDecision(Transaction& tx, long long case_id,
                                                   int plan_version);
// The highest version of the case's plan that is approved or predates the approval step; 0 when
// there is none.
int LatestPlanVersionInForce(Transaction& tx, long long case_id);
// Retention: the reasons of the case's rejections become 'anonymised'.
void AnonymisePlanDecisions(Transaction& tx, long long case_id);

}  // namespace assist::host
