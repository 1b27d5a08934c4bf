#include "config/config.hpp"

#include "auth/policy.hpp"
#include "auth/roles.hpp"
#include "util/files.hpp"

#include <google/protobuf/text_format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

namespace assist::host {
namespace {

using assist::host::v1::HostConfig;

// Relative to the running executable, so an installation moved to another prefix still finds
// its plugins: <prefix>/bin/assist-host -> <prefix>/<libdir>/assist/plugins; a host in the build
// tree (build/host/assist-host) -> build/plugins-out.
std::string DefaultPluginDir() {
  std::error_code ec;
  const auto exe_dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
  if (!ec) {
    for (const auto& candidate : {exe_dir / ".." / ASSIST_INSTALL_LIBDIR / "assist" / "plugins",
                                  exe_dir / ".." / "plugins-out"}) {
      if (std::filesystem::is_directory(candidate, ec)) {
        return std::filesystem::weakly_canonical(candidate, ec).string();
      }
    }
  }
  return ASSIST_INSTALL_PLUGIN_DIR;
}

}  // namespace

std::string Usage() {
  return "usage: assist-host [--config FILE] [--listen HOST:PORT] [--db-backend sqlite|postgresql]\n"
         "                   [--db CONNECTION] [--plugin-dir DIR]\n"
         "Without a config file: SQLite at ./assist.db, plugins from " +
         DefaultPluginDir() + ", listening on 127.0.0.1:50051.\n";
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
  if (config.retention_years() == 0) config.set_retention_years(10);  // negative: never
}

namespace {

void ValidateIdentity(const std::string& what, const std::string& actor_id,
                      const std::string& centre_id, assist::v1::Role role,
                      const google::protobuf::RepeatedPtrField<std::string>& scopes) {
  if (actor_id.empty()) throw ConfigError(what + " without actor_id");
  const std::string whose = what + " (" + actor_id + ")";
  if (role == assist::v1::ROLE_UNSPECIFIED) throw ConfigError(whose + " has no role");
  if (RoleOfThePlatform(role) != centre_id.empty()) {
    throw ConfigError(whose + ": an operator or platform auditor has no centre_id, every other "
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

void ValidateConfig(const HostConfig& config) {
  const auto& db = config.database();
  if (db.backend() != "sqlite" && db.backend() != "postgresql") {
    throw ConfigError("database.backend must be \"sqlite\" or \"postgresql\", not \"" +
                      db.backend() + "\"");
  }
  if (db.connection().empty()) throw ConfigError("database.connection is required for postgresql");
  if (!db.owner_connection().empty() && db.backend() != "postgresql") {
    throw ConfigError("database.owner_connection is for postgresql: SQLite has no roles");
  }
  if (db.connection().rfind("postgresql://", 0) == 0 || db.connection().rfind("postgres://", 0) == 0) {
    throw ConfigError("database.connection: use \"host=... port=... dbname=... user=...\"; "
                      "SOCI 4.0 does not accept postgresql:// URIs");
  }
  // gRPC holds a whole message in memory before the host sees it: a bound protects the host.
  if (config.max_message_bytes() > 64 * 1024 * 1024) {
    throw ConfigError("max_message_bytes is larger than 64 MiB");
  }
  if (config.static_tokens_size() > 0 && !config.allow_static_tokens()) {
    throw ConfigError("static_tokens are configured but allow_static_tokens is not set: static "
                      "tokens are a development mode; use jwt_issuers or client_certificates");
  }
  const auto& tls = config.tls();
  if (tls.cert_file().empty() != tls.key_file().empty()) {
    throw ConfigError("tls.cert_file and tls.key_file go together");
  }
  if ((!tls.client_ca_file().empty() || tls.require_client_certificate()) && tls.cert_file().empty()) {
    throw ConfigError("client certificates need TLS: set tls.cert_file and tls.key_file");
  }
  if (tls.require_client_certificate() && tls.client_ca_file().empty()) {
    throw ConfigError("tls.require_client_certificate needs tls.client_ca_file");
  }
  std::set<std::string> tokens;
  for (const auto& t : config.static_tokens()) {
    if (t.token().size() < 8) throw ConfigError("static token for " + t.actor_id() + " is shorter than 8 characters");
    if (!tokens.insert(t.token()).second) throw ConfigError("static token listed twice (actor " + t.actor_id() + ")");
    ValidateIdentity("static token", t.actor_id(), t.centre_id(), t.role(), t.scopes());
  }
  std::set<std::string> names;
  for (const auto& c : config.client_certificates()) {
    if (c.subject_common_name().empty()) throw ConfigError("client certificate without subject_common_name");
    if (!names.insert(c.subject_common_name()).second) {
      throw ConfigError("client certificate CN=" + c.subject_common_name() + " listed twice");
    }
    ValidateIdentity("client certificate CN=" + c.subject_common_name(), c.actor_id(), c.centre_id(),
                     c.role(), c.scopes());
  }
}

HostConfig LoadConfig(const std::vector<std::string>& args, bool& run) {
  run = true;
  HostConfig config;
  HostConfig overrides;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") {
      run = false;
      return config;
    }
    if (i + 1 >= args.size()) throw ConfigError("flag " + flag + " needs a value\n" + Usage());
    const std::string& value = args[++i];
    if (flag == "--config") {
      std::string text;
      try {
        text = ReadTextFile(value, "config file");
      } catch (const std::runtime_error& e) {
        throw ConfigError(e.what());
      }
      config.MergeFrom(ParseConfigText(text));
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
  return config;
}

}  // namespace assist::host
