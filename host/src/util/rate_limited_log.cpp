#include "util/rate_limited_log.hpp"

#include "util/log.hpp"

namespace assist::host {

void RateLimitedLog::Warn(std::string_view message) {
  const auto now = std::chrono::steady_clock::now();
  std::string line;
  {
    std::lock_guard lock(mutex_);
    if (logged_ && now - last_ < interval_) {
      ++left_out_;
      return;
    }
    line = std::string(message);
    if (left_out_ > 0) {
      line += " (and " + std::to_string(left_out_) + " more like it since the last such line)";
    }
    logged_ = true;
    last_ = now;
    left_out_ = 0;
  }
  LogWarning(line);
}

}  // namespace assist::host
