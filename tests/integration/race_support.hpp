#pragma once
// What the concurrency tests (race_test.cpp) are built from: callers that really start together,
// a tally of the answers a race got, and N real hosts on ONE database (a SQLite file, or one
// PostgreSQL database that several hosts share, as a scaled-out deployment does).
#include <grpcpp/support/status.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <latch>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "client.hpp"
#include "host_process.hpp"
#include "host_test.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"

namespace assist::it {

// Runs call(0) ... call(callers - 1), each on a thread of its own; no call starts before every
// thread exists and has reached the starting line, so they hit the host at (nearly) the same
// moment. Returns the results in caller order.
template <typename Result>
std::vector<Result> RunTogether(int callers, const std::function<Result(int)>& call) {
  std::vector<Result> results(static_cast<std::size_t>(callers));
  std::latch start(callers);
  {
    std::vector<std::jthread> threads;
    threads.reserve(results.size());
    for (int caller = 0; caller < callers; ++caller) {
      threads.emplace_back([&, caller] {
        start.arrive_and_wait();
        results[static_cast<std::size_t>(caller)] = call(caller);
      });
    }
  }  // the jthreads join here
  return results;
}

// The answers of one rule's races over all rounds: how many of each code, the first message of
// each code, and the rounds whose outcome broke the rule. Not thread-safe: count after the race.
class RaceTally {
 public:
  explicit RaceTally(std::set<grpc::StatusCode> allowed) : allowed_(std::move(allowed)) {}

  void Count(const grpc::Status& status);
  void Violation(int round, const std::string& what);
  void Violation(const std::string& where, const std::string& what);

  int count(grpc::StatusCode code) const;
  int violations() const { return static_cast<int>(violations_.size()); }
  // Answers with a code the rule does not allow (INTERNAL and UNKNOWN are never allowed).
  int unexpected() const;
  // ALREADY_EXISTS and ABORTED answers without a google.rpc.ErrorInfo in their details.
  int without_details() const { return without_details_; }

  // One line per code ("ALREADY_EXISTS x300 (first: ...)") and the violations.
  std::string Summary() const;

 private:
  std::set<grpc::StatusCode> allowed_;
  std::map<grpc::StatusCode, int> counts_;
  std::map<grpc::StatusCode, std::string> examples_;
  std::vector<std::string> violations_;
  int without_details_ = 0;
  std::string without_details_example_;
};

// True when the status carries a google.rpc.ErrorInfo (reason, domain) in its details.
bool HasErrorInfo(const grpc::Status& status);

// Fails the test unless the tally has no violation, no INTERNAL, no UNKNOWN, no code outside the
// allowed ones and no ALREADY_EXISTS or ABORTED without an ErrorInfo; prints the summary either
// way, so a run shows what the races answered.
void ExpectCleanRaces(const std::string& rule, const RaceTally& tally);

// Hosts of one test on one fresh database. The fixture is parameterised over the backend like
// HostTest (instantiate with INSTANTIATE_BACKENDS, or with PostgreSQL alone for several hosts).
class HostGroupTest : public testing::TestWithParam<Backend> {
 protected:
  void TearDown() override;

  // A new empty database for the hosts started next (SQLite: a new file). May skip the test
  // when no PostgreSQL is available outside CI.
  void PrepareDatabase();
  // Starts `count` hosts on the prepared database, one after another: each waits until the one
  // before reports "listening", so start-up migrations never run at the same time.
  void StartHosts(int count);
  // Starts `count` more hosts on the prepared database all at the same moment, as an
  // orchestrator starting replicas would. Returns, per host, why it did not come up ("" when it
  // did); the hosts that came up get clients like those of StartHosts.
  std::vector<std::string> StartHostsTogether(int count);
  // Stops every host (expecting a clean exit) and forgets them; the database stays.
  void StopHosts();

  int hosts() const { return static_cast<int>(clients_.size()); }
  // Host `host`'s client for set-up and checks (one channel per host).
  Client& client(int host = 0) { return *clients_.at(static_cast<std::size_t>(host)); }
  // A caller of a race: a channel (TCP connection) of its own to host `caller % hosts()`, made
  // once and kept for the test.
  Client& caller(int index);

  // Everything the hosts printed so far, for failure messages.
  std::string HostOutputs() const;

 private:
  // A new HostProcess (not started) with its working directory and config file.
  HostProcess& AddHost(std::filesystem::path* config, std::filesystem::path* work);
  // Adds the client of a host that came up on `port`.
  void Connected(int port);

  std::unique_ptr<TempDir> dir_;
  std::vector<std::unique_ptr<TestDatabase>> databases_;  // the last one is the hosts'
  int started_ = 0;  // hosts started so far (their directories)
  std::vector<std::unique_ptr<HostProcess>> hosts_;
  std::vector<int> ports_;
  std::vector<std::unique_ptr<Client>> clients_;
  std::map<int, std::unique_ptr<Client>> callers_;
  std::string stopped_output_;  // output of hosts already stopped
};

// The PostgreSQL instance of a suite that needs one database shared by several hosts; the test
// names end in "/postgresql" like every PostgreSQL test (tests/integration/CMakeLists.txt).
#define INSTANTIATE_POSTGRESQL_ONLY(suite)                                      \
  INSTANTIATE_TEST_SUITE_P(PostgresqlOnly, suite,                               \
                           testing::Values(::assist::it::Backend::kPostgresql), \
                           ::assist::it::BackendName)

}  // namespace assist::it
