#include "host_test.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "host_config.hpp"

namespace assist::it {
namespace {

constexpr std::size_t kMaxLogShown = 30000;

}  // namespace

void HostTest::SetUp() {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  dir_ = std::make_unique<TempDir>("assist-it");
  database_ = std::make_unique<TestDatabase>();
  ASSERT_NO_FATAL_FAILURE(database_->Prepare(GetParam(), dir_->path() / "assist.db"));
  if (IsSkipped()) return;

  const auto config = dir_->path() / "host.textproto";
  std::ofstream(config) << HostConfigText(database_->setup(), ASSIST_PLUGIN_DIR, {}, ExtraConfig());
  const std::optional<int> port = host_.Start(ASSIST_HOST_BINARY, config, dir_->path());
  ASSERT_TRUE(port.has_value()) << host_.error();

  auto channel =
      grpc::CreateChannel("127.0.0.1:" + std::to_string(*port), grpc::InsecureChannelCredentials());
  ASSERT_TRUE(
      channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10)))
      << "no gRPC connection to 127.0.0.1:" << *port << "; host output:\n"
      << host_.output();
  channel_ = channel;
  client_ = std::make_unique<Client>(std::move(channel));
}

void HostTest::TearDown() {
  client_.reset();
  channel_.reset();
  if (host_.running()) {
    const std::string exit = host_.Stop();
    EXPECT_EQ(exit, "exit 0") << "assist-host should shut down cleanly on SIGTERM";
  }
  if (std::string log = host_.output(); HasFailure() && !log.empty()) {
    if (log.size() > kMaxLogShown) log = "...\n" + log.substr(log.size() - kMaxLogShown);
    std::cerr << "---- assist-host output ----\n" << log << "---- end of output ----\n";
  }
  database_.reset();
  dir_.reset();
}

}  // namespace assist::it
