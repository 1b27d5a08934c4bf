#pragma once
// A warning that may recur once per request (so once per attacker's request): logged the first
// time, then at most once per interval, saying how many were left out meanwhile.
#include <chrono>
#include <mutex>
#include <string>
#include <string_view>

namespace assist::host {

class RateLimitedLog {
 public:
  explicit RateLimitedLog(std::chrono::seconds interval) : interval_(interval) {}

  void Warn(std::string_view message);

 private:
  const std::chrono::seconds interval_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point last_;  // guarded by mutex_
  bool logged_ = false;                         // guarded by mutex_
  long long left_out_ = 0;                      // guarded by mutex_
};

}  // namespace assist::host
