// The retention sweep at scale on SQLite: builds a database of N cases (default 100,000) with the
// host's migrations, a share of them past the retention period, then runs the background sweep
// (SweepRetention, as the host does at start and daily) in one thread while another thread does
// small write transactions the way the host does (BEGIN IMMEDIATE, INSERT, COMMIT, through the
// same Database class and so the same busy timeout). Prints the sweep's duration, the cases it
// anonymised and how long the writer waited.
//
//   retention_sweep [--cases 100000] [--due-percent 30] [--write-every-ms 5]
//                   [--batch 100] [--budget-ms 20] [--pause-ms 30] [--one-transaction]
//                   [--db PATH [--generate-only]]
//
// --one-transaction anonymises everything due in a single transaction instead (what the
// ApplyRetention RPC does), for comparison. --db keeps the database (and reuses it if it has
// cases); --generate-only stops before the sweep, to look at the data with other tools.
// Exits 1 when the sweep missed a due case or a write failed; the 100 ms target is reported, not
// enforced (the machine may be shared).
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <assist/plugin/date.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bench_data.hpp"
#include "db/core_schema.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "domain/case_workflow.hpp"
#include "domain/centres.hpp"
#include "plugins/plugin_registry.hpp"
#include "retention/retention_sweeper.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace assist::host;
using assist::bench::Count;
using assist::bench::Percentile;
using assist::bench::PrintPlan;

struct Options {
  long long cases = 100000;
  int due_percent = 30;
  int write_every_ms = 5;
  SweepOptions sweep;
  bool one_transaction = false;
  bool generate_only = false;
  std::string db;
};

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--one-transaction" || flag == "--generate-only") {
      (flag == "--one-transaction" ? o.one_transaction : o.generate_only) = true;
      continue;
    }
    if (i + 1 >= argc) break;
    std::string value = argv[++i];
    long long n = std::atoll(value.c_str());
    if (flag == "--cases")
      o.cases = std::clamp(n, 10LL, 10000000LL);
    else if (flag == "--due-percent")
      o.due_percent = static_cast<int>(std::clamp(n, 0LL, 100LL));
    else if (flag == "--write-every-ms")
      o.write_every_ms = static_cast<int>(std::clamp(n, 1LL, 1000LL));
    else if (flag == "--batch")
      o.sweep.batch.max_cases = static_cast<std::size_t>(std::clamp(n, 1LL, 100000LL));
    else if (flag == "--budget-ms")
      o.sweep.batch.time_budget = std::chrono::milliseconds(std::clamp(n, 0LL, 60000LL));
    else if (flag == "--pause-ms")
      o.sweep.pause = std::chrono::milliseconds(std::clamp(n, 0LL, 60000LL));
    else if (flag == "--db")
      o.db = value;
  }
  return o;
}

double Seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }
double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct WriterFigures {
  std::vector<double> waits_ms;  // until BEGIN IMMEDIATE returned: behind whoever held the lock
  std::vector<double> total_ms;  // BEGIN IMMEDIATE to COMMIT
  long long failed = 0;
};

}  // namespace

