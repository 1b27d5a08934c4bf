// The precedence of assistctl's settings and its config file format.
#include "settings.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "failure.hpp"

namespace assistctl {
namespace {

TEST(Settings, FirstLayerHoldingAKeyWins) {
  const ResolvedSettings r =
      Resolve({{"command line", {{"token", "flag-token"}}, {}},
               {"environment", {{"address", "env:1"}, {"token", "t"}}, {}},
               {"config file", {{"address", "file:2"}, {"timeout", "7"}}, {}}});
  EXPECT_EQ(r.settings.token, "flag-token");
  EXPECT_EQ(r.settings.address, "env:1");
  EXPECT_EQ(r.settings.timeout, std::chrono::seconds(7));
  EXPECT_EQ(r.origin.at("token"), "command line");
  EXPECT_EQ(r.origin.at("address"), "environment");
  EXPECT_EQ(r.origin.at("timeout"), "config file");
  EXPECT_FALSE(r.settings.tls);
}

TEST(Settings, DefaultsWhenNothingIsSet) {
  const ResolvedSettings r = Resolve({});
  EXPECT_EQ(r.settings.address, "127.0.0.1:50051");
  EXPECT_EQ(r.settings.timeout, std::chrono::seconds(30));
  EXPECT_TRUE(r.origin.empty());
}

TEST(Settings, TokenAndTokenFileAreOneSetting) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto file = dir / ("assistctl-token-" + std::to_string(getpid()));
  std::ofstream(file) << "from-file\n";
  // The environment's token_file beats the config file's token.
  const ResolvedSettings r = Resolve({{"environment", {{"token_file", file.string()}}, {}},
                                      {"config file", {{"token", "from-config"}}, {}}});
  EXPECT_EQ(r.settings.token, "from-file");
  // A relative token_file of the config file is found beside it.
  const ResolvedSettings beside =
      Resolve({{"config file", {{"token_file", file.filename().string()}}, dir}});
  EXPECT_EQ(beside.settings.token, "from-file");
  std::filesystem::remove(file);
  EXPECT_THROW(Resolve({{"x", {{"token", "a"}, {"token_file", "b"}}, {}}}), UsageError);
}

TEST(Settings, TlsFilesImplyTlsAndBadValuesAreUsageErrors) {
  EXPECT_TRUE(Resolve({{"f", {{"ca_file", "/ca.pem"}}, {}}}).settings.tls);
  EXPECT_TRUE(Resolve({{"f", {{"tls", "yes"}}, {}}}).settings.tls);
  EXPECT_THROW(Resolve({{"f", {{"tls", "maybe"}}, {}}}), UsageError);
  EXPECT_THROW(Resolve({{"f", {{"timeout", "0"}}, {}}}), UsageError);
  EXPECT_THROW(Resolve({{"f", {{"timeout", "5s"}}, {}}}), UsageError);
  EXPECT_THROW(Resolve({{"f", {{"cert_file", "/c.pem"}}, {}}}), UsageError);
  EXPECT_THROW(Resolve({{"f", {{"token", "two words"}}, {}}}), UsageError);
}

TEST(Settings, EnvironmentVariablesAreRead) {
  const SettingValues values = FromEnvironment([](const char* name) -> const char* {
    if (std::string_view(name) == "ASSIST_ADDRESS") return "h:1";
    if (std::string_view(name) == "ASSIST_TOKEN") return "";  // empty counts as unset
    return nullptr;
  });
  EXPECT_EQ(values, (SettingValues{{"address", "h:1"}}));
}

TEST(ConfigFile, ParsesKeysCommentsAndQuotes) {
  const SettingValues values =
      ParseConfigText("# comment\n\n  address = host:5\ntoken=\"abc\"\r\nserver_name = a b\n", "f");
  EXPECT_EQ(values,
            (SettingValues{{"address", "host:5"}, {"token", "abc"}, {"server_name", "a b"}}));
}

TEST(ConfigFile, NamesTheLineOfAMistake) {
  try {
    ParseConfigText("address = x\nnonsense\n", "/etc/c.conf");
    FAIL() << "no error";
  } catch (const UsageError& e) {
    EXPECT_STREQ(e.what(), "/etc/c.conf:2: expected \"key = value\"");
  }
  EXPECT_THROW(ParseConfigText("colour = red\n", "f"), UsageError);
}

TEST(ConfigFile, LocationPrecedence) {
  const auto env = [](std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> const char* {
      const auto found = vars.find(name);
      return found == vars.end() ? nullptr : found->second.c_str();
    };
  };
  EXPECT_EQ(LocateConfig("/flag.conf", env({{"ASSISTCTL_CONFIG", "/env.conf"}})).path,
            "/flag.conf");
  const ConfigLocation from_env = LocateConfig("", env({{"ASSISTCTL_CONFIG", "/env.conf"}}));
  EXPECT_EQ(from_env.path, "/env.conf");
  EXPECT_TRUE(from_env.required);
  const ConfigLocation xdg = LocateConfig("", env({{"XDG_CONFIG_HOME", "/x"}, {"HOME", "/h"}}));
  EXPECT_EQ(xdg.path, "/x/assistctl.conf");
  EXPECT_FALSE(xdg.required);
  EXPECT_EQ(LocateConfig("", env({{"HOME", "/h"}})).path, "/h/.config/assistctl.conf");
  // An optional file that is not there is no error.
  EXPECT_TRUE(ReadConfig({"/nonexistent/assistctl.conf", false}).empty());
  EXPECT_THROW(ReadConfig({"/nonexistent/assistctl.conf", true}), UsageError);
}

}  // namespace
}  // namespace assistctl
