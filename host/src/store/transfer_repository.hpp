#pragma once
// Transfers of a case between centres (case_transfers, core migration 17), and the copies an
// accepted transfer makes of the origin case's rows. Reads are scoped by centre: a transfer is
// found by the centre that sends it and the one that receives it, by no other. Nothing here
// audits or decides who may act on a transfer (domain/case_transfers.hpp does).
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

struct StoredTransfer {
  assist::v1::CaseTransfer transfer;  // without `direction`, which depends on who reads it
  std::string origin_referred_on;
};

// Returns the new transfer's id; the row is pending.
long long InsertTransfer(Transaction& tx, const assist::v1::CaseTransfer& t,
                         const std::string& origin_referred_on);
// The transfer if `centre_id` sends or receives it, locked until the transaction ends
// (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises writers).
std::optional<StoredTransfer> FindTransferForUpdate(Transaction& tx, const std::string& centre_id,
                                                    long long id);
// The accepted transfer that opened `new_case_id` in `centre_id`.
std::optional<StoredTransfer> FindTransferIntoCase(Transaction& tx, const std::string& centre_id,
                                                   long long new_case_id);
// The id of the case's pending transfer, if it has one.
std::optional<long long> PendingTransferOf(Transaction& tx, long long case_id);
// Moves a pending transfer to its decision (accepted, declined or cancelled); `new_case_id` 0
// for none. Returns false when it was no longer pending.
bool DecideTransfer(Transaction& tx, long long id, assist::v1::TransferState state,
                    const std::string& decided_by, const std::string& decided_at,
                    const std::string& decline_reason, long long new_case_id);

// A page of the transfers the centre sends (outgoing), receives (incoming) or both (neither
// set), newest first, before `before_id` (0: from the newest); `state` 0: any.
struct TransferListFilter {
  bool outgoing = true;
  bool incoming = true;
  int state = 0;
  long long before_id = 0;
  int fetch = 0;
};
std::vector<StoredTransfer> ListTransferRows(Transaction& tx, const std::string& centre_id,
                                             const TransferListFilter& filter);

// Retention: the free texts of the transfers of `case_id` (as their origin or the case they
// opened) become 'anonymised'; ids, centres, dates and states stay.
void AnonymiseTransferTexts(Transaction& tx, long long case_id);

// The intake facts the reports count (case_report_flags) of one intake version, for a copy of
// that intake as `to_version` of `to_case`.
void CopyIntakeFlags(Transaction& tx, long long from_case, int from_version, long long to_case,
                     int to_version);

}  // namespace assist::host
