#include "config/config.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

TEST(ConfigTest, RunsWithNoFileOnTheDocumentedDefaults) {
  bool run = false;
  auto config = LoadConfig({}, run);
  EXPECT_TRUE(run);
  EXPECT_EQ(config.listen(), "127.0.0.1:50051");
  EXPECT_EQ(config.database().backend(), "sqlite");
  EXPECT_EQ(config.database().connection(), "assist.db");
  EXPECT_EQ(config.database().pool_size(), 4);
  EXPECT_FALSE(config.plugin_dir().empty());
  EXPECT_EQ(config.max_message_bytes(), 4 * 1024 * 1024);
}

TEST(ConfigTest, FlagsOverrideTheDefaults) {
  bool run = false;
  auto config = LoadConfig({"--listen", "127.0.0.1:0", "--db", "/tmp/x.db", "--plugin-dir", "/p"}, run);
  EXPECT_EQ(config.listen(), "127.0.0.1:0");
  EXPECT_EQ(config.database().connection(), "/tmp/x.db");
  EXPECT_EQ(config.plugin_dir(), "/p");
}

TEST(ConfigTest, RefusesWhatWouldFailLater) {
  bool run = false;
  EXPECT_THROW(LoadConfig({"--db-backend", "mysql"}, run), ConfigError);
  EXPECT_THROW(LoadConfig({"--db-backend", "postgresql"}, run), ConfigError);  // no connection
  EXPECT_THROW(LoadConfig({"--db-backend", "postgresql", "--db", "postgresql://x/y"}, run),
               ConfigError);
  EXPECT_THROW(LoadConfig({"--unknown", "1"}, run), ConfigError);
  EXPECT_THROW(LoadConfig({"--listen"}, run), ConfigError);
  EXPECT_THROW(ParseConfigText("listen: 12 nonsense {"), ConfigError);
}

TEST(ConfigTest, ChecksStaticTokens) {
  auto config = ParseConfigText(R"(static_tokens { token: "long-enough" actor_id: "h" centre_id: "c" role: ROLE_HEAD })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // only in explicit development mode
  config = ParseConfigText(R"(allow_static_tokens: true static_tokens { token: "short" actor_id: "a" centre_id: "c" role: ROLE_HEAD })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);
  config = ParseConfigText(R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "op" centre_id: "c" role: ROLE_OPERATOR })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // an operator belongs to no centre
  config = ParseConfigText(R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "pa" centre_id: "c" role: ROLE_PLATFORM_AUDITOR })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // nor does the platform auditor
  config = ParseConfigText(R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "pa" role: ROLE_PLATFORM_AUDITOR })");
  ApplyDefaults(config);
  EXPECT_NO_THROW(ValidateConfig(config));
  config = ParseConfigText(R"(allow_static_tokens: true static_tokens { token: "long-enough" actor_id: "h" centre_id: "c" role: ROLE_HEAD })");
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
  config = ParseConfigText(R"(tls { cert_file: "s.pem" key_file: "k.pem" require_client_certificate: true })");
  ApplyDefaults(config);
  EXPECT_THROW(ValidateConfig(config), ConfigError);  // no CA to verify them with
  config = ParseConfigText(R"(tls { cert_file: "s.pem" key_file: "k.pem" client_ca_file: "ca.pem" })");
  ApplyDefaults(config);
  EXPECT_NO_THROW(ValidateConfig(config));
}

TEST(ConfigTest, AnAppIsGrantedOnlyWhatItsScopesName) {
  auto valid = [](const std::string& text) {
    auto config = ParseConfigText("allow_static_tokens: true " + text);
    ApplyDefaults(config);
    ValidateConfig(config);
  };
  const std::string app = R"(static_tokens { token: "long-enough" actor_id: "a" centre_id: "c" role: ROLE_APP)";
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
  EXPECT_THROW(valid(tls + R"(client_certificates { subject_common_name: "x" actor_id: "x" role: ROLE_APP scopes: "*" })"),
               ConfigError);  // an app belongs to a centre
}

TEST(ConfigTest, ShippedConfigurationsLoad) {
  for (const char* name : {"dev.textproto", "production.textproto"}) {
    bool run = false;
    std::string path = std::string(ASSIST_SOURCE_DIR) + "/deploy/config/" + name;
    EXPECT_NO_THROW(LoadConfig({"--config", path}, run)) << path;
  }
}

}  // namespace
}  // namespace assist::host
