#pragma once
// Loads assistance-type plugins from a directory (Ceph's ErasureCodePlugin handshake):
// dlopen with RTLD_NOW, read the AbiStamp before anything else, refuse a mismatch, call the
// factory, check the declared message types exist. A refused file is reported and skipped; the
// host serves on with the others. Libraries are never unloaded.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "plugins/loaded_plugin.hpp"

namespace assist::host {

struct LoadReport {
  std::string path;
  bool loaded = false;
  std::string type_id;  // when loaded
  std::string reason;   // when refused: why, in words an operator can act on
};

struct LoadOptions {
  // How long a plugin may take to load in its probe process before it is killed and refused.
  std::chrono::milliseconds probe_timeout{10000};
  // A plugin directory or file that users other than its owner may write is a way to run code
  // as the host: refused when true (production), only warned about when false (development).
  bool refuse_writable_by_others = true;
};

// The plugin SDK version this host provides, e.g. "1.0.0".
std::string HostSdkVersion();

// The SDK versions this host accepts plugins from, e.g. "1.0.0 to 1.2.x": the host's major
// version and a minor no newer than its own (and the same protobuf runtime and C++ ABI).
std::string AcceptedSdkRange();

// Every *.so in `dir` in name order. Duplicate type ids: the first file wins, later ones are
// refused naming the first. No entry of the directory (a dangling or looping link, a file that
// cannot be read) stops the others from loading: each is refused with its reason.
std::vector<std::unique_ptr<LoadedPlugin>> LoadPlugins(const std::filesystem::path& dir,
                                                       std::vector<LoadReport>& reports,
                                                       const LoadOptions& options = {});

// One file; nullptr with `report.reason` set when refused.
std::unique_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& file, LoadReport& report,
                                         const LoadOptions& options = {});

}  // namespace assist::host
