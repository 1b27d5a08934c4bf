#include "config/config.hpp"

#include <google/protobuf/text_format.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "auth/policy.hpp"
#include "auth/roles.hpp"
#include "plugins/plugin_loader.hpp"
#include "util/files.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

using assist::host::v1::HostConfig;

// Relative to the running executable, so an installation moved to another prefix still finds
// its plugins: <prefix>/bin/assist-host -> <prefix>/<libdir>/assist/plugins; a host in the build
// tree (build/host/assist-host) -> build/plugins-out. No prefix is compiled in, so one build can
// be installed or packaged anywhere.
std::string DefaultPluginDir() {
  std::error_code ec;
  const auto exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  const auto installed = exe_dir / ".." / ASSIST_INSTALL_LIBDIR / "assist" / "plugins";
  for (const auto& candidate : {installed, exe_dir / ".." / "plugins-out"}) {
    if (std::filesystem::is_directory(candidate, ec)) {
      return std::filesystem::weakly_canonical(candidate, ec).string();
    }
  }
  // Missing: named as installed, so that the start-up check says where plugins were expected.
  return std::filesystem::weakly_canonical(installed, ec).string();
}

}  // namespace

std::string Usage() {
  return "usage: assist-host [--config FILE] [--listen HOST:PORT] [--db-backend "
         "sqlite|postgresql]\n"
         "                   [--db CONNECTION] [--plugin-dir DIR] [--check-config]\n"
         "       assist-host backup --to FILE [--config FILE] [--db PATH]\n"
         "       assist-host --version | --help\n"
         "Flags take their value as \"--flag value\" or \"--flag=value\"; flags win over the "
         "file.\n"
         "--check-config: check that every file the config names exists and parses (TLS, JWT\n"
         "keys, plugins, the bootstrap centres' types), touch no database, exit 0 or 2.\n"
         "backup: a consistent, checked copy of the SQLite database, safe while hosts write.\n"
         "Without a config file: SQLite at ./assist.db, plugins from " +
         DefaultPluginDir() + ", listening on 127.0.0.1:50051.\n";
}

std::string VersionText() {
  return std::string("assist-host ") + ASSIST_VERSION + " (plugin SDK " + HostSdkVersion() +
         "; accepts plugins built with SDK " + AcceptedSdkRange() + ")\n";
}

HostConfig ParseConfigText(const std::string& text) {
  HostConfig config;
  if (!google::protobuf::TextFormat::ParseFromString(text, &config)) {
    throw ConfigError("config is not valid assist.host.v1.HostConfig text format (see log above)");
  }
  return config;
}

void ApplyDefaults(HostConfig& config) {
  if (config.listen().empty()) config.set_listen("127.0.0.1:50051");
  auto& db = *config.mutable_database();
  if (db.backend().empty()) db.set_backend("sqlite");
  if (db.connection().empty() && db.backend() == "sqlite") db.set_connection("assist.db");
  if (db.pool_size() <= 0) db.set_pool_size(4);
  if (db.health_check_interval_ms() <= 0) db.set_health_check_interval_ms(1000);
  if (db.lock_timeout_ms() <= 0) db.set_lock_timeout_ms(5000);
  if (config.plugin_dir().empty()) config.set_plugin_dir(DefaultPluginDir());
  if (config.max_message_bytes() <= 0) config.set_max_message_bytes(4 * 1024 * 1024);
  if (config.worker_threads() <= 0) config.set_worker_threads(db.pool_size());
  if (config.max_queued_calls() <= 0) config.set_max_queued_calls(256);
  if (config.plugin_probe_timeout_ms() <= 0) config.set_plugin_probe_timeout_ms(10000);
  auto& connections = *config.mutable_connections();
  if (connections.handshake_timeout_ms() <= 0) connections.set_handshake_timeout_ms(5000);
  if (connections.max_idle_ms() <= 0) connections.set_max_idle_ms(300000);
  if (connections.max_concurrent_streams() <= 0) connections.set_max_concurrent_streams(100);
  if (config.retention_years() == 0) config.set_retention_years(10);  // negative: never
  if (config.outreach_retention_days() == 0) config.set_outreach_retention_days(90);
}

