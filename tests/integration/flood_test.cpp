// A flood of idle connections (issue 10): 2,000 TCP connections that never speak HTTP/2, held,
// then closed. The host must answer a fresh caller within a second afterwards with the open-file
// limit it raises for itself; with a hard limit of 1,024 it cannot, and the test shows where.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "client.hpp"
#include "fault_support.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "host_test.hpp"
#include "temp_dir.hpp"

namespace assist::it {
namespace {

constexpr int kConnections = 2000;

// The test itself holds 2,000 sockets: more than the usual soft limit of 1,024.
void RaiseOwnFileLimit() {
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  limit.rlim_cur = limit.rlim_max;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &limit), 0);
  if (limit.rlim_cur < static_cast<rlim_t>(kConnections + 100)) {
    GTEST_SKIP() << "this test needs a hard open-file limit above " << kConnections << ", not "
                 << limit.rlim_cur;
  }
}

// Idle TCP connections to 127.0.0.1:`port` (connected, never a byte sent); -1 for those the
// kernel refused.
std::vector<int> OpenIdleConnections(int port, int count) {
  std::vector<int> sockets;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  for (int i = 0; i < count; ++i) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd >= 0 && connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
      close(fd);
      sockets.push_back(-1);
      continue;
    }
    sockets.push_back(fd);
  }
  return sockets;
}

class ConnectionFloodTest : public testing::TestWithParam<Backend> {
 protected:
  // Starts a host (under `launcher`, if any), floods it, closes the flood, and expects a new
  // caller's health check to be answered SERVING within a second.
  void FloodAndRecover(std::vector<std::string> launcher, bool expect_recovery = true) {
    ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
    ASSERT_NO_FATAL_FAILURE(RaiseOwnFileLimit());
    if (IsSkipped()) return;
    TempDir dir("assist-flood");
    const std::filesystem::path config = dir.path() / "host.textproto";
    std::ofstream(config) << HostConfigText({"sqlite", (dir.path() / "assist.db").string(), ""},
                                            ASSIST_PLUGIN_DIR);
    HostProcess host;
    host.set_launcher(std::move(launcher));
    const std::optional<int> port = host.Start(ASSIST_HOST_BINARY, config, dir.path());
    ASSERT_TRUE(port.has_value()) << host.error();

    std::vector<int> flood = OpenIdleConnections(*port, kConnections);
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the host accepts what it can
    for (const int fd : flood) {
      if (fd >= 0) close(fd);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the host sees them go

    const auto start = std::chrono::steady_clock::now();
    auto client = ConnectedClient(*port, std::chrono::seconds(1));
    if (!expect_recovery) {
      EXPECT_EQ(client, nullptr) << "the host answered after the flood: gRPC recovers now";
      EXPECT_NE(host.output().find("Too many open files"), std::string::npos) << host.output();
      EXPECT_NE(host.output().find("open-file limit is 1024"), std::string::npos)
          << "the host did not warn about its low limit:\n"
          << host.output();
      host.Kill();
      return;
    }
    ASSERT_NE(client, nullptr) << "no connection within 1 s after the flood; host output:\n"
                               << host.output();
    EXPECT_EQ(HealthStatus(*client), "SERVING");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
    EXPECT_EQ(host.Stop(), "exit 0") << host.output();
  }
};

// Started as systemd starts a unit without LimitNOFILE: 1,024 soft, a high hard limit. The host
// raises its own soft limit to the hard one.
TEST_P(ConnectionFloodTest, TwoThousandIdleConnectionsLeaveTheHostAnswering) {
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  FloodAndRecover({"/usr/bin/prlimit", "--nofile=1024:" + std::to_string(limit.rlim_max)});
}

// Where it breaks: a host that may not raise its limit past 1,024 (hard limit 1,024) runs out of
// descriptors during the flood, and gRPC 1.51's listener gives up on EMFILE for good
// (grpc/grpc#16058): no new connection is answered after the flood is gone. Debian's gRPC offers
// no cap on incoming connections to stay below the limit, so the host raises its soft limit, warns
// at start-up when the hard one is low, and the unit sets LimitNOFILE (docs/reliability.md). Should
// this test fail, gRPC recovers by itself now: make it expect recovery like the one above.
TEST_P(ConnectionFloodTest, With1024FileDescriptorsGrpcStopsAcceptingForGood) {
  FloodAndRecover({"/usr/bin/prlimit", "--nofile=1024:1024"}, /*expect_recovery=*/false);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ConnectionFloodTest, testing::Values(Backend::kSqlite),
                         BackendName);

}  // namespace
}  // namespace assist::it
