// `assistctl health` follows the host's health status: NOT_SERVING while the host's PostgreSQL
// server is down (exit 6, in words), SERVING again once it is back.
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli_host_test.hpp"
#include "fault_support.hpp"

namespace assist::cli_test {
namespace {

using namespace std::chrono_literals;
using testing::HasSubstr;

// Runs `assistctl health` until `done` holds for its result or `within` passes.
template <typename Done>
CliResult HealthUntil(const Environment& env, std::chrono::seconds within, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  CliResult result;
  do {
    result = RunCli(AssistctlBinary(), {"health", "--timeout", "3"}, env);
    if (done(result)) break;
    std::this_thread::sleep_for(100ms);
  } while (std::chrono::steady_clock::now() < deadline);
  return result;
}

TEST(AssistctlHealth, NotServingWhileTheDatabaseIsDownExitsSix) {
  it::OwnPgCluster cluster;
  if (!cluster.ready()) {
    if (cluster.missing() && !it::InCi()) GTEST_SKIP() << cluster.problem();
    GTEST_FAIL() << cluster.problem();
  }
  it::TempDir dir("assistctl-health");
  const auto config = dir.path() / "host.textproto";
  std::ofstream(config) << it::HostConfigText(
      {"postgresql", cluster.conninfo(), "health_check_interval_ms: 200"}, ASSIST_PLUGIN_DIR);
  it::HostProcess host;
  const std::optional<int> port = host.Start(ASSIST_HOST_BINARY, config, dir.path());
  ASSERT_TRUE(port.has_value()) << host.error();
  const Environment env{{"HOME", dir.path().string()},
                        {"ASSIST_ADDRESS", "127.0.0.1:" + std::to_string(*port)}};

  const CliResult serving = RunCli(AssistctlBinary(), {"health"}, env);
  EXPECT_EQ(serving.exit_code, 0) << Describe({"health"}, serving);

  ASSERT_EQ(cluster.Pause(), "");
  const CliResult down = HealthUntil(env, 15s, [](const CliResult& r) { return r.exit_code != 0; });
  EXPECT_EQ(down.exit_code, 6) << Describe({"health"}, down);
  EXPECT_EQ(down.out, "NOT_SERVING\n");
  EXPECT_THAT(down.err, HasSubstr("the host answers NOT_SERVING"));

  ASSERT_EQ(cluster.Resume(), "");
  const CliResult back = HealthUntil(env, 20s, [](const CliResult& r) { return r.exit_code == 0; });
  EXPECT_EQ(back.exit_code, 0) << Describe({"health"}, back);
  EXPECT_EQ(back.out, "SERVING\n");
  EXPECT_EQ(host.Stop(), "exit 0");
  if (HasFailure()) std::cerr << host.output();
}

}  // namespace
}  // namespace assist::cli_test
