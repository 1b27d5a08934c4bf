#pragma once
// The audit trail: one row per read or change of a case (and of people and centres), written with
// the session of the call's own transaction so that it commits or rolls back with the change.
#include <soci/soci.h>

#include <string>
#include <string_view>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"

namespace assist::host {

// kDenied: an authenticated caller was refused (PERMISSION_DENIED or NOT_FOUND).
// kRejected: a request was refused for what it asked (INVALID_ARGUMENT, FAILED_PRECONDITION,
// ALREADY_EXISTS): nothing changed, but the attempt (e.g. work after consent was withdrawn) stays
// in the trail.
enum class AuditAction { kRead, kWrite, kDenied, kRejected };

void AppendAudit(soci::session& sql, const Identity& who, std::string_view rpc, long long case_id,
                 AuditAction action, std::string_view detail);

// Events of the caller's centre, newest first, after `before_id` (0: from the newest).
std::vector<assist::v1::AuditEvent> QueryAudit(soci::session& sql, const std::string& centre_id,
                                               long long case_id, const std::string& actor_id,
                                               long long before_id, int limit);

}  // namespace assist::host
