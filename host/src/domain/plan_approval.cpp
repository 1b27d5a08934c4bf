#include "domain/plan_approval.hpp"

#include <assist/plugin/checks.hpp>
#include <assist/plugin/validation.hpp>
#include <map>

#include "domain/case_rules.hpp"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "domain/request_checks.hpp"
#include "store/document_repository.hpp"
#include "store/plan_decision_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using assist::v1::PlanApproval;

constexpr std::size_t kMaxReasonBytes = 4000;

std::string Subject(const assist::v1::Case& c) { return "cases/" + std::to_string(c.id()); }

void Describe(bool required, const StoredPlanDecision* decision, int in_force,
              assist::v1::PlanVersion& out) {
  PlanApproval& approval = *out.mutable_approval();
  out.set_in_force(out.version() != 0 && out.version() == in_force);
  if (decision == nullptr) {
    approval.set_state(required ? assist::v1::PLAN_APPROVAL_STATE_PENDING
                                : assist::v1::PLAN_APPROVAL_STATE_NOT_REQUIRED);
    return;
  }
  switch (decision->decision) {
    case PlanDecisionKind::kPredatesApproval:
      approval.set_state(required ? assist::v1::PLAN_APPROVAL_STATE_PREDATES_APPROVAL
                                  : assist::v1::PLAN_APPROVAL_STATE_NOT_REQUIRED);
      return;
    case PlanDecisionKind::kApproved:
      approval.set_state(assist::v1::PLAN_APPROVAL_STATE_APPROVED);
      break;
    case PlanDecisionKind::kRejected:
      approval.set_state(assist::v1::PLAN_APPROVAL_STATE_REJECTED);
      break;
  }
  approval.set_decided_by(decision->decided_by);
  approval.set_decided_on(decision->decided_on);
  approval.set_decided_at(decision->decided_at);
  approval.set_reason(decision->reason);
}

}  // namespace

bool PlanNeedsApproval(const LoadedPlugin* plugin) {
  return plugin != nullptr && plugin->info.plan_requires_approval;
}

int PlanInForce(Transaction& tx, const LoadedPlugin* plugin, const assist::v1::Case& c) {
  if (c.plan_version() == 0 || !PlanNeedsApproval(plugin)) return c.plan_version();
  return LatestPlanVersionInForce(tx, c.id());
}

void RequirePlanInForce(Transaction& tx, const LoadedPlugin& plugin, const assist::v1::Case& c) {
  if (PlanInForce(tx, &plugin, c) != 0) return;
  ThrowPrecondition("PLAN_NOT_APPROVED", Subject(c),
                    "no plan of case " + std::to_string(c.id()) +
                        " is in force: the head of the centre approves it first (ApprovePlan)");
}

void DescribeApprovals(Transaction& tx, const LoadedPlugin* plugin, const assist::v1::Case& c,
                       google::protobuf::RepeatedPtrField<assist::v1::PlanVersion>& versions) {
  std::map<int, StoredPlanDecision> decisions;
  for (auto& d : ListPlanDecisions(tx, c.id())) decisions[d.plan_version] = d;
  const bool required = PlanNeedsApproval(plugin);
  const int in_force = PlanInForce(tx, plugin, c);
  for (auto& version : versions) {
    auto found = decisions.find(version.version());
    Describe(required, found == decisions.end() ? nullptr : &found->second, in_force, version);
  }
}

void DescribeApproval(Transaction& tx, const LoadedPlugin* plugin, const assist::v1::Case& c,
                      assist::v1::PlanVersion& version) {
  auto decision = FindPlanDecision(tx, c.id(), version.version());
  Describe(PlanNeedsApproval(plugin), decision ? &*decision : nullptr, PlanInForce(tx, plugin, c),
           version);
}

assist::v1::PlanVersion DecidePlan(Transaction& tx, const Identity& who, const LoadedPlugin& plugin,
                                   const assist::v1::Case& c,
                                   const assist::v1::ApprovePlanRequest& request) {
  const assist::v1::PlanDecision decision = request.decision();
  sdk::Violations v;
  v.Require(request.version() > 0, "version", "is required: the plan version decided on",
            "jest wymagana: wersja programu, której dotyczy decyzja");
  v.Require(decision == assist::v1::PLAN_DECISION_APPROVED ||
                decision == assist::v1::PLAN_DECISION_REJECTED,
            "decision", "must be APPROVED or REJECTED", "musi być APPROVED albo REJECTED");
  if (decision == assist::v1::PLAN_DECISION_REJECTED) {
    v.RequireText(request.reason(), "reason", kMaxReasonBytes);
  } else {
    sdk::LimitText(v, request.reason(), "reason", kMaxReasonBytes);
  }
  const sdk::Date decided_on = EffectiveDate(v, request.decided_on(), "decided_on", sdk::Today());
  auto plan = request.version() > 0 && request.version() <= c.plan_version()
                  ? FindDocument(tx, c.id(), DocumentKind::kPlan, request.version())
                  : std::nullopt;
  if (plan) {
    // submitted_at is a timestamp; its first ten characters are the day.
    sdk::NotBefore(v, decided_on, sdk::ParseDate(plan->submitted_at.substr(0, 10)), true,
                   "decided_on", "the plan's submission", "złożenie programu");
  }
  if (!v.empty()) ThrowInvalid(v.list());

  RequireOpen(c);
  RequireNoObjection(c);
  if (!PlanNeedsApproval(&plugin)) {
    ThrowPrecondition("PLAN_APPROVAL_NOT_REQUIRED", Subject(c),
                      "plans of assistance type " + c.type_id() +
                          " are in force once submitted: there is nothing to approve");
  }
  RequirePlan(c);
  if (!plan) {
    ThrowNotFoundField("plan version",
                       std::to_string(request.version()) + " of case " + std::to_string(c.id()),
                       {"version", "no such plan version", "nie ma takiej wersji programu"});
  }
  if (request.version() != c.plan_version()) {
    ThrowPrecondition("PLAN_VERSION_SUPERSEDED", Subject(c),
                      "plan version " + std::to_string(request.version()) +
                          " was followed by version " + std::to_string(c.plan_version()) +
                          ": only the latest version is decided on");
  }
  if (auto earlier = FindPlanDecision(tx, c.id(), request.version())) {
    ThrowPrecondition("PLAN_ALREADY_DECIDED", Subject(c),
                      "plan version " + std::to_string(request.version()) +
                          " was decided on already; a change is a new version (SubmitPlan)");
  }

  StoredPlanDecision row;
  row.plan_version = request.version();
  row.decision = decision == assist::v1::PLAN_DECISION_APPROVED ? PlanDecisionKind::kApproved
                                                                : PlanDecisionKind::kRejected;
  row.reason = request.reason();
  row.decided_on = sdk::FormatDate(decided_on);
  row.decided_by = who.actor_id;
  row.decided_at = NowTimestamp();
  InsertPlanDecision(tx, c.id(), row);

  assist::v1::PlanVersion out;
  out.set_case_id(c.id());
  out.set_version(plan->version);
  out.set_submitted_by(plan->submitted_by);
  out.set_submitted_at(plan->submitted_at);
  const auto* type =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(plan->type_name);
  FillPayload(*FromStoredJson(plan->json, type != nullptr ? *type : *plugin.plan),
              *out.mutable_plan());
  DescribeApproval(tx, &plugin, c, out);
  return out;
}

}  // namespace assist::host
