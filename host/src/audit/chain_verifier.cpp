#include "audit/chain_verifier.hpp"

#include <utility>

namespace assist::host {

ChainVerifier::ChainVerifier(std::string genesis_hash, ChainHead head)
    : previous_hash_(std::move(genesis_hash)),
      head_before_(std::move(head)),
      head_after_seq_(head_before_.seq) {}

bool ChainVerifier::LinksAt(const std::string& previous_hash, const AuditRecord& row,
                            long long seq) {
  AuditRecord moved = row;
  moved.seq = seq;
  return LinkHash(previous_hash, moved) == row.hash;
}

void ChainVerifier::Break(ChainBreakKind kind, long long seq, long long event_id,
                          std::string detail) {
  if (!break_) break_ = ChainBreak{kind, seq, event_id, std::move(detail)};
}

bool ChainVerifier::Add(const AuditRecord& row) {
  if (pending_) Check(*pending_, &row);
  pending_ = row;
  return !break_;
}

std::optional<ChainBreak> ChainVerifier::Finish() {
  if (pending_) Check(*pending_, nullptr);
  pending_.reset();
  if (!break_ && expected_seq_ - 1 < head_before_.seq) {
    Break(ChainBreakKind::kRowMissing, expected_seq_, 0,
          "the chain ends at sequence number " + std::to_string(expected_seq_ - 1) +
              " but its head is at " + std::to_string(head_before_.seq) +
              ": the last rows were removed");
  }
  return break_;
}

void ChainVerifier::Check(const AuditRecord& row, const AuditRecord* next) {
  if (break_) return;
  const std::string seq = std::to_string(row.seq);
  if (row.seq < expected_seq_) {
    return Break(ChainBreakKind::kForgedRow, row.seq, row.id,
                 "a second row claims sequence number " + seq);
  }
  if (row.seq > head_after_seq_) {
    return Break(ChainBreakKind::kForgedRow, row.seq, row.id,
                 "sequence number " + seq + " lies beyond the chain head (" +
                     std::to_string(head_after_seq_) + "): no append wrote it");
  }
  if (row.seq > expected_seq_) {
    return Break(ChainBreakKind::kRowMissing, expected_seq_, row.id,
                 "sequence numbers " + std::to_string(expected_seq_) + " to " +
                     std::to_string(row.seq - 1) + " are missing");
  }
  if (!LinksAt(previous_hash_, row, row.seq)) {
    // Another row holds this place in the chain: this one was put beside it.
    if (next != nullptr && next->seq == row.seq && LinksAt(previous_hash_, *next, row.seq)) {
      return Break(ChainBreakKind::kForgedRow, row.seq, row.id,
                   "a second row claims sequence number " + seq + " (event " +
                       std::to_string(next->id) + " holds it)");
    }
    // The row after this one fits here: either the two swapped places, or this row was put in
    // front of it.
    if (next != nullptr && next->seq == row.seq + 1 && LinksAt(previous_hash_, *next, row.seq)) {
      if (LinksAt(next->hash, row, row.seq + 1)) {
        return Break(
            ChainBreakKind::kRowsReordered, row.seq, row.id,
            "this row and the next (event " + std::to_string(next->id) + ") swapped places");
      }
      return Break(ChainBreakKind::kForgedRow, row.seq, row.id,
                   "the chain continues past this row (event " + std::to_string(next->id) +
                       " links to the row before it)");
    }
    // This row fits one place earlier: the row before it was pushed in (and hashed to fit).
    if (row.seq > 1 && LinksAt(hash_before_previous_, row, row.seq - 1)) {
      return Break(ChainBreakKind::kForgedRow, row.seq - 1, previous_id_,
                   "the chain continues past this row (event " + std::to_string(row.id) +
                       " links to the row before it)");
    }
    return Break(ChainBreakKind::kContentRewritten, row.seq, row.id,
                 "the row's fields do not give its hash");
  }
  if (row.id <= previous_id_) {
    return Break(ChainBreakKind::kRowsReordered, row.seq, row.id,
                 "event id " + std::to_string(row.id) + " is not above the previous row's (" +
                     std::to_string(previous_id_) + ")");
  }
  if (row.seq == head_before_.seq && row.hash != head_before_.hash) {
    return Break(ChainBreakKind::kContentRewritten, row.seq, row.id,
                 "the row's hash differs from the one the chain head recorded");
  }
  hash_before_previous_ = std::move(previous_hash_);
  previous_hash_ = row.hash;
  previous_id_ = row.id;
  expected_seq_ = row.seq + 1;
  ++rows_checked_;
}

}  // namespace assist::host
