#include "host_config.hpp"

#include <sstream>

#include "identities.hpp"

namespace assist::it {

std::string Quote(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '\n') {
      quoted += "\\n";
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

std::string HostConfigText(const DatabaseSetup& database, std::string_view plugin_dir) {
  std::ostringstream out;
  out << "listen: \"127.0.0.1:0\"\n"
      << "allow_static_tokens: true\n"
      << "plugin_dir: " << Quote(plugin_dir) << "\n"
      << "database { backend: " << Quote(database.backend)
      << " connection: " << Quote(database.connection) << " pool_size: 4 }\n";
  for (const CentreSetup& centre : BootstrapCentres()) {
    out << "bootstrap_centres { id: " << Quote(centre.id) << " name: " << Quote(centre.name)
        << " municipality: " << Quote(centre.municipality);
    for (const std::string_view type : centre.enabled_types) {
      out << " enabled_types: " << Quote(type);
    }
    out << " }\n";
  }
  for (const Identity& id : AllIdentities()) {
    out << "static_tokens { token: " << Quote(id.token) << " actor_id: " << Quote(id.actor_id);
    if (!id.centre_id.empty()) out << " centre_id: " << Quote(id.centre_id);
    out << " role: " << id.role << " }\n";
  }
  return out.str();
}

}  // namespace assist::it