int main(int argc, char** argv) {
  Options o = Parse(argc, argv);
  if (o.generate_only && o.db.empty()) {
    std::fprintf(stderr, "--generate-only needs --db PATH\n");
    return 2;
  }
  std::filesystem::path dir;
  if (o.db.empty()) {
    dir = std::filesystem::temp_directory_path() /
          ("assist-retention-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    o.db = (dir / "bench.db").string();
  }
  int status = 0;
  {
    Database db(assist::sdk::Backend::kSqlite, o.db, 3);
    ApplyMigrations(db, "core", CoreMigrations());
    long long due = 0, open_case = 0;
    const std::string cutoff =
        assist::sdk::FormatDate(assist::sdk::AddMonths(assist::sdk::Today(), -12 * 10));
    const std::string due_filter =
        "FROM cases WHERE anonymised_at = '' AND status IN (2, 4) AND closed_on <> '' AND "
        "closed_on < '" +
        cutoff + "' AND monitoring_until < '" + cutoff + "'";
    {
      soci::session sql(db.pool());
      if (Count(sql, "SELECT COUNT(*) FROM cases") == 0) {
        auto started = Clock::now();
        assist::bench::GenerateRetentionData(sql, o.cases, o.due_percent);
        std::printf("generated %lld cases in %.1f s\n", Count(sql, "SELECT COUNT(*) FROM cases"),
                    Seconds(Clock::now() - started));
      }
      due = Count(sql, "SELECT COUNT(*) " + due_filter);
      open_case = Count(sql, "SELECT MIN(id) FROM cases WHERE status = 1");
      std::printf("%lld cases, %lld people; %lld due for retention\n",
                  Count(sql, "SELECT COUNT(*) FROM cases"),
                  Count(sql, "SELECT COUNT(*) FROM people"), due);
      PrintPlan(sql, "SELECT id, person_id, family_id " + due_filter +
                         " AND centre_id = 'bench' "
                         "LIMIT 100");
    }

    if (o.generate_only) return 0;

    PluginRegistry registry({});
    Centres centres(registry);
    CaseWorkflow workflow(registry, centres, 10);

    std::atomic<bool> sweeping{true};
    WriterFigures writer;
    std::thread write_thread([&] {
      const auto every = std::chrono::milliseconds(o.write_every_ms);
      auto next = Clock::now();
      while (sweeping.load()) {
        auto started = Clock::now();
        bool begun = false;
        try {
          Transaction tx(db);
          begun = true;
          writer.waits_ms.push_back(Millis(Clock::now() - started));
          tx.sql() << "INSERT INTO contacts (case_id, contact_on, kind, duration_minutes, place, "
                      "notes, details_type, details_json, recorded_by, recorded_at) VALUES (:c, "
                      "'2026-11-30', 1, 30, 'office', 'bench write', '', '{}', 'asia', "
                      "'2026-11-30T10:00:00Z')",
              soci::use(open_case);
          tx.Commit();
        } catch (const std::exception& e) {
          if (!begun) writer.waits_ms.push_back(Millis(Clock::now() - started));
          if (writer.failed++ == 0) std::fprintf(stderr, "write failed: %s\n", e.what());
        }
        writer.total_ms.push_back(Millis(Clock::now() - started));
        next += every;
        std::this_thread::sleep_until(next);
      }
    });

    // The writer runs alone for a moment before and after the sweep: its figures include a
    // baseline.
    const auto alone = std::chrono::milliseconds(250);
    std::this_thread::sleep_for(alone);
    auto started = Clock::now();
    std::size_t anonymised = 0, transactions = 0;
    Clock::duration longest{};
    try {
      if (o.one_transaction) {
        Identity host;
        host.actor_id = "assist-host";
        host.centre_id = "bench";
        host.role = assist::v1::ROLE_OPERATOR;
        host.request_id = "retention-bench";
        Transaction tx(db);
        anonymised = static_cast<std::size_t>(
            workflow.ApplyRetention(tx, host, {}).anonymised_case_ids_size());
        tx.Commit();
        transactions = 1;
        longest = Clock::now() - started;
      } else {
        SweepOutcome outcome = SweepRetention(db, workflow, o.sweep);
        anonymised = outcome.anonymised;
        transactions = outcome.transactions;
        longest = outcome.longest;
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sweep failed: %s\n", e.what());
      status = 1;
    }
    auto took = Clock::now() - started;
    std::this_thread::sleep_for(alone);
    sweeping = false;
    write_thread.join();

    if (o.one_transaction) {
      std::printf("sweep: one transaction (the RPC's way)\n");
    } else {
      std::printf("sweep: batches of <= %zu cases / %lld ms of work, %lld ms pause\n",
                  o.sweep.batch.max_cases,
                  static_cast<long long>(o.sweep.batch.time_budget.count()),
                  static_cast<long long>(o.sweep.pause.count()));
    }
    std::printf("sweep: %zu cases anonymised in %.2f s, %zu transactions, the longest %.1f ms\n",
                anonymised, Seconds(took), transactions, Millis(longest));
    auto max_of = [](const std::vector<double>& v) {
      return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    };
    double max = max_of(writer.waits_ms);
    std::printf(
        "writer: %zu writes, one every %d ms from 250 ms before the sweep to 250 ms after; "
        "%lld failed\n",
        writer.total_ms.size(), o.write_every_ms, writer.failed);
    std::printf("writer: wait for the lock p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                Percentile(writer.waits_ms, 0.50), Percentile(writer.waits_ms, 0.99), max);
    std::printf("writer: whole transaction p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                Percentile(writer.total_ms, 0.50), Percentile(writer.total_ms, 0.99),
                max_of(writer.total_ms));
    std::printf("target (max wait for the lock < 100 ms): %s\n", max < 100 ? "met" : "MISSED");
    soci::session sql(db.pool());
    long long left = Count(sql, "SELECT COUNT(*) " + due_filter);
    std::printf("people anonymised: %lld; due cases left: %lld\n",
                Count(sql, "SELECT COUNT(*) FROM people WHERE given_name = 'anonymised'"), left);
    if (static_cast<long long>(anonymised) != due || left != 0 || writer.failed > 0) status = 1;
  }
  if (!dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  return status;
}
