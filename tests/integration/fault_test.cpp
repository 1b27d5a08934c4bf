// Faults an operator meets, with a real host under write load (issue 9), each bounded in time:
//   - PostgreSQL restarted under a running host: callers get UNAVAILABLE (never INTERNAL) and the
//     health status NOT_SERVING while it is down; within 5 s of its return calls succeed again
//     and the health status is SERVING, without restarting the host; no acknowledged write lost.
//     On a throwaway cluster of the test's own, never the shared one of the ctest fixture.
//   - kill -9 of the host under write load, three times, on both backends: after each restart
//     every acknowledged write is there and no step is half written.
//   - SQLite on a full tmpfs: retryable errors (RESOURCE_EXHAUSTED or UNAVAILABLE, never
//     INTERNAL) while the host keeps answering; writes succeed again once space is freed, and the
//     database passes PRAGMA integrity_check. Needs root for the mount (CI runs as root).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "case_steps.hpp"
#include "client.hpp"
#include "fault_load.hpp"
#include "fault_support.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "host_test.hpp"
#include "identities.hpp"
#include "pg_cluster.hpp"
#include "pg_database.hpp"
#include "rpc_status.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace assist::it {
namespace {

namespace fs = std::filesystem;
namespace v1 = assist::v1;
using namespace std::chrono_literals;

constexpr int kWriters = 4;
constexpr std::size_t kMaxLogShown = 15000;  // per host

// Polls `done` every 50 ms until it holds or `deadline` passes; returns its last value.
bool WaitUntil(FaultClock::time_point deadline, const std::function<bool()>& done) {
  for (;;) {
    if (done()) return true;
    if (FaultClock::now() >= deadline) return false;
    std::this_thread::sleep_for(50ms);
  }
}

double Seconds(FaultClock::duration duration) {
  return std::chrono::duration<double>(duration).count();
}

// The failed calls that ended before `before` (all of them when before is max()).
std::vector<FailedCall> EndedBefore(const std::vector<FailedCall>& failures,
                                    FaultClock::time_point before) {
  std::vector<FailedCall> selected;
  for (const FailedCall& failure : failures) {
    if (failure.ended < before) selected.push_back(failure);
  }
  return selected;
}

// The failed calls whose code is none of `allowed`.
std::vector<FailedCall> CodesOtherThan(const std::vector<FailedCall>& failures,
                                       const std::set<grpc::StatusCode>& allowed) {
  std::vector<FailedCall> other;
  for (const FailedCall& failure : failures) {
    if (allowed.count(failure.code) == 0) other.push_back(failure);
  }
  return other;
}

// Hosts started one after another on one database (a HostProcess is not restarted: each start
// gets a new one), their output shown when the test failed.
class FaultTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  }

  void TearDown() override {
    for (auto& host : hosts_) {
      if (host->running()) host->Stop();
    }
    if (HasFailure()) {
      for (std::size_t i = 0; i < hosts_.size(); ++i) {
        std::string log = hosts_[i]->output();
        if (log.size() > kMaxLogShown) log = "...\n" + log.substr(log.size() - kMaxLogShown);
        std::cerr << "---- assist-host #" << i + 1 << " output ----\n"
                  << log << "---- end of output ----\n";
      }
    }
    hosts_.clear();
    tmpfs_.reset();
    database_.reset();
  }

  // A new database of the test's backend: a SQLite file in the test's directory, or a database
  // on the shared PostgreSQL cluster.
  void PrepareDatabase(DatabaseSetup* database) {
    database_ = std::make_unique<TestDatabase>();
    database_->Prepare(GetParam(), dir_->path() / "assist.db");
    *database = database_->setup();
  }

  // Starts a host on `database` and connects a client to it.
  void StartHost(const DatabaseSetup& database, std::unique_ptr<Client>* client) {
    const fs::path config = dir_->path() / "host.textproto";
    std::ofstream(config) << HostConfigText(database, ASSIST_PLUGIN_DIR);
    hosts_.push_back(std::make_unique<HostProcess>());
    const std::optional<int> port = host().Start(ASSIST_HOST_BINARY, config, dir_->path());
    ASSERT_TRUE(port.has_value()) << host().error();
    *client = ConnectedClient(*port);
    ASSERT_NE(*client, nullptr) << "no gRPC connection to 127.0.0.1:" << *port;
  }

  HostProcess& host() { return *hosts_.back(); }

  std::unique_ptr<TempDir> dir_ = std::make_unique<TempDir>("assist-fault");
  std::unique_ptr<TmpfsMount> tmpfs_;  // unmounted after the hosts stopped, before dir_ goes
  std::vector<std::unique_ptr<HostProcess>> hosts_;
  std::unique_ptr<TestDatabase> database_;
};

