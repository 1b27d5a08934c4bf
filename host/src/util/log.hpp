#pragma once
// Minimal structured-enough logging to stderr: one line per event, UTC time, level. Lines are
// written whole under a lock so that threads do not interleave.
#include <string_view>

namespace assist::host {

enum class LogLevel { kInfo, kWarning, kError };

void Log(LogLevel level, std::string_view message);
inline void LogInfo(std::string_view m) { Log(LogLevel::kInfo, m); }
inline void LogWarning(std::string_view m) { Log(LogLevel::kWarning, m); }
inline void LogError(std::string_view m) { Log(LogLevel::kError, m); }

}  // namespace assist::host
