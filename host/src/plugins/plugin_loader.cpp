#include "plugins/plugin_loader.hpp"

#include <assist/v1/form_options.pb.h>
#include <google/protobuf/message.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <assist/plugin/export.hpp>
#include <assist/plugin/version.hpp>
#include <boost/dll/shared_library.hpp>
#include <cerrno>
#include <csignal>
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

// The plugin's PluginInfo, read only as far as the SDK it was built with defines the struct: the
// fields appended by later minor versions keep their defaults for an older plugin, whose struct
// ends before them.
sdk::PluginInfo InfoOf(const sdk::Plugin& plugin, const sdk::AbiStamp& stamp) {
  const sdk::PluginInfo& theirs = plugin.Info();
  constexpr std::uint32_t kCaseloadLimitSince = 3;
  constexpr std::uint32_t kPlanApprovalSince = 4;
  constexpr std::uint32_t kStreetOutreachSince = 5;
  constexpr std::uint32_t kOrderedWorkSince = 6;
  if (stamp.sdk_minor >= kOrderedWorkSince) return theirs;
  sdk::PluginInfo info;
  info.id = theirs.id;
  info.version = theirs.version;
  info.display_name_pl = theirs.display_name_pl;
  info.display_name_en = theirs.display_name_en;
  info.description = theirs.description;
  info.intake_type = theirs.intake_type;
  info.plan_type = theirs.plan_type;
  info.contact_type = theirs.contact_type;
  info.review_type = theirs.review_type;
  info.outcome_type = theirs.outcome_type;
  info.settings_type = theirs.settings_type;
  info.review_cadence = theirs.review_cadence;
  info.documents = theirs.documents;
  if (stamp.sdk_minor >= kCaseloadLimitSince) {
    info.max_open_cases_per_assistant = theirs.max_open_cases_per_assistant;
  }
  if (stamp.sdk_minor >= kPlanApprovalSince) {
    info.plan_requires_approval = theirs.plan_requires_approval;
  }
  if (stamp.sdk_minor >= kStreetOutreachSince) info.street_outreach = theirs.street_outreach;
  return info;
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
  // The form options first, even for a plugin that uses none, so a client can always read them.
  CollectFiles(assist::v1::FieldForm::descriptor()->file(), seen, p.files);
  for (const pb::Descriptor* d : {p.intake, p.plan, p.contact, p.review, p.outcome, p.settings}) {
    if (d != nullptr) CollectFiles(d->file(), seen, p.files);
  }
  return true;
}

// Plugin::ReportingRules is the last virtual function since SDK 1.3: a plugin stamped older has no
// such entry in its vtable, so it is never asked, and its type has no reporting rules.
bool ReportingAsked(const sdk::AbiStamp& stamp) { return stamp.sdk_minor >= 3; }

bool ResolveReporting(LoadedPlugin& p, const sdk::AbiStamp& stamp, std::string& error) {
  if (!ReportingAsked(stamp)) return true;
  sdk::Reporting declared;
  try {
    declared = p.plugin->ReportingRules();
  } catch (const std::exception& e) {
    error = std::string("threw from ReportingRules: ") + e.what();
    return false;
  } catch (...) {
    error = "threw from ReportingRules";
    return false;
  }
  error = ResolveReportingRules(declared, *p.intake, *p.outcome, p.reporting);
  if (!error.empty()) error = "its reporting rules do not fit its types: it " + error;
  return error.empty();
}

// PluginInfo::ordered_work_flag names one of the report flags: the host finds it in the intake's
// stored flags, so a name the plugin does not declare would silently never match.
bool ResolveOrderedWork(const LoadedPlugin& p, std::string& error) {
  const std::string& code = p.info.ordered_work_flag;
  if (code.empty()) return true;
  for (const ReportFlagRule& flag : p.reporting.flags) {
    if (flag.code == code) return true;
  }
  error = "its ordered_work_flag \"" + code + "\" is not one of its report flags";
  return false;
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

std::unique_ptr<LoadedPlugin> LoadHere(const std::filesystem::path& file, LoadReport& report);

// The last non-empty line of `text`, at most 300 bytes: what a dying probe said last.
std::string LastLine(const std::string& text) {
  std::size_t end = text.find_last_not_of("\r\n");
  if (end == std::string::npos) return {};
  std::size_t begin = text.rfind('\n', end);
  begin = begin == std::string::npos ? 0 : begin + 1;
  std::string line = text.substr(begin, std::min<std::size_t>(end + 1 - begin, 300));
  return line;
}

// Reads the probe's stderr until it closes or `deadline`; false on time-out.
bool ReadUntilClosed(int fd, std::chrono::steady_clock::time_point deadline, std::string& out) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd readable{fd, POLLIN, 0};
    const int ready = poll(&readable, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return ready == 0 ? false : true;
    char buffer[4096];
    const ssize_t got = read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return true;  // closed: the probe ended
    if (out.size() < 65536) out.append(buffer, static_cast<std::size_t>(got));
  }
}

