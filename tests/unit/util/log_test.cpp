#include "util/log.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace assist::host {
namespace {

TEST(LogTest, JsonLinesEscapeWhatJsonMust) {
  EXPECT_EQ(JsonLogLine("2026-12-01T10:00:00Z", "WARN", "a \"quoted\" \\ line\nnext\x01"),
            "{\"time\":\"2026-12-01T10:00:00Z\",\"level\":\"WARN\","
            "\"msg\":\"a \\\"quoted\\\" \\\\ line\\nnext\\u0001\"}");
}

TEST(LogTest, SettingsAreParsedOrNamedWrong) {
  EXPECT_FALSE(ParseLogSettings("", "").json);
  EXPECT_EQ(ParseLogSettings("", "").level, LogLevel::kInfo);
  EXPECT_TRUE(ParseLogSettings("json", "warn").json);
  EXPECT_EQ(ParseLogSettings("text", "debug").level, LogLevel::kDebug);
  EXPECT_THROW(ParseLogSettings("xml", ""), std::invalid_argument);
  EXPECT_THROW(ParseLogSettings("", "verbose"), std::invalid_argument);
}

}  // namespace
}  // namespace assist::host
