#pragma once
// Which roles may call which RPC: the one place authorization by role is decided. Whether a given
// record is visible (centre, assignment) is decided by the scoped queries, and answers NOT_FOUND.
#include <string>
#include <string_view>
#include <vector>

#include "assist/v1/common.pb.h"

namespace assist::host {

// False for an RPC missing from the table: a new RPC is closed until someone writes its line.
bool RoleMayCall(assist::v1::Role role, std::string_view rpc);

// The scope granting an application every RPC its role allows.
inline constexpr std::string_view kAllScopes = "*";

// Whether an identity's scopes let it call `rpc`. Staff have no scopes and are limited by their
// role only; an application (ROLE_APP) is limited by both, and granted nothing without scopes.
bool ScopeGranted(assist::v1::Role role, const std::vector<std::string>& scopes,
                  std::string_view rpc);

// The RPCs in the table (for tests that check every RPC is covered).
std::vector<std::string_view> PolicyRpcs();

// The table as Markdown, one row per RPC and a column per role: what docs/security.md publishes
// (a unit test fails when the two differ).
std::string PolicyTableMarkdown();

}  // namespace assist::host