// Loading runs the library's static initialisers in this process, and some failures there cannot
// be caught: protobuf aborts when a second copy of a plugin registers the same .proto files, a
// broken library may crash outright, and one may hang. So each file is first loaded, and its
// plugin created, in a child process, with a time-out; only a file that survives that is loaded
// here. What the child writes to stderr is passed on and its last line quoted, so the refusal
// says what happened. Empty when it survived. Forking is safe because plugins load at start-up
// before any thread exists (Host::Parts builds the registry before the executor and the server).
std::string ProbeInChild(const std::filesystem::path& file, std::chrono::milliseconds timeout) {
  int output[2];
  if (pipe(output) != 0) return {};  // no probe possible: load it as before
  std::fflush(nullptr);
  const pid_t pid = fork();
  if (pid < 0) {
    close(output[0]);
    close(output[1]);
    return {};
  }
  if (pid == 0) {
    close(output[0]);
    dup2(output[1], STDERR_FILENO);
    LoadReport ignored;
    LoadHere(file, ignored);
    _exit(0);  // no destructors, no exit handlers of the parent's state
  }
  close(output[1]);
  std::string said;
  const bool ended = ReadUntilClosed(output[0], std::chrono::steady_clock::now() + timeout, said);
  close(output[0]);
  if (!ended) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!said.empty()) std::fputs(said.c_str(), stderr);
  const std::string last = LastLine(said);
  const std::string quoted = last.empty() ? "" : ": it said \"" + last + "\"";
  if (!ended) {
    return "did not finish loading within " + std::to_string(timeout.count()) +
           " ms (its initialisers hang?); the probe process was killed";
  }
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return "crashed while loading (signal " + std::to_string(signal) + ", " + strsignal(signal) +
           ", in a probe process)" + quoted;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    return "exited while loading (status " + std::to_string(WEXITSTATUS(status)) +
           ", in a probe process)" + quoted;
  }
  return {};
}

// Empty when only the owner may write `path` (following links), else why that is refused.
std::string WritableByOthers(const std::filesystem::path& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return {};  // reported by whoever opens it
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) == 0) return {};
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
  return path.string() + " is writable by users other than its owner (mode " + mode +
         "): anyone of them could run code as the host";
}

}  // namespace

std::unique_ptr<LoadedPlugin> LoadPlugin(const std::filesystem::path& file, LoadReport& report,
                                         const LoadOptions& options) {
  report.path = file.string();
  if (std::string unsafe = WritableByOthers(file); !unsafe.empty()) {
    if (options.refuse_writable_by_others) {
      report.reason = unsafe;
      return nullptr;
    }
    LogWarning("plugin " + unsafe + " (loaded anyway: development mode)");
  }
  report.reason = ProbeInChild(file, options.probe_timeout);
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
  loaded->sdk_minor = stamp.sdk_minor;
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
    loaded->info = InfoOf(*loaded->plugin, stamp);
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
  if (!ResolveReporting(*loaded, stamp, report.reason)) return nullptr;
  if (!ResolveOrderedWork(*loaded, report.reason)) return nullptr;
  report.loaded = true;
  report.type_id = loaded->info.id;
  return loaded;
}

}  // namespace

std::vector<std::unique_ptr<LoadedPlugin>> LoadPlugins(const std::filesystem::path& dir,
                                                       std::vector<LoadReport>& reports,
                                                       const LoadOptions& options) {
  std::vector<std::unique_ptr<LoadedPlugin>> plugins;
  LogInfo("loading plugins from " + dir.string() + " (accepting SDK " + AcceptedSdkRange() + ")");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    LogWarning("plugin directory " + dir.string() + " does not exist; no assistance types");
    return plugins;
  }
  if (std::string unsafe = WritableByOthers(dir); !unsafe.empty()) {
    if (options.refuse_writable_by_others) {
      LogError("no plugin loaded: plugin directory " + unsafe);
      return plugins;
    }
    LogWarning("plugin directory " + unsafe + " (loading anyway: development mode)");
  }
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator entries(dir, ec);
  for (; !ec && entries != std::filesystem::directory_iterator(); entries.increment(ec)) {
    const std::filesystem::path& path = entries->path();
    if (path.extension() != ".so") continue;
    std::error_code why;
    if (entries->is_regular_file(why)) {
      files.push_back(path);
    } else {
      // A looping or dangling link, a directory named *.so, ...: refused, the rest load.
      LoadReport report;
      report.path = path.string();
      report.reason = why ? "cannot be read: " + why.message() : "is not a regular file";
      LogError("plugin " + report.path + " refused: " + report.reason);
      reports.push_back(std::move(report));
    }
  }
  if (ec) LogError("plugin directory " + dir.string() + " cannot be listed: " + ec.message());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::string> loaded_from;
  for (const auto& file : files) {
    LoadReport report;
    auto plugin = LoadPlugin(file, report, options);
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
