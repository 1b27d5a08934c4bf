#include "plugins/plugin_registry.hpp"

#include <algorithm>

namespace assist::host {

PluginRegistry::PluginRegistry(std::vector<std::unique_ptr<LoadedPlugin>> plugins)
    : plugins_(std::move(plugins)) {
  std::sort(plugins_.begin(), plugins_.end(),
            [](const auto& a, const auto& b) { return a->info.id < b->info.id; });
}

const LoadedPlugin* PluginRegistry::Find(std::string_view id) const {
  auto it = std::lower_bound(plugins_.begin(), plugins_.end(), id,
                             [](const auto& p, std::string_view key) { return p->info.id < key; });
  return it != plugins_.end() && (*it)->info.id == id ? it->get() : nullptr;
}

}  // namespace assist::host
