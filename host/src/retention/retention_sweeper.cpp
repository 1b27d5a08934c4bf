#include "retention/retention_sweeper.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "db/advisory_lock.hpp"
#include "db/wal_checkpoint.hpp"
#include "domain/centres.hpp"
#include "ops/metrics.hpp"
#include "store/centre_repository.hpp"
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

std::vector<std::string> AllCentreIds(Database& db) {
  soci::session sql(db.pool());
  return CentreIds(sql);
}

}  // namespace

SweepOutcome SweepRetention(Database& db, const CaseWorkflow& workflow, const SweepOptions& options,
                            const SweepWait& wait) {
  SweepOutcome outcome;
  const bool postgresql = db.backend() == sdk::Backend::kPostgresql;
  const bool lock_per_transaction = postgresql && db.pool_size() < 2;
  // PostgreSQL, where N hosts share one database: the sweep runs on one host at a time.
  //
  // The sweep holds a session-level advisory lock for its whole run, on a pooled connection it
  // keeps aside, and releases it at the end; a host that does not get the lock skips the round
  // (whoever holds it is doing the same work). A session lock rather than a transaction lock per
  // batch: every batch transaction begins after the lock is held, so it sees all that an earlier
  // sweep committed, and no second host can slip in between two batches; no "last run" marker is
  // needed, since a sweep that finds nothing due costs one indexed query per centre. If the lock's
  // connection dies, the server drops the lock and another host may start while this one
  // finishes a batch; the claim of each case's row in AnonymiseExpiredCases (CaseAnonymiser)
  // still anonymises and audits each case once.
  //
  // With a pool of one connection there is none to keep aside: each batch then takes the same key
  // as a transaction lock (released at its commit) and the sweep stops when another host has it.
  std::optional<SessionAdvisoryLock> lock;
  if (postgresql && !lock_per_transaction) {
    lock.emplace(db, kRetentionSweepLockKey);
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
  for (const auto& centre : AllCentreIds(db)) {
    const Identity host = HostIdentity(centre);
    std::size_t of_centre = 0;
    for (;;) {
      if (wrote && !pause(options.pause)) {
        outcome.stopped = true;
        break;
      }
      // The same transaction runner as every RPC: a connection lost before the commit is
      // reconnected and the batch runs again (its claim on each case makes that safe).
      std::size_t n = 0, anonymised = 0, ended = 0;
      long long outreach_deleted = 0;
      const auto began = std::chrono::steady_clock::now();  // holding the lock from here
      db.InTransaction([&](Transaction& tx) {
        n = 0;
        if (lock_per_transaction && !TryTransactionAdvisoryLock(tx, kRetentionSweepLockKey)) {
          outcome.skipped = true;
          return;
        }
        outcome.skipped = false;
        ended =
            workflow.EndLapsedMonitoring(tx, host, sdk::Today(), options.batch.max_cases).size();
        // One statement: a few days' contacts at most (a later batch finds none left).
        outreach_deleted = workflow.outreach().DeleteExpired(tx, host, sdk::Today());
        auto done = workflow.ApplyRetention(tx, host, {}, options.batch);
        n = ended + static_cast<std::size_t>(done.anonymised_case_ids_size());
        anonymised = static_cast<std::size_t>(done.anonymised_case_ids_size());
      });
      if (outcome.skipped) break;
      outcome.longest = std::max(outcome.longest, std::chrono::steady_clock::now() - began);
      ++outcome.transactions;
      // SQLite: the batch's pages go from the write-ahead log into the database file now, in the
      // sweep's thread. Otherwise the log grows with them, and the write of a call that happens
      // to cross the auto-checkpoint threshold (1000 pages) pays for copying and syncing them
      // before its commit returns.
      if (!postgresql && n > 0) CheckpointWalPassive(db);
      of_centre += anonymised;
      outcome.monitoring_ended += ended;
      outcome.outreach_deleted += static_cast<std::size_t>(outreach_deleted);
      if (ended > 0) {
        LogInfo("monitoring: " + std::to_string(ended) + " case(s) of " + centre +
                " ended, their last day passed");
      }
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
