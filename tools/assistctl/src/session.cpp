#include "session.hpp"

namespace assistctl {
namespace {

// "ca_file" -> "--ca-file".
std::string FlagName(std::string key) {
  for (char& c : key) {
    if (c == '_') c = '-';
  }
  return "--" + key;
}

}  // namespace

Session::Session(std::ostream& out, std::function<const char*(const char*)> getenv)
    : out_(out), getenv_(std::move(getenv)) {}

void Session::AddGlobalOptions(CLI::App& app) {
  const std::string group = "Connection (flag, else ASSIST_* variable, else config file)";
  for (const SettingKey& key : SettingKeys()) {
    const std::string help = std::string(key.help) + " [env " + key.env + "]";
    // --tls is a switch; the config file and ASSIST_TLS say true or false.
    CLI::Option* option = std::string_view(key.key) == "tls"
                              ? app.add_flag("--tls", tls_flag_, help)
                              : app.add_option(FlagName(key.key), flag_values_[key.key], help);
    option->group(group);
    flag_options_[key.key] = option;
  }
  app.add_option("--config", config_path_,
                 "config file (default $XDG_CONFIG_HOME/assistctl.conf or "
                 "~/.config/assistctl.conf) [env ASSISTCTL_CONFIG]")
      ->group(group);
  app.add_flag("--json", json_, "print protobuf JSON for scripts instead of tables");
  app.add_option("--lang", lang_, "language of the host's field violations: en or pl")
      ->check(CLI::IsMember({"en", "pl"}));
}

const ConfigLocation& Session::config_location() {
  if (!config_location_) config_location_ = LocateConfig(config_path_, getenv_);
  return *config_location_;
}

const ResolvedSettings& Session::settings() {
  if (settings_) return *settings_;
  SettingLayer flags{"command line", {}, {}};
  for (const auto& [key, option] : flag_options_) {
    if (option->count() > 0) flags.values[key] = key == "tls" ? "true" : flag_values_[key];
  }
  const ConfigLocation& location = config_location();
  SettingLayer file{"config file " + location.path.string(), ReadConfig(location),
                    location.path.parent_path()};
  settings_ = Resolve({flags, {"environment", FromEnvironment(getenv_), {}}, file});
  return *settings_;
}

Connection& Session::connection() {
  if (!connection_) connection_ = std::make_unique<Connection>(settings().settings, lang_ == "pl");
  return *connection_;
}

}  // namespace assistctl
