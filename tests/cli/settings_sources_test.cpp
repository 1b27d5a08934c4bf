// Where assistctl takes its settings from, against a real host: flag over environment over config
// file; usage errors and an unreachable host with their exit codes.
#include <sys/stat.h>

#include <fstream>

#include "cli_host_test.hpp"

namespace assist::cli_test {
namespace {

using testing::HasSubstr;
using testing::Not;

class SettingsSources : public CliHostTest {
 protected:
  std::string WriteConfig(const std::string& name, const std::string& text) {
    const auto path = dir() / name;
    std::ofstream(path) << text;
    chmod(path.c_str(), 0600);
    return path.string();
  }
};

TEST_P(SettingsSources, FlagBeatsEnvironmentBeatsConfigFile) {
  // The file names a dead address and the operator's token; the environment the live address.
  const std::string config =
      WriteConfig("ctl.conf", "# assistctl\naddress = 127.0.0.1:1\ntoken = \"" +
                                  std::string(it::Operator().token) + "\"\ntimeout = 5\n");
  const Environment env{{"ASSISTCTL_CONFIG", config}, {"ASSIST_ADDRESS", address()}};
  const CliResult listed = CtlBare({"centres", "list"}, env);
  ASSERT_EQ(listed.exit_code, 0) << Describe({"centres", "list"}, listed);
  EXPECT_THAT(listed.out, HasSubstr("gops-jastrzebia"));  // the operator sees every centre

  const CliResult shown = CtlBare({"config"}, env);
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("address"));
  EXPECT_THAT(shown.out, HasSubstr("environment"));
  EXPECT_THAT(shown.out, HasSubstr("config file " + config));
  EXPECT_THAT(shown.out, Not(HasSubstr(std::string(it::Operator().token))));

  // A flag beats both: with the assistant's token the same call is refused.
  const std::vector<std::string> args{
      "centres", "create",  "gops-y",
      "--name",  "Y",       "--municipality",
      "Y",       "--token", std::string(it::Sopot().assistant.token)};
  const CliResult denied = CtlBare(args, env);
  EXPECT_EQ(denied.exit_code, 3) << Describe(args, denied);

  // With the environment gone, the file's dead address is used: unavailable, exit 6.
  const CliResult dead = CtlBare({"centres", "list"}, {{"ASSISTCTL_CONFIG", config}});
  EXPECT_EQ(dead.exit_code, 6) << dead.err;
  EXPECT_THAT(dead.err, HasSubstr("unavailable"));
  EXPECT_THAT(dead.err, HasSubstr("127.0.0.1:1"));

  // The default config file is found under HOME, a token file beside it.
  std::filesystem::create_directories(dir() / ".config");
  WriteConfig("token", std::string(it::Operator().token) + "\n");
  WriteConfig(".config/assistctl.conf", "address = " + address() + "\ntoken_file = ../token\n");
  const CliResult home = CtlBare({"centres", "show", "mops-sopot"});
  EXPECT_EQ(home.exit_code, 0) << home.err;
  EXPECT_EQ(home.err, "");

  // A token in a file other users may read is used, with a warning.
  const std::string open_file = WriteConfig(
      "open.conf", "address = " + address() + "\ntoken = " + std::string(it::Operator().token));
  chmod(open_file.c_str(), 0644);
  const CliResult warned = CtlBare({"centres", "list", "--config", open_file});
  EXPECT_EQ(warned.exit_code, 0) << warned.err;
  EXPECT_THAT(warned.err, HasSubstr("other users may read it"));
}

TEST_P(SettingsSources, UsageErrorsExitTwo) {
  const std::vector<std::vector<std::string>> bad{
      {},
      {"centres"},
      {"centres", "frobnicate"},
      {"cases", "list", "--status", "sleeping"},
      {"cases", "show"},
      {"cases", "show", "seven"},
      {"health", "--timeout", "0"},
      {"health", "--cert-file", "/nonexistent/cert.pem"},
      {"health", "--ca-file", "/nonexistent/ca.pem"},
      {"types", "enable", "family", "--centre", "x", "--settings", "{}", "--settings-file", "-"},
      {"health", "--config", "/nonexistent/assistctl.conf"},
      {"health", "--lang", "de"},
  };
  for (const auto& args : bad) {
    const CliResult result = Ctl(it::Operator(), args);
    EXPECT_EQ(result.exit_code, 2) << Describe(args, result);
    EXPECT_FALSE(result.err.empty()) << Describe(args, result);
  }
  const std::string broken = WriteConfig("broken.conf", "address 127.0.0.1:1\n");
  const CliResult parsed = Ctl(it::Operator(), {"health", "--config", broken});
  EXPECT_EQ(parsed.exit_code, 2);
  EXPECT_THAT(parsed.err, HasSubstr("broken.conf:1"));
  const std::string unknown = WriteConfig("unknown.conf", "\n\nadress = 127.0.0.1:1\n");
  const CliResult typo = Ctl(it::Operator(), {"health", "--config", unknown});
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_THAT(typo.err, HasSubstr("unknown.conf:3: unknown key \"adress\""));
}

INSTANTIATE_SQLITE_ONLY(SettingsSources);

// Every command and group answers --help with exit 0, without a host or any setting.
TEST(AssistctlHelp, EveryCommandHasHelp) {
  const std::vector<std::vector<std::string>> commands{
      {},
      {"centres"},
      {"centres", "create"},
      {"centres", "list"},
      {"centres", "show"},
      {"types"},
      {"types", "list"},
      {"types", "describe"},
      {"types", "enable"},
      {"types", "disable"},
      {"cases"},
      {"cases", "list"},
      {"cases", "show"},
      {"cases", "due"},
      {"cases", "assign"},
      {"cases", "end-assignment"},
      {"cases", "approve-plan"},
      {"statistics"},
      {"audit"},
      {"audit", "list"},
      {"audit", "export"},
      {"health"},
      {"config"},
  };
  for (std::vector<std::string> args : commands) {
    args.push_back("--help");
    const CliResult result = RunCli(AssistctlBinary(), args, {{"HOME", "/nonexistent"}});
    EXPECT_EQ(result.exit_code, 0) << Describe(args, result);
    EXPECT_THAT(result.out, HasSubstr("Usage:")) << Describe(args, result);
  }
  const CliResult version = RunCli(AssistctlBinary(), {"--version"}, {});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_FALSE(version.out.empty());
}

}  // namespace
}  // namespace assist::cli_test
