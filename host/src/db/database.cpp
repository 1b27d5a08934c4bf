#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <utility>

#include "ops/metrics.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

// libpq prints the server's notices ("NOTICE:  relation ... already exists, skipping") on
// standard error itself; routed through the host's log instead, notices at debug level.
void LogNotice(void*, const char* message) {
  std::string text(message);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  if (text.rfind("NOTICE:", 0) == 0 || text.rfind("DEBUG:", 0) == 0 ||
      text.rfind("INFO:", 0) == 0 || text.rfind("LOG:", 0) == 0) {
    LogDebug("postgresql: " + text);
  } else {
    LogWarning("postgresql: " + text);
  }
}

void RouteNotices(soci::session& session) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  if (backend != nullptr && backend->conn_ != nullptr) {
    PQsetNoticeProcessor(backend->conn_, &LogNotice, nullptr);
  }
}

// libpq waits for an unreachable server as long as the OS does unless told otherwise; a call
// should rather fail UNAVAILABLE after a few seconds.
std::string WithConnectTimeout(const std::string& connection) {
  if (connection.find("connect_timeout") != std::string::npos) return connection;
  return connection + " connect_timeout=5";
}

// SQLite's own busy time-out (sqliteDefaultBusyCallback: the same back-off steps), with a budget
// the transaction sets: what a writer already waited for its turn counts against lock_timeout_ms.
int SleepWhileLocked(void* budget_ms, int count) {
  static constexpr std::array<int, 12> kDelays{1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  static constexpr std::array<int, 12> kSlept{0, 1, 3, 8, 18, 33, 53, 78, 103, 128, 178, 228};
  const auto step = static_cast<std::size_t>(std::min(count, 11));
  int delay = kDelays[step];
  const int slept = kSlept[step] + (count > 11 ? (count - 11) * kDelays[11] : 0);
  const int budget = *static_cast<const int*>(budget_ms);
  if (slept + delay > budget) {
    delay = budget - slept;
    if (delay <= 0) return 0;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(delay));
  return 1;
}

// Comfortably more than the distinct statements of the frequent calls; a rare statement beyond
// that costs one prepare again.
constexpr std::size_t kStatementsPerConnection = 96;

sqlite_api::sqlite3* SqliteHandle(soci::session& session) {
  return static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_;
}

}  // namespace

sdk::Backend ParseBackend(const std::string& name) {
  if (name == "sqlite") return sdk::Backend::kSqlite;
  if (name == "postgresql") return sdk::Backend::kPostgresql;
  throw std::invalid_argument("unknown database backend " + name);
}

Database::Database(sdk::Backend backend, const std::string& connection, std::size_t pool_size,
                   int lock_timeout_ms)
    : backend_(backend),
      connection_(backend == sdk::Backend::kPostgresql ? WithConnectTimeout(connection)
                                                       : connection),
      pool_size_(pool_size),
      lock_timeout_ms_(lock_timeout_ms),
      pool_(pool_size) {
  for (std::size_t i = 0; i != pool_size; ++i) {
    Open(pool_.at(i));
    lock_budgets_.push_back(std::make_unique<LockBudget>(LockBudget{lock_timeout_ms_}));
    statement_caches_.push_back(std::make_unique<StatementCache>(kStatementsPerConnection));
    if (backend_ == sdk::Backend::kSqlite) WaitForLocksUpTo(pool_.at(i), *lock_budgets_.back());
  }
}

void Database::WaitForLocksUpTo(soci::session& session, LockBudget& budget) const {
  sqlite_api::sqlite3_busy_handler(SqliteHandle(session), &SleepWhileLocked, &budget.ms);
}

void Database::Open(soci::session& session) const {
  if (backend_ == sdk::Backend::kSqlite) {
    session.open(soci::sqlite3, "db=\"" + connection_ + "\"");
    // How long a writer waits for the lock another connection holds before SQLITE_BUSY.
    session << "PRAGMA busy_timeout = " + std::to_string(lock_timeout_ms_);
    session << "PRAGMA foreign_keys = ON";
    session << "PRAGMA journal_mode = WAL";
    session << "PRAGMA synchronous = NORMAL";
  } else {
    session.open(soci::postgresql, connection_);
    RouteNotices(session);
  }
}

void Database::InTransaction(const std::function<void(Transaction&)>& work, TransactionMode mode) {
  for (int attempt = 1;; ++attempt) {
    try {
      Transaction tx(*this, mode);
      try {
        work(tx);
      } catch (const soci::soci_error& e) {
        throw tx.Fault(e);
      }
      tx.Commit();
      return;
    } catch (const DatabaseFault& fault) {
      // kUnavailable is only ever raised before COMMIT was sent (a broken COMMIT is
      // kOutcomeUnknown), so nothing of this attempt was stored and running it again is safe.
      if (fault.kind() != FaultKind::kUnavailable || attempt > 1) throw;
      LogWarning(std::string("database connection lost, running the transaction again: ") +
                 fault.what());
    }
  }
}

