#pragma once
// The plan in force and the head's approval of plans (CaseService.ApprovePlan). A type that
// declares PluginInfo::plan_requires_approval (SDK 1.4) has its plan in force only once the head
// approves a version: the latest approved version is in force, a newer one waits for the head's
// decision meanwhile, and a rejected one is never in force. For any other type the latest version
// is in force as soon as it is submitted.
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "plugins/loaded_plugin.hpp"

namespace assist::host {

// nullptr (the type is not loaded) counts as not requiring approval.
bool PlanNeedsApproval(const LoadedPlugin* plugin);
// The plan version the case's work follows now; 0 when there is none.
int PlanInForce(Transaction& tx, const LoadedPlugin* plugin, const assist::v1::Case& c);
// For a step that works on the plan in force (a review): FAILED_PRECONDITION PLAN_NOT_APPROVED
// when plans were submitted but none is in force. (No plan at all is RequirePlan's PLAN_MISSING.)
void RequirePlanInForce(Transaction& tx, const LoadedPlugin& plugin, const assist::v1::Case& c);
// Fills `approval` and `in_force` of versions of the case's plan.
void DescribeApprovals(Transaction& tx, const LoadedPlugin* plugin, const assist::v1::Case& c,
                       google::protobuf::RepeatedPtrField<assist::v1::PlanVersion>& versions);
void DescribeApproval(Transaction& tx, const LoadedPlugin* plugin, const assist::v1::Case& c,
                      assist::v1::PlanVersion& version);

// ApprovePlan's checks and row, without the audit (the workflow writes it with the case):
// refuses what the request cannot mean (INVALID_ARGUMENT), a type that needs no approval, a
// version that is not the latest or was decided already (FAILED_PRECONDITION). `c` is loaded
// for update and visible to `who`.
assist::v1::PlanVersion DecidePlan(Transaction& tx, const Identity& who, const LoadedPlugin& plugin,
                                   const assist::v1::Case& c,
                                   const assist::v1::ApprovePlanRequest& request);

}  // namespace assist::host
