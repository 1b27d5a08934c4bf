#include "plugins/plugin_loader.hpp"

#include <google/protobuf/message.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <assist/plugin/export.hpp>
#include <assist/plugin/version.hpp>
#include <boost/dll/shared_library.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <regex>
#include <set>

#include "util/log.hpp"

namespace assist::host {
namespace {

namespace pb = google::protobuf;

std::string Version(std::uint32_t major, std::uint32_t minor, std::uint32_t patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

}  // namespace

std::string HostSdkVersion() {
  const sdk::AbiStamp host = sdk::CurrentAbiStamp();
  return Version(host.sdk_major, host.sdk_minor, host.sdk_patch);
}

std::string AcceptedSdkRange() {
  const sdk::AbiStamp host = sdk::CurrentAbiStamp();
  return Version(host.sdk_major, 0, 0) + " to " + std::to_string(host.sdk_major) + "." +
         std::to_string(host.sdk_minor) + ".x";
}

namespace {

// Empty when the plugin's stamp is acceptable to this host, else why not.
std::string CheckStamp(const sdk::AbiStamp& stamp) {
  const sdk::AbiStamp host = sdk::CurrentAbiStamp();
  if (stamp.magic != sdk::kAbiMagic) return "its assist_plugin_abi symbol is not an AbiStamp";
  std::string versions = "plugin built with SDK " +
                         Version(stamp.sdk_major, stamp.sdk_minor, stamp.sdk_patch) +
                         ", host provides SDK " + HostSdkVersion() +
                         " and accepts plugins built with SDK " + AcceptedSdkRange();
  if (stamp.sdk_major != host.sdk_major) return "incompatible SDK major version: " + versions;
  if (stamp.sdk_minor > host.sdk_minor) return "plugin needs a newer SDK: " + versions;
  if (stamp.protobuf_version != host.protobuf_version) {
    return "plugin built with protobuf " + std::to_string(stamp.protobuf_version) +
           ", host runs protobuf " + std::to_string(host.protobuf_version);
  }
  if (stamp.cxx_abi != host.cxx_abi) return "plugin built with another C++ ABI";
  return {};
}

// Appends `file` and its imports to `out`, imports first, each file once.
void CollectFiles(const pb::FileDescriptor* file, std::set<std::string>& seen,
                  pb::FileDescriptorSet& out) {
  if (!seen.insert(file->name()).second) return;
  for (int i = 0; i < file->dependency_count(); ++i) CollectFiles(file->dependency(i), seen, out);
  file->CopyTo(out.add_file());
}

// Resolves a declared message type; empty `error` when found (or not declared and optional).
const pb::Descriptor* ResolveType(const std::string& name, const char* step, bool required,
                                  std::string& error) {
  if (name.empty()) {
    if (required) error = std::string("declares no ") + step + " message type";
    return nullptr;
  }
  const pb::Descriptor* type = pb::DescriptorPool::generated_pool()->FindMessageTypeByName(name);
  if (type == nullptr || pb::MessageFactory::generated_factory()->GetPrototype(type) == nullptr) {
    error = std::string("declares ") + step + " message type " + name +
            " but does not ship it (not linked into the plugin)";
    return nullptr;
  }
  return type;
}

bool ResolveTypes(LoadedPlugin& p, std::string& error) {
  const sdk::PluginInfo& i = p.info;
  p.intake = ResolveType(i.intake_type, "intake", true, error);
  if (error.empty()) p.plan = ResolveType(i.plan_type, "plan", true, error);
  if (error.empty()) p.contact = ResolveType(i.contact_type, "contact", false, error);
  if (error.empty()) p.review = ResolveType(i.review_type, "review", true, error);
  if (error.empty()) p.outcome = ResolveType(i.outcome_type, "outcome", true, error);
  if (error.empty()) p.settings = ResolveType(i.settings_type, "settings", false, error);
  if (!error.empty()) return false;
  std::set<std::string> seen;
  for (const pb::Descriptor* d : {p.intake, p.plan, p.contact, p.review, p.outcome, p.settings}) {
    if (d != nullptr) CollectFiles(d->file(), seen, p.files);
  }
  return true;
}

// The plugin's generated protobuf code registered its descriptors in the process-wide pool on
// load, and unloading would leave that pool pointing into unmapped memory. So every library that
// got this far stays loaded: held here, in a list that is deliberately never destroyed.
boost::dll::shared_library* KeepLoaded(std::unique_ptr<boost::dll::shared_library> library) {
  static std::mutex mutex;
  static auto* kept = new std::vector<std::unique_ptr<boost::dll::shared_library>>();
  std::lock_guard lock(mutex);
  kept->push_back(std::move(library));
  return kept->back().get();
}

}  // namespace

const pb::Descriptor* LoadedPlugin::TypeFor(sdk::Step step) const {
  switch (step) {
    case sdk::Step::kIntake:
      return intake;
    case sdk::Step::kPlan:
      return plan;
    case sdk::Step::kContact:
      return contact;
    case sdk::Step::kReview:
      return review;
    case sdk::Step::kOutcome:
      return outcome;
    case sdk::Step::kSettings:
      return settings;
  }
  return nullptr;
}

namespace {

std::unique_ptr<LoadedPlugin> LoadHere(const std::filesystem::path& file, LoadReport& report);

// Loading runs the library's static initialisers in this process, and some failures there cannot
// be caught: protobuf aborts when a second copy of a plugin registers the same .proto files, and
// a broken library may crash outright. So each file is first loaded, and its plugin created, in a
// child process; only a file that survives that is loaded here. Empty when it survived. Forking is
// safe because plugins load at start-up before any thread exists (Host::Parts builds the registry
// before the executor and the gRPC server).
std::string ProbeInChild(const std::filesystem::path& file) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return {};  // no probe possible: load it as before
  if (pid == 0) {
    LoadReport ignored;
    LoadHere(file, ignored);
    _exit(0);  // no destructors, no exit handlers of the parent's state
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return "crashed while loading (signal " + std::to_string(signal) + ", " + strsignal(signal) +
           ", in a probe process; see the lines above) - is it a second copy of a loaded plugin, "
           "registering the same .proto files?";
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    return "exited while loading (status " + std::to_string(WEXITSTATUS(status)) +
           ", in a probe process; see the lines above)";
  }
  return {};
}

}  // namespace

std::unique_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& file, LoadReport& report) {
  report.path = file.string();
  report.reason = ProbeInChild(file);
  if (!report.reason.empty()) return nullptr;
  return LoadHere(file, report);
}

