#include "audit/audit_log.hpp"

#include <map>
#include <utility>
#include <vector>

#include "audit/audit_chain.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

constexpr const char* kRecordColumns =
    "id, centre_id, seq, at, actor_id, role, rpc, case_id, action, detail, request_id, hash";

// Binds the columns of kRecordColumns into `row`.
soci::details::prepare_temp_type IntoRecord(soci::details::prepare_temp_type prepared,
                                            AuditRecord& row) {
  return prepared, soci::into(row.id), soci::into(row.centre_id), soci::into(row.seq),
         soci::into(row.at), soci::into(row.actor_id), soci::into(row.role), soci::into(row.rpc),
         soci::into(row.case_id), soci::into(row.action), soci::into(row.detail),
         soci::into(row.request_id), soci::into(row.hash);
}

std::string ActionName(AuditAction action) {
  switch (action) {
    case AuditAction::kRead:
      return "read";
    case AuditAction::kWrite:
      return "write";
    case AuditAction::kDenied:
      return "denied";
    case AuditAction::kRejected:
      return "rejected";
  }
  return "unknown";
}

struct StoredHead {
  ChainHead head;
  long long genesis_rows = 0;
  std::string genesis_hash;
};

std::optional<StoredHead> ReadHead(soci::session& sql, const std::string& centre_id,
                                   bool for_update) {
  StoredHead stored;
  sql << std::string(
             "SELECT seq, hash, genesis_rows, genesis_hash FROM audit_chain_heads "
             "WHERE centre_id = :c") +
             (for_update ? " FOR UPDATE" : ""),
      soci::use(centre_id), soci::into(stored.head.seq), soci::into(stored.head.hash),
      soci::into(stored.genesis_rows), soci::into(stored.genesis_hash);
  if (!sql.got_data()) return std::nullopt;
  return stored;
}

// ReadHead on the append path, on a statement prepared once per connection.
std::optional<StoredHead> ReadHead(Transaction& tx, const std::string& centre_id, bool for_update) {
  StoredHead stored;
  const bool found =
      tx.Prepared(std::string("SELECT seq, hash, genesis_rows, genesis_hash FROM "
                              "audit_chain_heads WHERE centre_id = :c") +
                  (for_update ? " FOR UPDATE" : ""))
          .Bind(soci::use(centre_id), soci::into(stored.head.seq), soci::into(stored.head.hash),
                soci::into(stored.genesis_rows), soci::into(stored.genesis_hash))
          .Execute();
  if (!found) return std::nullopt;
  return stored;
}

// The genesis of a trail: the rows it held before its chain began (seq 0), hashed in id order.
GenesisHasher HashPreChainRows(soci::session& sql, const std::string& centre_id) {
  GenesisHasher genesis(centre_id);
  AuditRecord row;
  soci::statement st = (IntoRecord(sql.prepare << std::string("SELECT ") + kRecordColumns +
                                                      " FROM audit_events WHERE centre_id = :c "
                                                      "AND seq = 0 ORDER BY id",
                                   row),
                        soci::use(centre_id));
  st.execute();
  while (st.fetch()) genesis.Add(row);
  return genesis;
}

// The trail's head, locked until COMMIT on PostgreSQL (SQLite writers are serialised by BEGIN
// IMMEDIATE). A trail's first append records its genesis; two first appends racing both insert
// with ON CONFLICT DO NOTHING, the second waits for the first and then locks the same row.
ChainHead LockHead(Transaction& tx, bool postgresql, const std::string& centre_id) {
  if (auto stored = ReadHead(tx, centre_id, postgresql)) return stored->head;
  soci::session& sql = tx.sql();
  GenesisHasher genesis = HashPreChainRows(sql, centre_id);
  const std::string hash = genesis.Hash();
  const long long rows = genesis.rows();
  const std::string now = NowTimestamp();
  sql << "INSERT INTO audit_chain_heads (centre_id, seq, hash, genesis_rows, genesis_hash, "
         "started_at) VALUES (:c, 0, :h, :n, :g, :t) ON CONFLICT (centre_id) DO NOTHING",
      soci::use(centre_id), soci::use(hash), soci::use(rows), soci::use(hash), soci::use(now);
  return ReadHead(tx, centre_id, postgresql).value().head;
}

