#pragma once
// The audit trail: one row per read or change of a case (and of people and centres), written in
// the call's own transaction so that it commits or rolls back with the change. Each trail (a
// centre's; the platform trail, centre_id "", for calls that concern no centre) is a hash chain
// (audit_chain.hpp) whose head, a row of audit_chain_heads, is locked and moved just before
// COMMIT: appends of concurrent transactions, threads and hosts take turns there.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "audit/chain_verifier.hpp"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

// kDenied: an authenticated caller was refused (PERMISSION_DENIED or NOT_FOUND).
// kRejected: a request was refused for what it asked (INVALID_ARGUMENT, FAILED_PRECONDITION,
// ALREADY_EXISTS): nothing changed, but the attempt (e.g. work after consent was withdrawn) stays
// in the trail.
enum class AuditAction { kRead, kWrite, kDenied, kRejected };

// The row AppendAudit appends, stamped now, for the trail of who.centre_id (the platform trail,
// "", for the operator and the platform auditor, who belong to no centre).
AuditRecord MakeAuditRecord(const Identity& who, std::string_view rpc, long long case_id,
                            AuditAction action, std::string_view detail);

// Appends a row to the trail of who.centre_id when `tx` commits. In a kSnapshotRead transaction,
// which cannot write, the row is kept for TakeDeferredAudit instead: the caller must have it
// committed (AuditGroupCommit) before it answers.
void AppendAudit(Transaction& tx, const Identity& who, std::string_view rpc, long long case_id,
                 AuditAction action, std::string_view detail);

// Appends rows made earlier (MakeAuditRecord, TakeDeferredAudit) when `tx` commits, in order.
void AppendAuditRecords(Transaction& tx, const std::vector<AuditRecord>& rows);

// The rows AppendAudit kept in the snapshot transaction `tx`, oldest first; `tx` keeps none.
std::vector<AuditRecord> TakeDeferredAudit(Transaction& tx);

// Events of the trail `centre_id`, newest first, after `before_id` (0: from the newest).
std::vector<assist::v1::AuditEvent> QueryAudit(soci::session& sql, const std::string& centre_id,
                                               long long case_id, const std::string& actor_id,
                                               long long before_id, int limit);

struct TrailVerification {
  long long rows_checked = 0;    // chained rows and rows from before the chain
  long long pre_chain_rows = 0;  // rows the trail held before its chain began
  ChainHead head;
  std::optional<ChainBreak> first_break;
};

// Verifies the whole trail `centre_id`: the rows from before the chain against the genesis
// hash, then every link, then the head.
TrailVerification VerifyTrail(soci::session& sql, const std::string& centre_id);

}  // namespace assist::host
