#include "cli_host_test.hpp"

#include <fstream>
#include <iostream>

namespace assist::cli_test {

const std::string& AssistctlBinary() {
  static const std::string binary = ASSISTCTL_BINARY;
  return binary;
}

void CliHostTest::SetUp() {
  dir_ = std::make_unique<it::TempDir>("assistctl-test");
  database_ = std::make_unique<it::TestDatabase>();
  ASSERT_NO_FATAL_FAILURE(database_->Prepare(GetParam(), dir_->path() / "assist.db"));
  if (IsSkipped()) return;
  const it::SecuritySetup security = Security();
  const auto config = dir_->path() / "host.textproto";
  std::ofstream(config) << it::HostConfigText(database_->setup(), ASSIST_PLUGIN_DIR, security);
  const std::optional<int> port = host_.Start(ASSIST_HOST_BINARY, config, dir_->path());
  ASSERT_TRUE(port.has_value()) << host_.error();
  address_ = "127.0.0.1:" + std::to_string(*port);

  if (security.tls) return;  // the TLS tests reach the host through assistctl only
  auto channel = grpc::CreateChannel(address_, grpc::InsecureChannelCredentials());
  ASSERT_TRUE(
      channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10)))
      << "no gRPC connection to " << address_ << "; host output:\n"
      << host_.output();
  client_ = std::make_unique<it::Client>(std::move(channel));
}

void CliHostTest::TearDown() {
  client_.reset();
  if (host_.running()) {
    EXPECT_EQ(host_.Stop(), "exit 0");
  }
  if (HasFailure()) std::cerr << "---- assist-host output ----\n" << host_.output() << "----\n";
  database_.reset();
  dir_.reset();
}

CliResult CliHostTest::Ctl(const Identity& who, const std::vector<std::string>& args,
                           const Environment& env, const std::string& stdin_text) {
  Environment all{{"HOME", dir().string()},
                  {"ASSIST_ADDRESS", address_},
                  {"ASSIST_TOKEN", std::string(who.token)}};
  for (const auto& [name, value] : env) all[name] = value;
  return RunCli(AssistctlBinary(), args, all, stdin_text);
}

CliResult CliHostTest::CtlBare(const std::vector<std::string>& args, const Environment& env) {
  Environment all{{"HOME", dir().string()}};
  for (const auto& [name, value] : env) all[name] = value;
  return RunCli(AssistctlBinary(), args, all);
}

}  // namespace assist::cli_test