bool Database::Ping() {
  std::lock_guard lock(ping_mutex_);
  // A connection the server dropped since the last ping fails once; a fresh one tells whether
  // the database itself answers.
  for (int attempt = 1; attempt <= 2; ++attempt) {
    try {
      if (!ping_session_) {
        auto session = std::make_unique<soci::session>();
        Open(*session);
        ping_session_ = std::move(session);
      }
      int one = 0;
      *ping_session_ << "SELECT 1", soci::into(one);
      return one == 1;
    } catch (const std::exception&) {
      ping_session_.reset();
    }
  }
  return false;
}

Transaction::Lease::Lease(soci::connection_pool& p) : pool(p) {
  const auto asked = std::chrono::steady_clock::now();
  position = p.lease();
  HostMetrics().pool_wait.Observe(
      {}, std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count());
  HostMetrics().pool_connections_in_use.Add(1);
}

Transaction::Lease::~Lease() {
  pool.give_back(position);
  HostMetrics().pool_connections_in_use.Add(-1);
}

Transaction::Turn::Turn(Database& db, TransactionMode mode) {
  if (db.backend() != sdk::Backend::kSqlite || mode != TransactionMode::kWrite) return;
  const auto asked = std::chrono::steady_clock::now();
  if (!db.writer_turn_.Take(std::chrono::milliseconds(db.lock_timeout_ms_))) {
    LogWarning("database: no turn to write within the lock time-out of " +
               std::to_string(db.lock_timeout_ms_) + " ms");
    throw DatabaseFault(FaultKind::kLockTimeout,
                        "the database stayed locked past the lock time-out");
  }
  held = &db.writer_turn_;
  waited = std::chrono::steady_clock::now() - asked;
}

void Transaction::Turn::Give() {
  if (held == nullptr) return;
  held->Give();
  held = nullptr;
}

Transaction::Transaction(Database& db, TransactionMode mode)
    : db_(db),
      mode_(mode),
      turn_(db, mode),
      lease_(db.pool()),
      session_(db.pool().at(lease_.position)) {
  Begin(mode);
}

void Transaction::Reconnect() {
  // Its statements belong to the old connection (and refer to its SOCI backend, which reconnect
  // replaces): dropped first, their DEALLOCATE failing quietly on the dead connection.
  db_.statement_caches_[lease_.position]->Clear();
  session_.reconnect();
  if (db_.backend() == sdk::Backend::kPostgresql) RouteNotices(session_);
}

void Transaction::Begin(TransactionMode mode) {
  const bool sqlite = db_.backend() == sdk::Backend::kSqlite;
  const char* begin = mode == TransactionMode::kWrite
                          ? (sqlite ? "BEGIN IMMEDIATE" : "BEGIN")
                          : (sqlite ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  // Another process's lock may be waited for only as long as the turn left of the time-out.
  int& budget = db_.lock_budgets_[lease_.position]->ms;
  const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(turn_.waited);
  budget = std::max(0, db_.lock_timeout_ms_ - static_cast<int>(waited.count()));
  try {
    // A session whose last statement found the server gone (e.g. restarted) gets a new
    // connection first; a connection that died silently since is found by BEGIN itself.
    if (ConnectionBroken(session_, db_.backend())) Reconnect();
    try {
      session_ << begin;
    } catch (const soci::soci_error&) {
      if (!ConnectionBroken(session_, db_.backend())) throw;
      Reconnect();
      session_ << begin;
    }
    open_ = true;
  } catch (const soci::soci_error& e) {
    budget = db_.lock_timeout_ms_;
    throw Fault(e);
  }
  budget = db_.lock_timeout_ms_;
}

Transaction::~Transaction() {
  if (!open_ || ConnectionBroken(session_, db_.backend())) return;
  try {
    session_ << "ROLLBACK";
  } catch (const std::exception& e) {
    LogError(std::string("rollback failed: ") + e.what());
  }
}

PreparedStatement Transaction::Prepared(const std::string& sql) {
  StatementCache::Entry* entry = db_.statement_caches_[lease_.position]->Acquire(session_, sql);
  if (entry != nullptr) return {entry->statement, db_.backend(), &entry->in_use};
  soci::statement own(session_);
  own.alloc();
  own.prepare(sql);
  return {own, db_.backend(), nullptr};
}

void Transaction::BeforeCommit(std::function<void(Transaction&)> step) {
  before_commit_.push_back(std::move(step));
}

void Transaction::Commit() {
  try {
    for (const auto& step : before_commit_) step(*this);
  } catch (const soci::soci_error& e) {
    throw Fault(e);
  }
  before_commit_.clear();
  try {
    session_ << "COMMIT";
    open_ = false;
    turn_.Give();
  } catch (const soci::soci_error& e) {
    DatabaseFault fault = Fault(e);
    if (fault.kind() != FaultKind::kUnavailable) throw fault;
    open_ = false;
    throw DatabaseFault(FaultKind::kOutcomeUnknown,
                        "the connection to the database broke during COMMIT");
  }
}

DatabaseFault Transaction::Fault(const soci::soci_error& error) {
  DatabaseFault fault = ClassifyFault(error, db_.backend(), session_);
  if (fault.kind() != FaultKind::kUniqueViolation) {
    LogWarning(std::string("database: ") + fault.what() + ": " + error.what());
  }
  return fault;
}

}  // namespace assist::host