// ---- PostgreSQL restarted under a running host ---------------------------------------------

using FaultPgRestartTest = FaultTest;

TEST_P(FaultPgRestartTest, HostServesAgainWithinSecondsAndKeepsAcknowledgedWrites) {
  const auto test_started = FaultClock::now();
  OwnPgCluster cluster;
  if (!cluster.ready()) {
    if (cluster.missing() && !InCi()) GTEST_SKIP() << cluster.problem();
    GTEST_FAIL() << cluster.problem();
  }
  const DatabaseSetup database{"postgresql", cluster.conninfo(), "health_check_interval_ms: 200"};
  std::unique_ptr<Client> client;
  ASSERT_NO_FATAL_FAILURE(StartHost(database, &client));
  EXPECT_EQ(HealthStatus(*client), "SERVING");

  WriteLoad load(*client, kWriters, 5000ms);
  ASSERT_TRUE(WaitUntil(FaultClock::now() + 15s, [&] { return load.ok_calls() >= 40; }))
      << "the write load does not get going: " << load.ok_calls()
      << " calls OK; failures: " << SummarizeFailures(load.failures());

  // Down for about 3 s. The health status must say so, and callers must be told to retry.
  const auto stopping = FaultClock::now();
  ASSERT_EQ(cluster.Pause(), "");
  const auto stopped = FaultClock::now();
  std::optional<FaultClock::duration> not_serving_after;
  std::set<std::string> health_while_down;
  while (FaultClock::now() < stopped + 3s) {
    const std::string health = HealthStatus(*client);
    health_while_down.insert(health);
    if (health == "NOT_SERVING" && !not_serving_after) {
      not_serving_after = FaultClock::now() - stopped;
    }
    std::this_thread::sleep_for(100ms);
  }
  const int failed_while_down = static_cast<int>(load.failures().size());
  ASSERT_EQ(cluster.Resume(), "");
  const auto resumed = FaultClock::now();

  // The next calls succeed within 5 s, from this host.
  Acknowledged probes;
  std::optional<FaultClock::duration> first_ok_after;
  std::string last_refusal = "none";
  while (!first_ok_after && FaultClock::now() < resumed + 5s) {
    v1::CreatePersonRequest request;
    request.set_given_name("Piotr");
    request.set_family_name("Po-Restarcie");
    request.set_birth_date("1979-11-30");
    v1::Person person;
    const grpc::Status status =
        CallWithin(*client, Sopot().worker, 2000ms, &Cases::CreatePerson, request, &person);
    if (status.ok()) {
      first_ok_after = FaultClock::now() - resumed;
      probes.people.push_back(person.id());
    } else {
      last_refusal = Describe(status);
      std::this_thread::sleep_for(100ms);
    }
  }
  EXPECT_TRUE(first_ok_after.has_value())
      << "no call succeeded within 5 s of PostgreSQL's return; the last answer: " << last_refusal;
  std::string health_after = "not asked";
  const bool serving_again = WaitUntil(resumed + 5s, [&] {
    health_after = HealthStatus(*client);
    return health_after == "SERVING";
  });
  EXPECT_TRUE(serving_again) << "the health status is still " << health_after
                             << " 5 s after PostgreSQL's return";
  // The load's own writers are answered again too.
  EXPECT_TRUE(WaitUntil(resumed + 8s, [&] { return load.ok_since(resumed) >= 20; }))
      << load.ok_since(resumed) << " calls of the load succeeded in the 8 s after the restart";
  load.Stop();

  EXPECT_TRUE(not_serving_after.has_value())
      << "the health status never left SERVING in the 3 s PostgreSQL was down (interval 200 ms);"
      << " seen: " << testing::PrintToString(health_while_down);
  EXPECT_GT(failed_while_down, 0) << "no call failed while PostgreSQL was down";
  const std::vector<FailedCall> failures = load.failures();
  const std::vector<FailedCall> before_stop = EndedBefore(failures, stopping);
  EXPECT_TRUE(before_stop.empty())
      << "calls failed before PostgreSQL stopped: " << SummarizeFailures(before_stop);
  const std::vector<FailedCall> wrong = CodesOtherThan(failures, {grpc::StatusCode::UNAVAILABLE});
  EXPECT_TRUE(wrong.empty()) << "failures other than UNAVAILABLE: " << SummarizeFailures(wrong)
                             << "; all failures: " << SummarizeFailures(failures);

  std::cout << "PostgreSQL restart: " << load.ok_calls()
            << " calls OK, failures: " << SummarizeFailures(failures) << "; NOT_SERVING after "
            << (not_serving_after ? Seconds(*not_serving_after) : -1.0)
            << " s; first OK call after the restart "
            << (first_ok_after ? Seconds(*first_ok_after) : -1.0) << " s\n";

  EXPECT_EQ(host().Stop(), "exit 0");
  Acknowledged acknowledged = load.acknowledged();
  acknowledged.Add(probes);
  ExpectAcknowledgedPresent(database, acknowledged);
  ExpectNoHalfWrittenSteps(database);
  EXPECT_LT(FaultClock::now() - test_started, 60s);
}

