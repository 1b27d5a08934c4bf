#pragma once
// Walks one audit trail's chain (audit_chain.hpp) in sequence order and finds its first broken
// link. Knows nothing of the database: audit_log.cpp feeds it the stored rows.
#include <optional>
#include <string>

#include "audit/audit_chain.hpp"

namespace assist::host {

enum class ChainBreakKind {
  kContentRewritten,  // a row's fields no longer give its hash (or the head's)
  kRowMissing,        // a sequence number is absent, or the chain ends before its head
  kRowsReordered,     // rows swapped places (sequence numbers or ids)
  kForgedRow,         // a row that was never appended (a taken or future sequence number,
                      // or one the chain continues past)
};

struct ChainBreak {
  ChainBreakKind kind = ChainBreakKind::kContentRewritten;
  long long seq = 0;       // where the chain breaks (0: the rows from before the chain)
  long long event_id = 0;  // the row found there (after a gap: the first row after it), or 0
  std::string detail;
};

// The chain head as stored: the last appended row's sequence number and hash.
struct ChainHead {
  long long seq = 0;
  std::string hash;
};

class ChainVerifier {
 public:
  // `genesis_hash`: hash_0 of the trail; `head`: the chain head read before the rows.
  ChainVerifier(std::string genesis_hash, ChainHead head);
  // Appends may commit while the rows are read: rows up to the head as read again afterwards
  // are not forged. Call before adding rows beyond the first head.
  void HeadMovedTo(long long seq) { head_after_seq_ = seq; }

  // The chained rows (seq > 0) in (seq, id) order. Returns false once the chain is broken.
  bool Add(const AuditRecord& row);
  // After the last row: the first break, if any.
  std::optional<ChainBreak> Finish();

  long long rows_checked() const { return rows_checked_; }

 private:
  // Checks `row`, knowing the row that follows it (nullptr at the end).
  void Check(const AuditRecord& row, const AuditRecord* next);
  void Break(ChainBreakKind kind, long long seq, long long event_id, std::string detail);
  // Whether `row` would be a valid link after `previous_hash` at sequence number `seq`.
  static bool LinksAt(const std::string& previous_hash, const AuditRecord& row, long long seq);

  std::string previous_hash_;
  std::string hash_before_previous_;  // to tell a row pushed in front of this one
  ChainHead head_before_;
  long long head_after_seq_;
  long long expected_seq_ = 1;
  long long previous_id_ = 0;
  long long rows_checked_ = 0;
  std::optional<AuditRecord> pending_;
  std::optional<ChainBreak> break_;
};

}  // namespace assist::host