// The audit rows a transaction appends, written at its COMMIT.
struct PendingAudit {
  std::vector<AuditRecord> rows;
};

// The audit rows of a snapshot transaction, which another transaction writes (TakeDeferredAudit).
struct DeferredAudit {
  std::vector<AuditRecord> rows;
};

// Locks the head of every trail the rows go to, in centre id order (so that two transactions
// appending to the same trails never wait for each other in a cycle), chains and inserts the rows
// in the order they were appended, and moves each head once.
void AppendPending(Transaction& tx, bool postgresql, PendingAudit& pending) {
  std::map<std::string, ChainHead> heads;
  for (const AuditRecord& row : pending.rows) heads.emplace(row.centre_id, ChainHead{});
  for (auto& [centre, head] : heads) head = LockHead(tx, postgresql, centre);
  AuditRecord row;
  PreparedStatement insert = tx.Prepared(
      "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, "
      "action, detail, request_id, seq, hash) VALUES (:at, :actor, :role, "
      ":centre, :rpc, :case_id, :action, :detail, :rid, :seq, :hash)");
  insert.Bind(soci::use(row.at), soci::use(row.actor_id), soci::use(row.role),
              soci::use(row.centre_id), soci::use(row.rpc), soci::use(row.case_id),
              soci::use(row.action), soci::use(row.detail), soci::use(row.request_id),
              soci::use(row.seq), soci::use(row.hash));
  for (const AuditRecord& appended : pending.rows) {
    row = appended;
    ChainHead& head = heads[row.centre_id];
    row.seq = head.seq + 1;
    row.hash = LinkHash(head.hash, row);
    insert.Execute();
    head = ChainHead{row.seq, row.hash};
  }
  PreparedStatement move_head =
      tx.Prepared("UPDATE audit_chain_heads SET seq = :s, hash = :h WHERE centre_id = :c");
  for (const auto& [centre, head] : heads) {
    move_head.Bind(soci::use(head.seq), soci::use(head.hash), soci::use(centre)).Execute();
  }
  pending.rows.clear();
}

}  // namespace

AuditRecord MakeAuditRecord(const Identity& who, std::string_view rpc, long long case_id,
                            AuditAction action, std::string_view detail) {
  AuditRecord row;
  row.centre_id = who.centre_id;
  row.at = NowTimestamp();
  row.actor_id = who.actor_id;
  row.role = who.role;
  row.rpc = std::string(rpc);
  row.case_id = case_id;
  row.action = ActionName(action);
  row.detail = std::string(detail);
  row.request_id = who.request_id;
  return row;
}

void AppendAuditRecords(Transaction& tx, const std::vector<AuditRecord>& rows) {
  if (rows.empty()) return;
  PendingAudit& pending = tx.Local<PendingAudit>();
  if (pending.rows.empty()) {
    const bool postgresql = tx.backend() == sdk::Backend::kPostgresql;
    tx.BeforeCommit(
        [&pending, postgresql](Transaction& self) { AppendPending(self, postgresql, pending); });
  }
  pending.rows.insert(pending.rows.end(), rows.begin(), rows.end());
}

void AppendAudit(Transaction& tx, const Identity& who, std::string_view rpc, long long case_id,
                 AuditAction action, std::string_view detail) {
  AuditRecord row = MakeAuditRecord(who, rpc, case_id, action, detail);
  if (tx.mode() == TransactionMode::kSnapshotRead) {
    tx.Local<DeferredAudit>().rows.push_back(std::move(row));
    return;
  }
  AppendAuditRecords(tx, {std::move(row)});
}

std::vector<AuditRecord> TakeDeferredAudit(Transaction& tx) {
  return std::exchange(tx.Local<DeferredAudit>().rows, {});
}