namespace {

void ValidateIdentity(const std::string& what, const std::string& actor_id,
                      const std::string& centre_id, assist::v1::Role role,
                      const google::protobuf::RepeatedPtrField<std::string>& scopes) {
  if (actor_id.empty()) throw ConfigError(what + " without actor_id");
  const std::string whose = what + " (" + actor_id + ")";
  if (role == assist::v1::ROLE_UNSPECIFIED) throw ConfigError(whose + " has no role");
  if (RoleOfThePlatform(role) != centre_id.empty()) {
    throw ConfigError(whose +
                      ": an operator or platform auditor has no centre_id, every other "
                      "role needs one");
  }
  // An application gets only what it is granted: forgetting its scopes must not grant everything.
  if (role == assist::v1::ROLE_APP && scopes.empty()) {
    throw ConfigError(whose + " is an app without scopes: list the RPCs it may call, or \"" +
                      std::string(kAllScopes) + "\" for all that ROLE_APP allows");
  }
  const auto rpcs = PolicyRpcs();
  for (const std::string& scope : scopes) {
    if (scope != kAllScopes && std::find(rpcs.begin(), rpcs.end(), scope) == rpcs.end()) {
      throw ConfigError(whose + ": scope \"" + scope + "\" is not an RPC of the API");
    }
  }
}

}  // namespace

namespace {

bool LoopbackListen(const std::string& listen) {
  const std::string host = listen.substr(0, listen.rfind(':'));
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1";
}

}  // namespace

void ValidateConfig(const HostConfig& config) {
  if (config.outreach_retention_days() < 0 || config.outreach_retention_days() > 366) {
    throw ConfigError("outreach_retention_days must be between 1 and 366 (0: the default, 90)");
  }
  try {
    ParseLogSettings(config.log().format(), config.log().level());
  } catch (const std::invalid_argument& e) {
    throw ConfigError(e.what());
  }
  const auto& admin = config.admin();
  if (!admin.listen().empty()) {
    if (admin.listen().find(':') == std::string::npos) {
      throw ConfigError("admin.listen must be HOST:PORT, e.g. \"127.0.0.1:9464\"");
    }
    if (!admin.allow_remote() && !LoopbackListen(admin.listen())) {
      throw ConfigError("admin.listen " + admin.listen() +
                        " is not loopback: set admin.allow_remote to serve metrics beyond "
                        "this machine");
    }
  }
  const auto& db = config.database();
  if (db.backend() != "sqlite" && db.backend() != "postgresql") {
    throw ConfigError("database.backend must be \"sqlite\" or \"postgresql\", not \"" +
                      db.backend() + "\"");
  }
  if (db.connection().empty()) throw ConfigError("database.connection is required for postgresql");
  if (!db.owner_connection().empty() && db.backend() != "postgresql") {
    throw ConfigError("database.owner_connection is for postgresql: SQLite has no roles");
  }
  if (db.connection().rfind("postgresql://", 0) == 0 ||
      db.connection().rfind("postgres://", 0) == 0) {
    throw ConfigError(
        "database.connection: use \"host=... port=... dbname=... user=...\"; "
        "SOCI 4.0 does not accept postgresql:// URIs");
  }
  // gRPC holds a whole message in memory before the host sees it: a bound protects the host.
  if (config.max_message_bytes() > 64 * 1024 * 1024) {
    throw ConfigError("max_message_bytes is larger than 64 MiB");
  }
  if (config.static_tokens_size() > 0 && !config.allow_static_tokens()) {
    throw ConfigError(
        "static_tokens are configured but allow_static_tokens is not set: static "
        "tokens are a development mode; use jwt_issuers or client_certificates");
  }
  const auto& tls = config.tls();
  if (tls.cert_file().empty() != tls.key_file().empty()) {
    throw ConfigError("tls.cert_file and tls.key_file go together");
  }
  if ((!tls.client_ca_file().empty() || tls.require_client_certificate()) &&
      tls.cert_file().empty()) {
    throw ConfigError("client certificates need TLS: set tls.cert_file and tls.key_file");
  }
  if (tls.require_client_certificate() && tls.client_ca_file().empty()) {
    throw ConfigError("tls.require_client_certificate needs tls.client_ca_file");
  }
  std::set<std::string> tokens;
  for (const auto& t : config.static_tokens()) {
    if (t.token().size() < 8)
      throw ConfigError("static token for " + t.actor_id() + " is shorter than 8 characters");
    if (!tokens.insert(t.token()).second)
      throw ConfigError("static token listed twice (actor " + t.actor_id() + ")");
    ValidateIdentity("static token", t.actor_id(), t.centre_id(), t.role(), t.scopes());
  }
  std::set<std::string> names;
  for (const auto& c : config.client_certificates()) {
    if (c.subject_common_name().empty())
      throw ConfigError("client certificate without subject_common_name");
    if (!names.insert(c.subject_common_name()).second) {
      throw ConfigError("client certificate CN=" + c.subject_common_name() + " listed twice");
    }
    ValidateIdentity("client certificate CN=" + c.subject_common_name(), c.actor_id(),
                     c.centre_id(), c.role(), c.scopes());
  }
}

