#include "rpc/retention_sweeper.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ops/metrics.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

Identity HostIdentity(const std::string& centre) {
  Identity host;
  host.actor_id = "assist-host";
  host.centre_id = centre;
  host.role = assist::v1::ROLE_OPERATOR;
  host.request_id = "retention-sweep";
  return host;
}

std::vector<std::string> CentreIds(Database& db) {
  std::vector<std::string> centres;
  soci::session sql(db.pool());
  std::string id;
  soci::statement st = (sql.prepare << "SELECT id FROM centres ORDER BY id", soci::into(id));
  st.execute();
  while (st.fetch()) centres.push_back(id);
  return centres;
}

// PostgreSQL, where N hosts share one database: the sweep runs on one host at a time.
//
// The sweep holds a session-level advisory lock (pg_try_advisory_lock) for its whole run, on a
// pooled connection it keeps aside, and releases it at the end; a host that does not get the lock
// skips the round (whoever holds it is doing the same work). A session lock rather than
// pg_try_advisory_xact_lock per batch: every batch transaction begins after the lock is held, so
// it sees all that an earlier sweep committed, and no second host can slip in between two batches;
// no "last run" marker is needed, since a sweep that finds nothing due costs one indexed query
// per centre. If the lock's connection dies, the server drops the lock and another host may start
// while this one finishes a batch; the claim in AnonymiseExpiredCases (UPDATE ... WHERE
// anonymised_at = '') still anonymises and audits each case once.
class SessionLock {
 public:
  explicit SessionLock(Database& db) : sql_(db.pool()) {
    int got = 0;
    sql_ << "SELECT CASE WHEN pg_try_advisory_lock(:k) THEN 1 ELSE 0 END", soci::use(key_),
        soci::into(got);
    held_ = got == 1;
  }
  ~SessionLock() {
    if (!held_) return;
    try {
      int released = 0;
      sql_ << "SELECT CASE WHEN pg_advisory_unlock(:k) THEN 1 ELSE 0 END", soci::use(key_),
          soci::into(released);
    } catch (const std::exception& e) {
      // The connection is gone, and the lock with it.
      LogWarning(std::string("retention: releasing the sweep lock failed: ") + e.what());
    }
  }
  SessionLock(const SessionLock&) = delete;
  SessionLock& operator=(const SessionLock&) = delete;
  bool held() const { return held_; }

 private:
  long long key_ = kRetentionSweepLockKey;
  soci::session sql_;
  bool held_ = false;
};

// With a pool of one connection there is none to keep aside: each batch then takes the same key
// as a transaction lock (released at its commit) and the sweep stops when another host has it.
bool TryTransactionLock(Transaction& tx) {
  long long key = kRetentionSweepLockKey;
  int got = 0;
  tx.sql() << "SELECT CASE WHEN pg_try_advisory_xact_lock(:k) THEN 1 ELSE 0 END", soci::use(key),
      soci::into(got);
  return got == 1;
}

// SQLite: copies what the batch wrote from the write-ahead log into the database file now, in
// the sweep's thread and without blocking writers (PASSIVE). Otherwise the log grows with the
// sweep's pages, and the write of a call that happens to cross the auto-checkpoint threshold
// (1000 pages) pays for copying and syncing them before its commit returns. Outside any
// transaction: a checkpoint cannot run inside one.
void CheckpointWal(Database& db) {
  soci::session sql(db.pool());
  int busy = 0, log_pages = 0, checkpointed = 0;
  sql << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(log_pages),
      soci::into(checkpointed);
}

}  // namespace

SweepOutcome SweepRetention(Database& db, const CaseWorkflow& workflow, const SweepOptions& options,
                            const SweepWait& wait) {
  SweepOutcome outcome;
  const bool postgresql = db.backend() == sdk::Backend::kPostgresql;
  const bool lock_per_transaction = postgresql && db.pool_size() < 2;
  std::optional<SessionLock> lock;
  if (postgresql && !lock_per_transaction) {
    lock.emplace(db);
    if (!lock->held()) {
      outcome.skipped = true;
      return outcome;
    }
  }
  auto pause = [&](std::chrono::milliseconds d) {
    if (wait) return wait(d);
    std::this_thread::sleep_for(d);
    return true;
  };
  bool wrote = false;  // the last transaction anonymised something: let the writers in first
  for (const auto& centre : CentreIds(db)) {
    const Identity host = HostIdentity(centre);
    std::size_t of_centre = 0;
    for (;;) {
      if (wrote && !pause(options.pause)) {
        outcome.stopped = true;
        break;
      }
      // The same transaction runner as every RPC: a connection lost before the commit is
      // reconnected and the batch runs again (its claim on each case makes that safe).
      std::size_t n = 0;
      const auto began = std::chrono::steady_clock::now();  // holding the lock from here
      db.InTransaction([&](Transaction& tx) {
        n = 0;
        if (lock_per_transaction && !TryTransactionLock(tx)) {
          outcome.skipped = true;
          return;
        }
        outcome.skipped = false;
        auto done = workflow.ApplyRetention(tx, host, {}, options.batch);
        n = static_cast<std::size_t>(done.anonymised_case_ids_size());
      });
      if (outcome.skipped) break;
      outcome.longest = std::max(outcome.longest, std::chrono::steady_clock::now() - began);
      ++outcome.transactions;
      if (!postgresql && n > 0) CheckpointWal(db);
      of_centre += n;
      wrote = n > 0;
      if (n == 0) break;
    }
    if (of_centre > 0) {
      outcome.anonymised += of_centre;
      LogInfo("retention: " + std::to_string(of_centre) + " case(s) of " + centre + " anonymised");
    }
    if (outcome.stopped || outcome.skipped) break;
  }
  return outcome;
}

RetentionSweeper::RetentionSweeper(Database& db, const CaseWorkflow& workflow)
    : db_(db), workflow_(workflow), thread_([this] {
        std::unique_lock lock(mutex_);
        while (!stopping_) {
          lock.unlock();
          SweepAllCentres();
          lock.lock();
          wake_.wait_for(lock, std::chrono::hours(24), [this] { return stopping_; });
        }
      }) {}

RetentionSweeper::~RetentionSweeper() { Stop(); }

void RetentionSweeper::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionSweeper::SweepAllCentres() {
  const auto started = std::chrono::steady_clock::now();
  const char* outcome_name = "ok";
  try {
    SweepOutcome outcome = SweepRetention(db_, workflow_, {}, [this](std::chrono::milliseconds d) {
      std::unique_lock lock(mutex_);
      return !wake_.wait_for(lock, d, [this] { return stopping_; });
    });
    if (outcome.skipped) {
      LogInfo("retention: another host is sweeping; skipped this round");
      outcome_name = "skipped";
    }
  } catch (const std::exception& e) {
    LogError(std::string("retention sweep failed: ") + e.what());
    outcome_name = "failed";
  }
  HostMetrics().retention_sweeps.Inc({outcome_name});
  HostMetrics().retention_sweep_duration.Observe(
      {}, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace assist::host
