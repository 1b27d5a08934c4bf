#pragma once
// What every command shares: the global options (connection flags, --config, --json, --lang),
// the settings resolved from them, the environment and the config file, and the connection,
// opened on first use so that `--help` and usage errors never touch the network.
#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "connection.hpp"
#include "settings.hpp"

namespace assistctl {

class Session {
 public:
  // `getenv` is the environment lookup (std::getenv; a fake in tests).
  Session(std::ostream& out, std::function<const char*(const char*)> getenv);

  // Declares the global options on the top-level app.
  void AddGlobalOptions(CLI::App& app);

  const ResolvedSettings& settings();
  // The config file that was (or would have been) read.
  const ConfigLocation& config_location();
  Connection& connection();

  bool json() const { return json_; }
  std::ostream& out() { return out_; }

 private:
  std::ostream& out_;
  std::function<const char*(const char*)> getenv_;
  std::map<std::string, std::string> flag_values_;  // setting key -> value given as a flag
  std::map<std::string, CLI::Option*> flag_options_;
  bool tls_flag_ = false;
  std::string config_path_;
  bool json_ = false;
  std::string lang_ = "en";
  std::optional<ConfigLocation> config_location_;
  std::optional<ResolvedSettings> settings_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace assistctl
