#pragma once
// The caller's audit trail as the API shows it: pages of events, and the outcome of a walk over
// the chain. Both reads are themselves recorded in the trail.
#include "assist/v1/cases.pb.h"
#include "audit/audit_log.hpp"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

// Events of the caller's trail, newest first, one page (page_size 0: 100, at most 1000).
assist::v1::ListAuditEventsResponse ListAuditEvents(
    Transaction& tx, const Identity& who, const assist::v1::ListAuditEventsRequest& request);

// `checked` (VerifyTrail of the caller's trail, read in a snapshot of its own) as the response;
// the verification is recorded in `tx`, after the rows it checked.
assist::v1::VerifyAuditTrailResponse RecordTrailVerification(Transaction& tx, const Identity& who,
                                                             const TrailVerification& checked);

}  // namespace assist::host
