#pragma once
// The shared data layer: a SOCI connection pool on SQLite (embedded default) or PostgreSQL, and
// the transaction every RPC runs in. Connections that break (a PostgreSQL restart) are reconnected
// when next used, and every SOCI error leaves this layer as a DatabaseFault a caller can act on.
#include <soci/soci.h>

#include <assist/plugin/data.hpp>
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <typeindex>
#include <vector>

#include "db/database_fault.hpp"
#include "db/statement_cache.hpp"
#include "db/writer_turn.hpp"

namespace assist::host {

class Transaction;

// kWrite: the call's transaction (SQLite: BEGIN IMMEDIATE, the write lock from the start).
// kSnapshotRead: one consistent snapshot that writes nothing and takes no write lock (SQLite:
// a deferred BEGIN, which in WAL mode no writer waits for; PostgreSQL: REPEATABLE READ, READ
// ONLY), for long reads such as verifying a whole audit trail.
enum class TransactionMode { kWrite, kSnapshotRead };

class Database {
 public:
  // Opens every connection of the pool now, so a bad connection string fails at start-up.
  // `lock_timeout_ms`: how long an SQLite writer waits for its turn among this host's writers
  // and for another process's lock, both together.
  Database(sdk::Backend backend, const std::string& connection, std::size_t pool_size,
           int lock_timeout_ms = 5000);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sdk::Backend backend() const { return backend_; }
  std::size_t pool_size() const { return pool_size_; }
  soci::connection_pool& pool() { return pool_; }

  // Runs `work` in one transaction and commits it. When the connection turns out broken before
  // COMMIT was sent (nothing can have been stored), it is reconnected and `work` runs once more.
  // Throws DatabaseFault for database errors; what `work` throws otherwise passes through, after
  // the rollback.
  void InTransaction(const std::function<void(Transaction&)>& work,
                     TransactionMode mode = TransactionMode::kWrite);

  // Whether the database answers a trivial query now, on a connection of its own (reconnected
  // as needed): the health check's question. Never throws.
  bool Ping();

 private:
  friend class Transaction;
  // How long the next lock wait of one pooled SQLite connection may last (its busy handler's
  // budget): lock_timeout_ms less what the writer already waited for its turn.
  struct LockBudget {
    int ms = 0;
  };
  void Open(soci::session& session) const;
  void WaitForLocksUpTo(soci::session& session, LockBudget& budget) const;

  sdk::Backend backend_;
  std::string connection_;
  std::size_t pool_size_;
  int lock_timeout_ms_;
  std::vector<std::unique_ptr<LockBudget>> lock_budgets_;  // one per pooled connection
  soci::connection_pool pool_;
  // One per pooled connection; declared after pool_, so the statements go before the connections.
  std::vector<std::unique_ptr<StatementCache>> statement_caches_;
  WriterTurn writer_turn_;
  std::mutex ping_mutex_;
  std::unique_ptr<soci::session> ping_session_;  // guarded by ping_mutex_
};

sdk::Backend ParseBackend(const std::string& name);

// A pooled session inside a transaction; rolled back unless Commit() is called. On SQLite a
// kWrite transaction first takes its turn among this host's writers (WriterTurn), then starts
// with BEGIN IMMEDIATE: taking the write lock up front lets writers of other processes wait on
// the busy timeout instead of failing when a read lock cannot be upgraded. A broken PostgreSQL
// connection is reconnected before BEGIN. Errors of BEGIN and COMMIT are thrown as DatabaseFault.
// It is also the facade plugins get in their OnAccepted hook.
class Transaction final : public sdk::DataSession {
 public:
  explicit Transaction(Database& db, TransactionMode mode = TransactionMode::kWrite);
  ~Transaction() override;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  sdk::Backend backend() const override { return db_.backend(); }
  TransactionMode mode() const { return mode_; }
  soci::session& sql() override { return session_; }
  // `sql` prepared once on this pooled connection and kept for later transactions on it
  // (db/statement_cache.hpp): for a call's frequent statements. Throws soci_error as sql() does.
  PreparedStatement Prepared(const std::string& sql);
  // Runs the steps queued with BeforeCommit in order, then COMMIT.
  void Commit();
  // Queues `step` to run on this transaction's session just before COMMIT: work that takes a
  // lock other transactions wait for (the audit chain's head) holds it as briefly as possible.
  void BeforeCommit(std::function<void(Transaction&)> step);
  // An object of type T that lives as long as this transaction, made on first use: state that
  // work gathers for its BeforeCommit step (e.g. the audit rows of the call).
  template <typename T>
  T& Local() {
    std::shared_ptr<void>& slot = locals_[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<T>();
    return *static_cast<T*>(slot.get());
  }
  // `error`, raised by a statement of this transaction, as a fault (and logged).
  DatabaseFault Fault(const soci::soci_error& error);

 private:
  void Begin(TransactionMode mode);
  void Reconnect();  // a new connection for this pooled session

  // An SQLite writer's turn (WriterTurn), held from before the connection is leased until COMMIT
  // or ROLLBACK; empty for reads and on PostgreSQL. A turn that does not come within the lock
  // time-out is the same kLockTimeout fault as a lock SQLite waited for in vain.
  struct Turn {
    Turn(Database& db, TransactionMode mode);
    ~Turn() { Give(); }
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    void Give();
    WriterTurn* held = nullptr;
    std::chrono::steady_clock::duration waited{};
  };

  // Gives the pooled session back however the constructor or the transaction ends; the wait for
  // it and the connections in use are metrics (ops/metrics.hpp).
  struct Lease {
    explicit Lease(soci::connection_pool& p);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::connection_pool& pool;
    std::size_t position;
  };

  Database& db_;
  TransactionMode mode_;
  Turn turn_;
  Lease lease_;
  soci::session& session_;
  bool open_ = false;
  std::vector<std::function<void(Transaction&)>> before_commit_;
  std::map<std::type_index, std::shared_ptr<void>> locals_;
};

// Reads a nullable BIGINT column value bound with an indicator.
inline std::optional<long long> Nullable(long long value, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return value;
}

}  // namespace assist::host
