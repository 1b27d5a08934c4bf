// config: the connection settings in effect and where each came from, the token not shown.
#include <filesystem>

#include "commands/commands.hpp"
#include "output.hpp"

namespace assistctl {
namespace {

std::string Origin(const ResolvedSettings& resolved, const std::string& key) {
  const auto found = resolved.origin.find(key);
  return found == resolved.origin.end() ? "default" : found->second;
}

}  // namespace

void AddConfigCommand(CLI::App& app, Session& session) {
  auto* config = app.add_subcommand(
      "config", "Show the connection settings in effect and where each came from");
  config->callback([&session] {
    const ResolvedSettings& resolved = session.settings();
    const ConnectionSettings& s = resolved.settings;
    const auto row = [&](const std::string& key, const std::string& value) {
      return std::vector<std::string>{key, value.empty() ? "-" : value, Origin(resolved, key)};
    };
    Table table({"SETTING", "VALUE", "FROM"});
    table.Add(row("address", s.address));
    table.Add(row("token", s.token.empty()
                               ? ""
                               : "(set, " + std::to_string(s.token.size()) + " characters)"));
    table.Add(row("tls", s.tls ? "true" : "false"));
    table.Add(row("ca_file", s.ca_file));
    table.Add(row("cert_file", s.cert_file));
    table.Add(row("key_file", s.key_file));
    table.Add(row("server_name", s.server_name));
    table.Add(row("timeout", std::to_string(s.timeout.count()) + " s"));
    table.Print(session.out());
    const ConfigLocation& location = session.config_location();
    std::error_code error;
    session.out() << "config file: "
                  << (location.path.empty() ? std::string("(none)") : location.path.string())
                  << (!location.path.empty() && !std::filesystem::exists(location.path, error)
                          ? " (not present)"
                          : "")
                  << "\n";
  });
}

}  // namespace assistctl
