#include "util/log.hpp"

#include <cstdio>
#include <mutex>
#include <string>

#include "util/clock.hpp"

namespace assist::host {

void Log(LogLevel level, std::string_view message) {
  static std::mutex mutex;
  const char* tag = level == LogLevel::kInfo ? "INFO" : level == LogLevel::kWarning ? "WARN" : "ERROR";
  std::string line = NowTimestamp() + " " + tag + " " + std::string(message) + "\n";
  std::lock_guard lock(mutex);
  std::fputs(line.c_str(), stderr);
}

}  // namespace assist::host