namespace {

std::unique_ptr<LoadedPlugin> LoadHere(const std::filesystem::path& file, LoadReport& report) {
  auto loading = std::make_unique<boost::dll::shared_library>();
  try {
    loading->load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    report.reason = std::string("not a loadable library: ") + e.what();
    return nullptr;  // nothing of it ran, so unloading is safe
  }
  // From here on its static initialisers have run: kept loaded until the process ends.
  boost::dll::shared_library* library = KeepLoaded(std::move(loading));
  if (!library->has("assist_plugin_abi") || !library->has("assist_plugin_factory")) {
    report.reason =
        "not an assistance plugin: no assist_plugin_abi/assist_plugin_factory symbol "
        "(was it built with ASSIST_PLUGIN?)";
    return nullptr;
  }
  const auto& stamp = library->get_alias<const sdk::AbiStamp>("assist_plugin_abi");
  report.reason = CheckStamp(stamp);
  if (!report.reason.empty()) return nullptr;

  auto& factory = library->get_alias<sdk::PluginFactory>("assist_plugin_factory");
  auto loaded = std::make_unique<LoadedPlugin>();
  loaded->path = file.string();
  loaded->sdk_version = Version(stamp.sdk_major, stamp.sdk_minor, stamp.sdk_patch);
  try {
    loaded->plugin.reset(factory());
    if (!loaded->plugin) {
      // ASSIST_PLUGIN's factory keeps what the constructor threw; older or hand-made ones do not.
      std::string why;
      if (library->has("assist_plugin_error")) {
        why = library->get_alias<sdk::PluginError>("assist_plugin_error")();
      }
      report.reason = why.empty() ? "its factory returned no plugin (the constructor failed)"
                                  : "its factory returned no plugin: the constructor threw: " + why;
      return nullptr;
    }
    loaded->info = loaded->plugin->Info();
  } catch (const std::exception& e) {
    report.reason = std::string("threw while being created: ") + e.what();
    return nullptr;
  } catch (...) {
    report.reason = "threw while being created";
    return nullptr;
  }
  static const std::regex kIdPattern("[a-z][a-z0-9_]{1,39}");
  if (!std::regex_match(loaded->info.id, kIdPattern)) {
    report.reason = "type id \"" + loaded->info.id + "\" is not [a-z][a-z0-9_]{1,39}";
    return nullptr;
  }
  if (!ResolveTypes(*loaded, report.reason)) return nullptr;
  report.loaded = true;
  report.type_id = loaded->info.id;
  return loaded;
}

}  // namespace

std::vector<std::unique_ptr<LoadedPlugin>> LoadPlugins(const std::filesystem::path& dir,
                                                       std::vector<LoadReport>& reports) {
  std::vector<std::unique_ptr<LoadedPlugin>> plugins;
  LogInfo("loading plugins from " + dir.string() + " (accepting SDK " + AcceptedSdkRange() + ")");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    LogWarning("plugin directory " + dir.string() + " does not exist; no assistance types");
    return plugins;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".so") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> loaded_from;
  for (const auto& file : files) {
    LoadReport report;
    auto plugin = LoadPlugin(file, report);
    if (plugin) {
      auto [it, fresh] = loaded_from.emplace(plugin->info.id, file.string());
      if (!fresh) {
        report.loaded = false;
        report.reason = "duplicate assistance type id \"" + plugin->info.id +
                        "\": already loaded from " + it->second;
        // The library stays mapped (see LoadPlugin); only the plugin object goes.
      } else {
        plugins.push_back(std::move(plugin));
      }
    }
    if (report.loaded) {
      LogInfo("plugin " + report.type_id + " loaded from " + report.path);
    } else {
      LogError("plugin " + report.path + " refused: " + report.reason);
    }
    reports.push_back(std::move(report));
  }
  return plugins;
}

}  // namespace assist::host