std::vector<assist::v1::AuditEvent> QueryAudit(soci::session& sql, const std::string& centre_id,
                                               long long case_id, const std::string& actor_id,
                                               long long before_id, int limit) {
  std::vector<assist::v1::AuditEvent> events;
  AuditRecord row;
  // Optional filters are bound as values; 0 / '' mean "any" so the statement text never varies.
  soci::statement st =
      (IntoRecord(sql.prepare << std::string("SELECT ") + kRecordColumns +
                                     " FROM audit_events WHERE centre_id = :centre "
                                     "AND (:case_id = 0 OR case_id = :case_id2) "
                                     "AND (:actor = '' OR actor_id = :actor2) "
                                     "AND (:before = 0 OR id < :before2) ORDER BY id DESC "
                                     "LIMIT :limit",
                  row),
       soci::use(centre_id), soci::use(case_id), soci::use(case_id), soci::use(actor_id),
       soci::use(actor_id), soci::use(before_id), soci::use(before_id), soci::use(limit));
  st.execute();
  while (st.fetch()) {
    auto& e = events.emplace_back();
    e.set_id(row.id);
    e.set_at(row.at);
    e.set_actor_id(row.actor_id);
    e.set_role(static_cast<assist::v1::Role>(row.role));
    e.set_centre_id(row.centre_id);
    e.set_rpc(row.rpc);
    e.set_case_id(row.case_id);
    e.set_action(row.action);
    e.set_detail(row.detail);
    e.set_request_id(row.request_id);
    e.set_sequence(row.seq);
    e.set_hash(row.hash);
  }
  return events;
}

TrailVerification VerifyTrail(soci::session& sql, const std::string& centre_id) {
  TrailVerification result;
  const std::optional<StoredHead> before = ReadHead(sql, centre_id, false);
  GenesisHasher genesis = HashPreChainRows(sql, centre_id);
  result.pre_chain_rows = genesis.rows();
  result.rows_checked = genesis.rows();
  if (before &&
      (genesis.rows() != before->genesis_rows || genesis.Hash() != before->genesis_hash)) {
    const long long recorded = before->genesis_rows;
    const ChainBreakKind kind = genesis.rows() < recorded   ? ChainBreakKind::kRowMissing
                                : genesis.rows() > recorded ? ChainBreakKind::kForgedRow
                                                            : ChainBreakKind::kContentRewritten;
    result.first_break =
        ChainBreak{kind, 0, 0,
                   "the rows from before the chain (" + std::to_string(genesis.rows()) + ", " +
                       std::to_string(recorded) + " recorded) do not give the genesis hash"};
    result.head = before->head;
    return result;
  }
  // A trail whose chain has not begun is checked as its first append would start it.
  const ChainHead head = before ? before->head : ChainHead{0, genesis.Hash()};
  ChainVerifier checked(before ? before->genesis_hash : genesis.Hash(), head);
  AuditRecord row;
  soci::statement st =
      (IntoRecord(sql.prepare << std::string("SELECT ") + kRecordColumns +
                                     " FROM audit_events WHERE centre_id = :c AND seq > 0 "
                                     "ORDER BY seq, id",
                  row),
       soci::use(centre_id));
  // Rows past the first head may have been appended while the rows were read: they are checked
  // once the head, read again, says how far appends have gone.
  std::vector<AuditRecord> later;
  st.execute();
  while (st.fetch()) {
    if (row.seq > head.seq) {
      later.push_back(row);
    } else if (!checked.Add(row)) {
      break;
    }
  }
  const std::optional<StoredHead> after = ReadHead(sql, centre_id, false);
  checked.HeadMovedTo(after ? after->head.seq : head.seq);
  for (const AuditRecord& each : later) {
    if (!checked.Add(each)) break;
  }
  result.first_break = checked.Finish();
  result.rows_checked += checked.rows_checked();
  result.head = after ? after->head : head;
  return result;
}

}  // namespace assist::host