namespace {

// "--flag=value" -> ("--flag", "value"); "--flag" -> ("--flag", nullopt).
std::pair<std::string, std::optional<std::string>> SplitFlag(const std::string& arg) {
  const auto equals = arg.find('=');
  if (arg.rfind("--", 0) != 0 || equals == std::string::npos) return {arg, std::nullopt};
  return {arg.substr(0, equals), arg.substr(equals + 1)};
}

HostConfig ReadConfigFile(const std::string& path) {
  try {
    return ParseConfigText(ReadTextFile(path, "config file"));
  } catch (const ConfigError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw ConfigError(e.what());
  }
}

}  // namespace

Invocation ParseCommandLine(const std::vector<std::string>& args) {
  Invocation invocation;
  HostConfig& config = invocation.config;
  HostConfig overrides;
  std::size_t first = 0;
  if (!args.empty() && args[0] == "backup") {
    invocation.command = HostCommand::kBackup;
    first = 1;
  }
  for (std::size_t i = first; i < args.size(); ++i) {
    auto [flag, inline_value] = SplitFlag(args[i]);
    if (flag == "--help" || flag == "-h") return {HostCommand::kHelp, {}, {}};
    if (flag == "--version") return {HostCommand::kVersion, {}, {}};
    if (flag == "--check-config") {
      if (inline_value) throw ConfigError("--check-config takes no value\n" + Usage());
      invocation.command = HostCommand::kCheckConfig;
      continue;
    }
    if (!inline_value && i + 1 >= args.size()) {
      throw ConfigError("flag " + flag + " needs a value\n" + Usage());
    }
    const std::string value = inline_value ? *inline_value : args[++i];
    if (flag == "--to" && invocation.command == HostCommand::kBackup) {
      invocation.backup_to = value;
    } else if (flag == "--config") {
      config.MergeFrom(ReadConfigFile(value));
    } else if (flag == "--listen") {
      overrides.set_listen(value);
    } else if (flag == "--db-backend") {
      overrides.mutable_database()->set_backend(value);
    } else if (flag == "--db") {
      overrides.mutable_database()->set_connection(value);
    } else if (flag == "--plugin-dir") {
      overrides.set_plugin_dir(value);
    } else {
      throw ConfigError("unknown flag " + flag + "\n" + Usage());
    }
  }
  config.MergeFrom(overrides);  // flags win over the file, whatever their order
  ApplyDefaults(config);
  ValidateConfig(config);
  if (invocation.command == HostCommand::kBackup) {
    if (invocation.backup_to.empty()) throw ConfigError("backup needs --to FILE\n" + Usage());
    if (config.database().backend() != "sqlite") {
      throw ConfigError(
          "backup copies an SQLite database; back PostgreSQL up with pg_dump "
          "(docs/operations.md)");
    }
  }
  return invocation;
}

}  // namespace assist::host
