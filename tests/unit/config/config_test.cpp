#include "config/config.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

TEST(ConfigTest, RunsWithNoFileOnTheDocumentedDefaults) {
  const auto invocation = ParseCommandLine({});
  EXPECT_EQ(invocation.command, HostCommand::kServe);
  const auto& config = invocation.config;
  EXPECT_EQ(config.listen(), "127.0.0.1:50051");
  EXPECT_EQ(config.database().backend(), "sqlite");
  EXPECT_EQ(config.database().connection(), "assist.db");
  EXPECT_EQ(config.database().pool_size(), 4);
  EXPECT_FALSE(config.plugin_dir().empty());
  EXPECT_EQ(config.max_message_bytes(), 4 * 1024 * 1024);
}

TEST(ConfigTest, FlagsOverrideTheDefaults) {
  auto config =
      ParseCommandLine({"--listen", "127.0.0.1:0", "--db", "/tmp/x.db", "--plugin-dir", "/p"})
          .config;
  EXPECT_EQ(config.listen(), "127.0.0.1:0");
  EXPECT_EQ(config.database().connection(), "/tmp/x.db");
  EXPECT_EQ(config.plugin_dir(), "/p");
}

TEST(ConfigTest, FlagsTakeTheirValueAfterAnEqualsSignToo) {
  auto config =
      ParseCommandLine({"--listen=127.0.0.1:7", "--db=/tmp/a=b.db", "--plugin-dir", "/p"}).config;
  EXPECT_EQ(config.listen(), "127.0.0.1:7");
  EXPECT_EQ(config.database().connection(), "/tmp/a=b.db");  // only the first '=' splits
  EXPECT_EQ(config.plugin_dir(), "/p");
}

TEST(ConfigTest, NamesTheCommandAsked) {
  EXPECT_EQ(ParseCommandLine({"--version"}).command, HostCommand::kVersion);
  EXPECT_EQ(ParseCommandLine({"--listen", "127.0.0.1:1", "--help"}).command, HostCommand::kHelp);
  EXPECT_EQ(ParseCommandLine({"--check-config", "--db=/tmp/x.db"}).command,
            HostCommand::kCheckConfig);
  EXPECT_THROW(ParseCommandLine({"--check-config=yes"}), ConfigError);
  EXPECT_NE(VersionText().find(ASSIST_VERSION), std::string::npos);
}

TEST(ConfigTest, RefusesWhatWouldFailLater) {
  EXPECT_THROW(ParseCommandLine({"--db-backend", "mysql"}), ConfigError);
  EXPECT_THROW(ParseCommandLine({"--db-backend", "postgresql"}), ConfigError);  // no connection
  EXPECT_THROW(ParseCommandLine({"--db-backend", "postgresql", "--db", "postgresql://x/y"}),
               ConfigError);
  EXPECT_THROW(ParseCommandLine({"--unknown", "1"}), ConfigError);
  EXPECT_THROW(ParseCommandLine({"--listen"}), ConfigError);
  EXPECT_THROW(ParseConfigText("listen: 12 nonsense {"), ConfigError);
}

TEST(ConfigTest, ChecksStaticTokens) {
  auto config = ParseConfigText(
      R"(static_tokens { token: "long-enough" actor_id: "h" centre_id: "c" role: ROLE_HEAD })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // only in explicit development mode
  config = ParseConfigText(
      R"(allow_static_tokens: true static_tokens { token: "short" actor_id: "a" centre_id: "c" role: ROLE_HEAD })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);
  config = ParseConfigText(
      R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "op" centre_id: "c" role: ROLE_OPERATOR })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // an operator belongs to no centre
  config = ParseConfigText(
      R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "pa" centre_id: "c" role: ROLE_PLATFORM_AUDITOR })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // nor does the platform auditor
  config = ParseConfigText(
      R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "pa" role: ROLE_PLATFORM_AUDITOR })");
  ApplyDefaults(config);
  EXPECT_NO_THROW(ValidateConfig(config));
  config = ParseConfigText(
      R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "h" centre_id: "c" role: ROLE_HEAD })");
  ApplyDefaults(config);
  EXPECT_NO_THROW(ValidateConfig(config));
}

}  // namespace
}  // namespace assist::host

namespace assist::host {
namespace {

// The configurations shipped in deploy/ stay valid as the config message evolves.
TEST(ConfigTest, ClientCertificatesNeedTls) {
  auto config = ParseConfigText(R"(tls { require_client_certificate: true })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);
  config = ParseConfigText(
      R"(tls { cert_file: "s.pem" key_file: "k.pem" require_client_certificate: true })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // no CA to verify them with
  config =
      ParseConfigText(R"(tls { cert_file: "s.pem" key_file: "k.pem" client_ca_file: "ca.pem" })");
  ApplyDefaults(config);
  EXPECT_NO_THROW(ValidateConfig(config));
}

TEST(ConfigTest, AnAppIsGrantedOnlyWhatItsScopesName) {
  auto valid = [](const std::string& text) {
    auto config = ParseConfigText("allow_static_tokens: true " + text);
    ApplyDefaults(config);
    ValidateConfig(config);
  };
  const std::string app =
      R"(static_tokens { token: "long-enough" actor_id: "a" centre_id: "c" role: ROLE_APP)";
  EXPECT_THROW(valid(app + " }"), ConfigError);  // forgetting the scopes grants nothing
  EXPECT_THROW(valid(app + R"( scopes: "GetCaseX" })"), ConfigError);
  EXPECT_NO_THROW(valid(app + R"( scopes: "GetCase" scopes: "ListCases" })"));
  EXPECT_NO_THROW(valid(app + R"( scopes: "*" })"));
  const std::string tls =
      R"(tls { cert_file: "s.pem" key_file: "k.pem" client_ca_file: "ca.pem" } )";
  const std::string cert =
      R"(client_certificates { subject_common_name: "files" actor_id: "f" centre_id: "c" role: ROLE_APP scopes: "*" })";
  EXPECT_NO_THROW(valid(tls + cert));
  EXPECT_THROW(valid(tls + cert + cert), ConfigError);  // one CN, one identity
  EXPECT_THROW(
      valid(
          tls +
          R"(client_certificates { subject_common_name: "x" actor_id: "x" role: ROLE_APP scopes: "*" })"),
      ConfigError);  // an app belongs to a centre
}

TEST(ConfigTest, ShippedConfigurationsLoad) {
  for (const char* name : {"dev.textproto", "production.textproto"}) {
    std::string path = std::string(ASSIST_SOURCE_DIR) + "/deploy/config/" + name;
    EXPECT_NO_THROW(ParseCommandLine({"--config", path})) << path;
  }
}

}  // namespace
}  // namespace assist::host
