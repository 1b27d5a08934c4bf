// The host's command line and start-up as an operator meets them: --version, --check-config
// (every file the config names is checked, with the OS's reason, before any database is opened),
// the same checks before a serving start, SIGHUP that does not kill, bootstrap centres reconciled
// at every start, and the request id each answer carries. One real host binary on SQLite.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "client.hpp"
#include "host_config.hpp"
#include "host_process.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "subprocess.hpp"
#include "temp_dir.hpp"
#include "test_database.hpp"
#include "test_pki.hpp"

namespace assist::it {
namespace {

namespace fs = std::filesystem;
namespace v1 = assist::v1;

// A copy of the plugin directory holding only `types`.
fs::path PluginsOnly(const fs::path& dir, const std::vector<std::string>& types) {
  fs::create_directory(dir);
  for (const auto& type : types) {
    fs::copy_file(fs::path(ASSIST_PLUGIN_DIR) / ("assist_" + type + ".so"),
                  dir / ("assist_" + type + ".so"));
  }
  return dir;
}

class CommandLineTest : public testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
    dir_ = std::make_unique<TempDir>("assist-command-line");
  }

  fs::path Path(const std::string& name) const { return dir_->path() / name; }
  fs::path Database() const { return Path("assist.db"); }

  fs::path WriteConfig(const std::string& plugin_dir, const SecuritySetup& security = {}) const {
    const fs::path config = Path("host.textproto");
    std::ofstream(config) << HostConfigText({"sqlite", Database().string(), ""}, plugin_dir,
                                            security);
    return config;
  }

  RunResult RunHost(std::vector<std::string> args) const {
    args.insert(args.begin(), ASSIST_HOST_BINARY);
    return ::assist::it::Run(args);
  }

  std::unique_ptr<TempDir> dir_;
};

