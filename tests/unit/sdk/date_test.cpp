#include <gtest/gtest.h>

#include <assist/plugin/date.hpp>
#include <assist/plugin/validation.hpp>

namespace assist::sdk {
namespace {

TEST(DateTest, ParsesOnlyRealIsoDates) {
  EXPECT_TRUE(ParseDate("2026-02-28"));
  EXPECT_TRUE(ParseDate("2024-02-29"));
  EXPECT_FALSE(ParseDate("2026-02-29"));
  EXPECT_FALSE(ParseDate("2026-13-01"));
  EXPECT_FALSE(ParseDate("2026-1-01"));
  EXPECT_FALSE(ParseDate("26-01-01xx"));
  EXPECT_FALSE(ParseDate(""));
  EXPECT_EQ(FormatDate(*ParseDate("2026-03-09")), "2026-03-09");
}

TEST(DateTest, MonthArithmeticClampsToTheLastDay) {
  EXPECT_EQ(FormatDate(AddMonths(*ParseDate("2026-08-31"), 6)), "2027-02-28");
  EXPECT_EQ(FormatDate(AddMonths(*ParseDate("2026-01-15"), 6)), "2026-07-15");
  EXPECT_EQ(FormatDate(AddDays(*ParseDate("2026-12-31"), 1)), "2027-01-01");
  EXPECT_EQ(DaysBetween(*ParseDate("2026-01-01"), *ParseDate("2027-01-01")), 365);
}

TEST(ViolationsTest, CollectsEveryProblemAtOnce) {
  Violations v;
  v.RequireText("", "name");
  v.RequireDate("2026-02-30", "born_on");
  v.RequireRating(6, "rating");
  v.OptionalDate("", "optional_on");
  Status status = v.ToStatus();
  EXPECT_EQ(status.code(), Code::kInvalidArgument);
  ASSERT_EQ(status.violations().size(), 3u);
  EXPECT_EQ(status.violations()[1].field, "born_on");
  EXPECT_FALSE(status.violations()[1].description_pl.empty());
}

}  // namespace
}  // namespace assist::sdk