INSTANTIATE_TEST_SUITE_P(Postgresql, FaultPgRestartTest, testing::Values(Backend::kPostgresql),
                         BackendName);

// ---- kill -9 under write load ----------------------------------------------------------------

using FaultKillTest = FaultTest;

TEST_P(FaultKillTest, NoAcknowledgedWriteLostAndNoStepHalfWritten) {
  const auto test_started = FaultClock::now();
  DatabaseSetup database;
  ASSERT_NO_FATAL_FAILURE(PrepareDatabase(&database));
  if (IsSkipped()) return;

  Acknowledged acknowledged;
  for (int round = 1; round <= 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    std::unique_ptr<Client> client;
    ASSERT_NO_FATAL_FAILURE(StartHost(database, &client));
    if (round > 1) {
      ExpectAcknowledgedPresent(database, acknowledged);
      ExpectNoHalfWrittenSteps(database);
    }
    WriteLoad load(*client, kWriters);
    WaitUntil(FaultClock::now() + 10s, [&] { return load.ok_calls() >= 10; });
    std::this_thread::sleep_for(2s);
    const auto killing = FaultClock::now();
    const std::string killed = host().Kill();
    load.Stop();
    EXPECT_EQ(killed, "signal 9 (Killed)");

    const Acknowledged this_round = load.acknowledged();
    EXPECT_GT(this_round.writes(), 0u)
        << "no write acknowledged in 2 s; failures: " << SummarizeFailures(load.failures());
    acknowledged.Add(this_round);
    // Before the kill, four writers on their own cases: nothing to refuse but, at worst, a
    // retryable overload.
    const std::vector<FailedCall> wrong =
        CodesOtherThan(EndedBefore(load.failures(), killing),
                       {grpc::StatusCode::ABORTED, grpc::StatusCode::UNAVAILABLE,
                        grpc::StatusCode::RESOURCE_EXHAUSTED});
    EXPECT_TRUE(wrong.empty()) << "failures before the kill: " << SummarizeFailures(wrong);
    std::cout << "round " << round << ": " << this_round.writes() << " writes acknowledged, "
              << this_round.cases.size() << " cases\n";
  }

  std::unique_ptr<Client> client;
  ASSERT_NO_FATAL_FAILURE(StartHost(database, &client));
  ExpectAcknowledgedPresent(database, acknowledged);
  ExpectNoHalfWrittenSteps(database);
  // And through the API: the last case that got its intake reads back whole.
  for (auto it = acknowledged.cases.rbegin(); it != acknowledged.cases.rend(); ++it) {
    if (it->second != CaseStage::kIntake) continue;
    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(*client, Sopot().head, it->first, &detail));
    EXPECT_EQ(detail.case_().assistant_id(), Sopot().assistant.actor_id);
    EXPECT_EQ(detail.case_().consent(), v1::CONSENT_STATE_GIVEN);
    EXPECT_GE(detail.case_().intake_version(), 1);
    EXPECT_FALSE(detail.intake().json().empty());
    break;
  }
  EXPECT_EQ(host().Stop(), "exit 0");
  std::cout << acknowledged.writes() << " acknowledged writes over 3 kill -9 rounds\n";
  EXPECT_LT(FaultClock::now() - test_started, 60s);
}

INSTANTIATE_BACKENDS(FaultKillTest);

// ---- SQLite on a full disk -------------------------------------------------------------------

using FaultDiskFullTest = FaultTest;

