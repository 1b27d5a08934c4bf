// The host's promise to operators: whatever else lies in the plugin directory - a second copy of
// a plugin (whose protos protobuf refuses to register twice, by aborting), a file that is no
// library - it refuses that file with a log line naming it and serves the real plugins, health
// check included. One real host on SQLite; the loader's other refusals are unit-tested.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "client.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "host_test.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "temp_dir.hpp"

namespace assist::it {
namespace {

namespace fs = std::filesystem;
namespace v1 = assist::v1;

// The real plugins' ids, from their file names (assist_<id>.so).
std::set<std::string> RealPlugins(const fs::path& from, const fs::path& to) {
  std::set<std::string> ids;
  for (const auto& entry : fs::directory_iterator(from)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("assist_") || entry.path().extension() != ".so") continue;
    fs::copy_file(entry.path(), to / name);
    ids.insert(name.substr(7, name.size() - 7 - 3));
  }
  return ids;
}

// On SQLite only (the loader is the same on both); parameterised so that its name ends in
// "/sqlite" like every integration test's.
class PluginDirTest : public testing::TestWithParam<Backend> {};

TEST_P(PluginDirTest, HostRefusesWhatIsNoPluginAndServesTheRest) {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  TempDir dir("assist-plugin-dir");
  const fs::path plugins = dir.path() / "plugins";
  fs::create_directory(plugins);
  const std::set<std::string> expected = RealPlugins(ASSIST_PLUGIN_DIR, plugins);
  ASSERT_TRUE(expected.count("family")) << "the family plugin is needed for the duplicate";
  // Sorted after assist_family.so, so the original loads first.
  fs::copy_file(plugins / "assist_family.so", plugins / "assist_family_copy.so");
  std::ofstream(plugins / "assist_notes.so") << "not a library\n";

  const fs::path config = dir.path() / "host.textproto";
  std::ofstream(config) << HostConfigText({"sqlite", (dir.path() / "assist.db").string(), ""},
                                          plugins.string());
  HostProcess host;
  const std::optional<int> port = host.Start(ASSIST_HOST_BINARY, config, dir.path());
  ASSERT_TRUE(port.has_value()) << host.error();
  auto channel =
      grpc::CreateChannel("127.0.0.1:" + std::to_string(*port), grpc::InsecureChannelCredentials());
  Client client(channel);

  v1::ListAssistanceTypesResponse types;
  ASSERT_TRUE(IsOk(client.Call(Sopot().worker, &Platform::ListAssistanceTypes,
                               v1::ListAssistanceTypesRequest(), &types)));
  std::set<std::string> served;
  for (const auto& type : types.types()) served.insert(type.id());
  EXPECT_EQ(served, expected);

  // grpc.health.v1.Health/Check of the whole server: HealthCheckResponse{status: SERVING}.
  std::string health;
  ASSERT_TRUE(IsOk(client.CallPath("/grpc.health.v1.Health/Check", "", "", &health)));
  EXPECT_EQ(health, std::string("\x08\x01", 2));

  const std::string log = host.output();
  EXPECT_NE(log.find("assist_family_copy.so refused: crashed while loading"), std::string::npos)
      << log;
  EXPECT_NE(log.find("assist_notes.so refused: not a loadable library"), std::string::npos) << log;
  EXPECT_EQ(host.Stop(), "exit 0");
}

// A second host on the port of a running one must not start: gRPC binds with SO_REUSEPORT by
// default, and the kernel would split the calls between two hosts with possibly other configs.
TEST_P(PluginDirTest, ASecondHostOnABusyPortExitsWithAddressInUse) {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  TempDir dir("assist-busy-port");
  const fs::path first_config = dir.path() / "first.textproto";
  std::ofstream(first_config) << HostConfigText({"sqlite", (dir.path() / "first.db").string(), ""},
                                                ASSIST_PLUGIN_DIR);
  HostProcess first;
  const std::optional<int> port = first.Start(ASSIST_HOST_BINARY, first_config, dir.path());
  ASSERT_TRUE(port.has_value()) << first.error();

  std::string text =
      HostConfigText({"sqlite", (dir.path() / "second.db").string(), ""}, ASSIST_PLUGIN_DIR);
  const std::string any_port = "127.0.0.1:0";
  text.replace(text.find(any_port), any_port.size(), "127.0.0.1:" + std::to_string(*port));
  const fs::path second_config = dir.path() / "second.textproto";
  std::ofstream(second_config) << text;
  HostProcess second;
  EXPECT_FALSE(second.Start(ASSIST_HOST_BINARY, second_config, dir.path()).has_value())
      << "a second host started on busy port " << *port;
  EXPECT_NE(second.output().find("address in use"), std::string::npos) << second.output();
  EXPECT_NE(second.error().find("exit 1"), std::string::npos) << second.error();
  EXPECT_EQ(first.Stop(), "exit 0");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PluginDirTest, testing::Values(Backend::kSqlite), BackendName);

}  // namespace
}  // namespace assist::it
