#include "util/rate_limited_log.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace assist::host {
namespace {

int Lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(RateLimitedLogTest, LogsTheFirstThenOnceAnIntervalCountingTheRest) {
  RateLimitedLog log(std::chrono::seconds(1));
  testing::internal::CaptureStderr();
  for (int i = 0; i < 100; ++i) log.Warn("refused " + std::to_string(i));
  std::string written = testing::internal::GetCapturedStderr();
  EXPECT_EQ(Lines(written), 1) << written;
  EXPECT_NE(written.find("refused 0"), std::string::npos) << written;

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  testing::internal::CaptureStderr();
  log.Warn("refused again");
  written = testing::internal::GetCapturedStderr();
  EXPECT_EQ(Lines(written), 1) << written;
  EXPECT_NE(written.find("refused again (and 99 more like it since the last such line)"),
            std::string::npos)
      << written;
}

}  // namespace
}  // namespace assist::host