TEST_P(CommandLineTest, VersionNamesTheHostAndTheSdkItAccepts) {
  const RunResult result = RunHost({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("assist-host ", 0), 0u) << result.output;
  EXPECT_NE(result.output.find("accepts plugins built with SDK"), std::string::npos);
}

TEST_P(CommandLineTest, CheckConfigPassesAGoodConfigWithoutOpeningTheDatabase) {
  TestPki pki;
  ASSERT_EQ(MakeTestPki(dir_->path(), &pki), "");
  SecuritySetup security;
  security.tls =
      TlsSetup{pki.server.cert.string(), pki.server.key.string(), pki.ca_cert.string(), false};
  security.jwt_issuers.push_back(
      {"https://login.example", "assist", "RS256", pki.jwt_public_key.string()});
  const fs::path config = WriteConfig(ASSIST_PLUGIN_DIR, security);

  const RunResult result = RunHost({"--check-config", "--config=" + config.string()});
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("configuration ok: 4 assistance type(s), 2 bootstrap centre(s)"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(Database())) << "--check-config created the database";
}

// Each broken file is named with what is wrong with it, and nothing is created: neither by
// --check-config nor by a serving start, which makes the same checks first.
TEST_P(CommandLineTest, BrokenFilesAreNamedWithTheReasonBeforeTheDatabaseIsOpened) {
  TestPki pki;
  ASSERT_EQ(MakeTestPki(dir_->path(), &pki), "");
  std::ofstream(Path("garbage.pem")) << "not a certificate\n";
  const std::string missing = Path("missing.pem").string();
  auto tls = [&](fs::path cert, fs::path key) {
    SecuritySetup security;
    security.tls = TlsSetup{cert.string(), key.string(), "", false};
    return security;
  };
  auto jwt = [&](fs::path key) {
    SecuritySetup security;
    security.jwt_issuers.push_back({"https://login.example", "assist", "RS256", key.string()});
    return security;
  };
  struct Case {
    std::string what;
    std::string plugin_dir;
    SecuritySetup security;
    std::string expected;
  };
  const std::vector<Case> cases = {
      {"missing certificate", ASSIST_PLUGIN_DIR, tls(missing, pki.server.key),
       "tls.cert_file " + missing + ": No such file or directory"},
      {"certificate that is no PEM", ASSIST_PLUGIN_DIR, tls(Path("garbage.pem"), pki.server.key),
       "tls.cert_file " + Path("garbage.pem").string() + ": no PEM certificate in it"},
      {"key of another certificate", ASSIST_PLUGIN_DIR, tls(pki.server.cert, pki.app.key),
       "is not the key of the certificate in " + pki.server.cert.string()},
      {"missing token key", ASSIST_PLUGIN_DIR, jwt(missing),
       "public key of jwt issuer https://login.example " + missing + ": No such file"},
      {"token key that is a certificate", ASSIST_PLUGIN_DIR, jwt(pki.server.cert),
       "public key of jwt issuer https://login.example " + pki.server.cert.string() +
           ": not a PEM public key"},
      {"missing plugin directory",
       Path("no-plugins").string(),
       {},
       "plugin_dir " + Path("no-plugins").string() + ": No such file or directory"},
  };
  for (const Case& each : cases) {
    SCOPED_TRACE(each.what);
    const fs::path config = WriteConfig(each.plugin_dir, each.security);
    for (const bool check_only : {true, false}) {
      std::vector<std::string> args = {"--config", config.string()};
      if (check_only) args.push_back("--check-config");
      const RunResult result = RunHost(args);
      EXPECT_EQ(result.exit_code, 2) << result.output;
      EXPECT_NE(result.output.find(each.expected), std::string::npos) << result.output;
      EXPECT_FALSE(fs::exists(Database())) << "the database was opened: " << result.output;
    }
  }
}

TEST_P(CommandLineTest, CheckConfigRefusesABootstrapTypeThatDoesNotLoad) {
  const fs::path config = WriteConfig(PluginsOnly(Path("plugins"), {"family"}).string());
  const RunResult result = RunHost({"--check-config", "--config", config.string()});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("bootstrap centre mops-sopot: assistance type disability is not "
                               "among the plugins that load from"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(fs::exists(Database()));
}

TEST_P(CommandLineTest, SighupIsLoggedAndTheHostServesOn) {
  HostProcess host;
  const auto port = host.Start(ASSIST_HOST_BINARY, WriteConfig(ASSIST_PLUGIN_DIR), dir_->path());
  ASSERT_TRUE(port.has_value()) << host.error();
  host.Signal(SIGHUP);
  auto client = std::make_unique<Client>(grpc::CreateChannel("127.0.0.1:" + std::to_string(*port),
                                                             grpc::InsecureChannelCredentials()));
  for (int i = 0; i < 100 && host.output().find("SIGHUP ignored") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(host.output().find("SIGHUP ignored"), std::string::npos) << host.output();
  std::string health;
  EXPECT_TRUE(IsOk(client->CallPath("/grpc.health.v1.Health/Check", "", "", &health)));
  client.reset();
  EXPECT_EQ(host.Stop(), "exit 0");
}

std::vector<std::string> EnabledTypes(Client& client) {
  v1::GetCentreRequest request;
  request.set_id(std::string(kSopot));
  v1::Centre centre;
  const grpc::Status status = client.Call(Operator(), &Platform::GetCentre, request, &centre);
  EXPECT_TRUE(IsOk(status));
  return {centre.enabled_types().begin(), centre.enabled_types().end()};
}

// A start whose plugin directory lacked some of a bootstrap centre's types enables them at the
// next start that loads them; a type disabled through the API stays disabled.
TEST_P(CommandLineTest, BootstrapCentresAreReconciledAtEveryStart) {
  const fs::path family_only = PluginsOnly(Path("plugins"), {"family"});
  auto serve = [&](const fs::path& plugins, const std::function<void(Client&)>& check) {
    HostProcess host;
    const auto port = host.Start(ASSIST_HOST_BINARY, WriteConfig(plugins.string()), dir_->path());
    ASSERT_TRUE(port.has_value()) << host.error();
    {
      Client client(grpc::CreateChannel("127.0.0.1:" + std::to_string(*port),
                                        grpc::InsecureChannelCredentials()));
      check(client);
    }  // a connected client holds the host's shutdown for 5 s
    EXPECT_EQ(host.Stop(), "exit 0");
  };
  serve(family_only, [](Client& client) {
    EXPECT_EQ(EnabledTypes(client), std::vector<std::string>({"family"}));
  });
  serve(ASSIST_PLUGIN_DIR, [](Client& client) {
    EXPECT_EQ(EnabledTypes(client), BuiltTypes());
    v1::CentreAssistanceTypeRequest disable;
    disable.set_centre_id(std::string(kSopot));
    disable.set_type_id("disability");
    v1::Centre centre;
    EXPECT_TRUE(IsOk(client.Call(Operator(), &Platform::DisableAssistanceType, disable, &centre)));
  });
  serve(ASSIST_PLUGIN_DIR, [](Client& client) {
    std::vector<std::string> without_disability = BuiltTypes();
    std::erase(without_disability, "disability");
    EXPECT_EQ(EnabledTypes(client), without_disability);
  });
}

// Under systemd (Type=notify) the host says READY=1 once it listens; the files it creates (the
// database holds special-category data) are its own alone, whatever umask it started with.
TEST_P(CommandLineTest, TellsSystemdWhenItServesAndKeepsItsFilesPrivate) {
  const fs::path socket_path = Path("notify.sock");
  const int notify = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(notify, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
  ASSERT_EQ(bind(notify, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const timeval wait{10, 0};
  setsockopt(notify, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);

  const mode_t previous = umask(0022);
  setenv("NOTIFY_SOCKET", socket_path.c_str(), 1);
  HostProcess host;
  const auto port = host.Start(ASSIST_HOST_BINARY, WriteConfig(ASSIST_PLUGIN_DIR), dir_->path());
  unsetenv("NOTIFY_SOCKET");
  umask(previous);
  ASSERT_TRUE(port.has_value()) << host.error();
  char message[512] = {};
  const ssize_t got = recv(notify, message, sizeof message - 1, 0);
  close(notify);
  ASSERT_GT(got, 0) << "no sd_notify message";
  EXPECT_NE(std::string(message).find("READY=1"), std::string::npos) << message;
  EXPECT_EQ(fs::status(Database()).permissions(), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(host.Stop(), "exit 0");
}

// The id an answer carries in `x-request-id`: the caller's own when well-formed, else a random one.
TEST_P(CommandLineTest, EveryAnswerCarriesItsRequestId) {
  HostProcess host;
  const auto port = host.Start(ASSIST_HOST_BINARY, WriteConfig(ASSIST_PLUGIN_DIR), dir_->path());
  ASSERT_TRUE(port.has_value()) << host.error();
  auto stub = v1::PlatformService::NewStub(grpc::CreateChannel("127.0.0.1:" + std::to_string(*port),
                                                               grpc::InsecureChannelCredentials()));
  auto answered_id = [&](std::string_view token, const std::string& sent) {
    grpc::ClientContext context;
    Authorize(context, token);
    if (!sent.empty()) context.AddMetadata("x-request-id", sent);
    v1::ListCentresResponse response;
    stub->ListCentres(&context, v1::ListCentresRequest(), &response);
    const auto& metadata = context.GetServerInitialMetadata();
    const auto found = metadata.find("x-request-id");
    return found == metadata.end() ? std::string("(none)")
                                   : std::string(found->second.data(), found->second.size());
  };
  EXPECT_EQ(answered_id(Sopot().head.token, "app-7f3a:visit/12"), "app-7f3a:visit/12");
  const std::string made = answered_id(Sopot().head.token, "");
  EXPECT_EQ(made.size(), 32u) << made;
  EXPECT_EQ(made.find_first_not_of("0123456789abcdef"), std::string::npos) << made;
  EXPECT_NE(answered_id(Sopot().head.token, ""), made);
  const std::string replaced = answered_id(Sopot().head.token, "two words");
  EXPECT_EQ(replaced.size(), 32u) << "a malformed id is replaced, not echoed: " << replaced;
  EXPECT_EQ(answered_id("", "").size(), 32u) << "a refused call has an id too";
  stub.reset();
  EXPECT_EQ(host.Stop(), "exit 0");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CommandLineTest, testing::Values(Backend::kSqlite), BackendName);

}  // namespace
}  // namespace assist::it
