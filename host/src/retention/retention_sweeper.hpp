#pragma once
// Once at start-up and then once a day, ends the monitoring of every centre's cases whose last day
// of monitoring has passed (CaseWorkflow::EndLapsedMonitoring) and anonymises the cases whose
// retention period has passed (CaseWorkflow::ApplyRetention), and deletes the street outreach
// contacts never linked to a case once their short retention has passed (Outreach), as the host
// itself, audited.
//
// The sweep works in short transactions (RetentionBatch) with a pause between them, so that on
// SQLite, which has one writer at a time, the calls of the host never wait long behind it. On
// PostgreSQL, where several hosts share one database, it runs on one host at a time (an advisory
// lock); a host that does not get the lock skips the round.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>

#include "db/database.hpp"
#include "domain/case_workflow.hpp"
#include "domain/data_rights.hpp"

namespace assist::host {

// The PostgreSQL advisory lock key of the sweep, the same on every host ("ASRETN").
inline constexpr long long kRetentionSweepLockKey = 0x41535245544eLL;

struct SweepOptions {
  // Per transaction: at most 100 cases and about 20 ms of work (a few ms more for the people and
  // families of those cases and the commit).
  RetentionBatch batch{100, std::chrono::milliseconds(20)};
  // Between transactions, so that writers waiting on SQLite's busy handler (which polls at
  // growing intervals, up to 25 ms apart in its first 130 ms) find the database free.
  std::chrono::milliseconds pause{30};
};

struct SweepOutcome {
  bool skipped = false;              // PostgreSQL: another host is sweeping
  bool stopped = false;              // `wait` asked to stop before the sweep was done
  std::size_t anonymised = 0;        // cases
  std::size_t monitoring_ended = 0;  // cases whose monitoring's last day had passed
  std::size_t outreach_deleted = 0;  // unlinked outreach contacts past their retention
  std::size_t transactions = 0;
  std::chrono::steady_clock::duration longest{};  // transaction, from BEGIN done to COMMIT done
};

// Waits between two transactions of a sweep; false: stop now (the host is shutting down).
using SweepWait = std::function<bool(std::chrono::milliseconds)>;

// One sweep over every centre, batch after batch, until nothing is due. Throws what the database
// throws (the transactions committed before stay committed). Without `wait`, it sleeps.
SweepOutcome SweepRetention(Database& db, const CaseWorkflow& workflow,
                            const SweepOptions& options = {}, const SweepWait& wait = {});

class RetentionSweeper {
 public:
  RetentionSweeper(Database& db, const CaseWorkflow& workflow);
  ~RetentionSweeper();
  void Stop();

 private:
  void SweepAllCentres();

  Database& db_;
  const CaseWorkflow& workflow_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace assist::host
