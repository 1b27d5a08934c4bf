#pragma once
// Start-up checks of everything the configuration names on disk, run before the database is
// touched (and by `assist-host --check-config`): a missing TLS key or plugin directory is found
// at once, named with the OS's reason, instead of after migrations ran. Each throws ConfigError.
#include <ostream>
#include <string>
#include <vector>

#include "assist/host/v1/config.pb.h"
#include "plugins/plugin_loader.hpp"

namespace assist::host {

// TLS certificates and keys, JWT issuers' public keys and the plugin directory exist and parse.
void CheckConfiguredFiles(const assist::host::v1::HostConfig& config);

// Every type a bootstrap centre enables is among `loaded_types`.
void CheckBootstrapTypes(const assist::host::v1::HostConfig& config,
                         const std::vector<std::string>& loaded_types);

// How the configuration asks plugins to be loaded (probe time-out, directory permissions).
LoadOptions PluginLoadOptions(const assist::host::v1::HostConfig& config);

// `assist-host --check-config`: the checks above, then the plugins are probed and loaded as at
// start-up and the bootstrap centres' types looked up. Reports to `out`; throws ConfigError.
void CheckConfigOffline(const assist::host::v1::HostConfig& config, std::ostream& out);

}  // namespace assist::host
