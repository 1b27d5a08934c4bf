#pragma once
// The assistance types this host serves. Filled once at start-up on one thread, read-only after,
// so readers on any thread need no lock.
#include <memory>
#include <string_view>
#include <vector>

#include "plugins/loaded_plugin.hpp"

namespace assist::host {

class PluginRegistry {
 public:
  explicit PluginRegistry(std::vector<std::unique_ptr<LoadedPlugin>> plugins);

  const LoadedPlugin* Find(std::string_view id) const;
  const std::vector<std::unique_ptr<LoadedPlugin>>& all() const { return plugins_; }

 private:
  std::vector<std::unique_ptr<LoadedPlugin>> plugins_;  // sorted by type id
};

}  // namespace assist::host
