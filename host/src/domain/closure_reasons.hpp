#pragma once
// CloseCase's reconciliation of the two closure reasons: the platform's (what the statistics
// count) and the assistance type's own in the outcome, which the plugin maps to the platform's.
#include <google/protobuf/message.h>

#include "assist/v1/cases.pb.h"
#include "plugins/loaded_plugin.hpp"

namespace assist::host {

// INVALID_ARGUMENT naming both reasons (fields "reason" and "outcome.<field>") when the outcome's
// own reason does not map to `reason`; nothing when the type declares no mapping (a plugin older
// than SDK 1.3) or the outcome leaves its reason unset (the plugin's validation says so).
void RequireMatchingClosureReason(const LoadedPlugin& plugin, assist::v1::ClosureReason reason,
                                  const google::protobuf::Message& outcome);

// Whether the type can close a case as TRANSFERRED: one of its own closure reasons maps to it, or
// the type declares no mapping. An accepted transfer closes its origin case so, without an outcome
// (the work goes on at the receiving centre).
bool ClosesAsTransferred(const ReportingRules& rules);

}  // namespace assist::host
