#pragma once
// The host's log, through spdlog: one line per event, as text ("TIME LEVEL message") or as one
// JSON object per line (HostConfig.log.format), at a configured level. Under systemd, when
// standard error is the journal (JOURNAL_STREAM), events go to the journal with their priority.
// gRPC's and protobuf's own messages are routed through the same log. Before ConfigureLogging
// runs (e.g. for a configuration error), text at level info goes to standard error.
#include <string>
#include <string_view>

namespace assist::host {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

struct LogSettings {
  bool json = false;
  LogLevel level = LogLevel::kInfo;
};

// "text"/"json" and "debug"/"info"/"warn"/"error" ("" for the defaults); throws
// std::invalid_argument naming the wrong word.
LogSettings ParseLogSettings(std::string_view format, std::string_view level);

// Once, at start-up.
void ConfigureLogging(const LogSettings& settings);

void Log(LogLevel level, std::string_view message);
inline void LogDebug(std::string_view m) { Log(LogLevel::kDebug, m); }
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarning(std::string_view m) { Log(LogLevel::kWarning, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

// One access-log line per answered RPC, at level info. Nothing personal: who called is named by
// actor and centre ids, never by what the call carried.
struct AccessEntry {
  std::string method;
  std::string request_id;
  std::string actor_id;   // empty: not authenticated
  std::string centre_id;  // empty: the operator, or not authenticated
  std::string code;       // gRPC status code name, e.g. "NOT_FOUND"
  double seconds = 0;
};
void LogAccess(const AccessEntry& entry);

// The text of the line Log would write for `message` in JSON format (for tests).
std::string JsonLogLine(std::string_view time, std::string_view level, std::string_view message);

}  // namespace assist::host