TEST_P(FaultDiskFullTest, RetryableErrorsWhileFullAndRecoveryOnceSpaceIsFreed) {
  const auto test_started = FaultClock::now();
  if (geteuid() != 0) {
    if (InCi()) GTEST_FAIL() << "CI is set, but mounting a tmpfs needs root";
    GTEST_SKIP() << "mounting a tmpfs needs root";
  }
  const fs::path small = dir_->path() / "small";
  tmpfs_ = std::make_unique<TmpfsMount>(small, 4096);
  if (!tmpfs_->mounted()) {
    if (InCi()) GTEST_FAIL() << tmpfs_->problem();
    GTEST_SKIP() << tmpfs_->problem();
  }
  // 1 MiB that the test frees later, written (not sparse) so that tmpfs holds its pages.
  const fs::path filler = small / "filler";
  {
    std::ofstream out(filler, std::ios::binary);
    const std::string block(64 * 1024, 'f');
    for (int i = 0; i < 16; ++i) out << block;
    ASSERT_TRUE(out.good()) << "writing " << filler;
  }
  const DatabaseSetup database{"sqlite", (small / "assist.db").string(), ""};
  std::unique_ptr<Client> client;
  ASSERT_NO_FATAL_FAILURE(StartHost(database, &client));
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(*client, Sopot(), &case_id));

  Acknowledged acknowledged;
  std::vector<FailedCall> failures;
  const auto record_contact = [&](std::size_t note_size) {
    v1::RecordContactRequest request;
    request.set_case_id(case_id);
    request.set_kind(v1::CONTACT_KIND_MEETING);
    request.set_duration_minutes(30);
    std::string notes = "contact " + std::to_string(acknowledged.contacts.size()) + ": ";
    notes.resize(note_size, 'n');
    request.set_notes(notes);
    v1::Contact contact;
    const auto started = FaultClock::now();
    const grpc::Status status =
        CallWithin(*client, Sopot().assistant, 10000ms, &Cases::RecordContact, request, &contact);
    if (status.ok()) {
      acknowledged.contacts.push_back(contact.id());
    } else {
      failures.push_back({"RecordContact", status.error_code(), status.error_message(), started,
                          FaultClock::now()});
    }
    return status;
  };

  // Fill the disk: contacts of ~19 KB until five in a row fail (bounded: 30 s, 2000 calls).
  int in_a_row = 0;
  for (int call = 0; call < 2000 && in_a_row < 5 && FaultClock::now() < test_started + 30s;
       ++call) {
    in_a_row = record_contact(19000).ok() ? 0 : in_a_row + 1;
  }
  ASSERT_EQ(in_a_row, 5) << "the 4 MiB tmpfs did not fill: " << acknowledged.contacts.size()
                         << " contacts went in; failures: " << SummarizeFailures(failures);
  const std::vector<FailedCall> wrong = CodesOtherThan(
      failures, {grpc::StatusCode::RESOURCE_EXHAUSTED, grpc::StatusCode::UNAVAILABLE});
  EXPECT_TRUE(wrong.empty()) << "a full disk answered with other than RESOURCE_EXHAUSTED or "
                                "UNAVAILABLE: "
                             << SummarizeFailures(wrong);
  std::cout << acknowledged.contacts.size()
            << " contacts before the disk was full; failures: " << SummarizeFailures(failures)
            << "\n";

  // The host keeps answering: what needs no database, the health service, and a read (which
  // writes its audit row, so it may be refused too, but with a retryable code).
  v1::ListAssistanceTypesResponse types;
  EXPECT_TRUE(IsOk(client->Call(Sopot().worker, &Platform::ListAssistanceTypes,
                                v1::ListAssistanceTypesRequest(), &types)));
  const std::string health = HealthStatus(*client);
  EXPECT_TRUE(health == "SERVING" || health == "NOT_SERVING") << health;
  v1::GetCaseRequest get;
  get.set_case_id(case_id);
  v1::CaseDetail detail;
  const grpc::Status read =
      CallWithin(*client, Sopot().head, 10000ms, &Cases::GetCase, get, &detail);
  EXPECT_TRUE(read.ok() || read.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED ||
              read.error_code() == grpc::StatusCode::UNAVAILABLE)
      << Describe(read);

  // Space freed: writes succeed again, at once or after a few retries.
  fs::remove(filler);
  const auto freed = FaultClock::now();
  const std::size_t failures_before_freeing = failures.size();
  const bool writes_again = WaitUntil(freed + 10s, [&] { return record_contact(200).ok(); });
  EXPECT_TRUE(writes_again) << "no write succeeded within 10 s of freeing 1 MiB; failures since: "
                            << SummarizeFailures(std::vector<FailedCall>(
                                   failures.begin() +
                                       static_cast<std::ptrdiff_t>(failures_before_freeing),
                                   failures.end()));
  if (writes_again) {
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(IsOk(record_contact(200)));
  }

  EXPECT_EQ(host().Stop(), "exit 0");
  std::string integrity;
  try {
    integrity = SqliteIntegrity(database.connection);
  } catch (const std::exception& e) {
    integrity = e.what();
  }
  EXPECT_EQ(integrity, "ok");
  ExpectAcknowledgedPresent(database, acknowledged);
  ExpectNoHalfWrittenSteps(database);
  EXPECT_LT(FaultClock::now() - test_started, 60s);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, FaultDiskFullTest, testing::Values(Backend::kSqlite), BackendName);

}  // namespace
}  // namespace assist::it
