#include "host_test.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "host_config.hpp"
#include "pg_cluster.hpp"
#include "pg_database.hpp"

namespace assist::it {
namespace {

constexpr std::size_t kMaxLogShown = 30000;

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && *ci != '\0' && std::string_view(ci) != "false";
}

}  // namespace

std::string BackendName(const testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "sqlite" : "postgresql";
}

void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "sqlite" : "postgresql");
}

void HostTest::PrepareDatabase(std::string& backend, std::string& connection) {
  if (GetParam() == Backend::kSqlite) {
    backend = "sqlite";
    connection = (dir_->path() / "assist.db").string();
    return;
  }
  const PgServer& server = PgCluster::Instance().Get();
  if (server.state == PgServer::State::kMissing) {
    if (InCi()) GTEST_FAIL() << "CI is set, so PostgreSQL must be tested: " << server.problem;
    GTEST_SKIP() << server.problem;
  }
  ASSERT_EQ(server.state, PgServer::State::kReady) << server.problem;
  pg_server_ = server.conninfo;
  pg_database_ = CreateDatabase(pg_server_);
  backend = "postgresql";
  connection = WithDbName(pg_server_, pg_database_);
}

void HostTest::SetUp() {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  dir_ = std::make_unique<TempDir>("assist-it");
  std::string backend;
  std::string connection;
  ASSERT_NO_FATAL_FAILURE(PrepareDatabase(backend, connection));
  if (IsSkipped()) return;

  const auto config = dir_->path() / "host.textproto";
  std::ofstream(config) << HostConfigText({backend, connection, ""}, ASSIST_PLUGIN_DIR, {},
                                          ExtraConfig());
  const std::optional<int> port = host_.Start(ASSIST_HOST_BINARY, config, dir_->path());
  ASSERT_TRUE(port.has_value()) << host_.error();

  auto channel =
      grpc::CreateChannel("127.0.0.1:" + std::to_string(*port), grpc::InsecureChannelCredentials());
  ASSERT_TRUE(
      channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10)))
      << "no gRPC connection to 127.0.0.1:" << *port << "; host output:\n"
      << host_.output();
  client_ = std::make_unique<Client>(std::move(channel));
}

void HostTest::TearDown() {
  client_.reset();
  if (host_.running()) {
    const std::string exit = host_.Stop();
    EXPECT_EQ(exit, "exit 0") << "assist-host should shut down cleanly on SIGTERM";
  }
  if (std::string log = host_.output(); HasFailure() && !log.empty()) {
    if (log.size() > kMaxLogShown) log = "...\n" + log.substr(log.size() - kMaxLogShown);
    std::cerr << "---- assist-host output ----\n" << log << "---- end of output ----\n";
  }
  if (!pg_database_.empty()) DropDatabase(pg_server_, pg_database_);
  dir_.reset();
}

}  // namespace assist::it
