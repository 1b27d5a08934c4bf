#pragma once
// Calendar dates as the platform carries them: "YYYY-MM-DD" strings on the wire, and
// std::chrono::year_month_day in code. Deadlines (6-month reviews, certificate validity, plan
// horizons) are computed with these helpers so every plugin rounds the same way.
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace assist::sdk {

using Date = std::chrono::year_month_day;

// Strict "YYYY-MM-DD"; nullopt for anything else, including 2026-02-30.
inline std::optional<Date> ParseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
    int value = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!y || !m || !d) return std::nullopt;
  Date date{std::chrono::year{*y}, std::chrono::month{static_cast<unsigned>(*m)},
            std::chrono::day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

inline std::string FormatDate(const Date& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

inline Date AddDays(const Date& date, int days) {
  return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

// Calendar months; a day that does not exist in the target month becomes its last day
// (2026-08-31 + 6 months = 2027-02-28).
inline Date AddMonths(const Date& date, int months) {
  Date moved = date + std::chrono::months{months};
  if (!moved.ok()) moved = moved.year() / moved.month() / std::chrono::last;
  return moved;
}

inline int DaysBetween(const Date& from, const Date& to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

inline Date Today() {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

}  // namespace assist::sdk
