#pragma once
// One fuzzer input, shared by the fuzzer and the seed corpus generator:
//   [0]       the step: byte % (the steps the plugin takes a payload at, in Step order)
//   [1]       flags: bits 0-1 the case state, 2 work started, 3 reviewed, 4 closed; 5 the
//             context's intake from part 2, 6 its plan from part 3; 7 those two only when the
//             plugin accepts them (as the host only keeps accepted ones)
//   [2..25]   six little-endian int32 day offsets from 2026-09-01, wrapped into the years
//             0000..9999 that the host's dates allow: the step date, referred on, work started
//             on, last review on, closed on, and the day the context's intake and plan were
//             accepted (bit 7: validated as of that day, in an open case)
//   [26]      plan_version
//   [27..]    JSON parts separated by NUL bytes: the payload, then optionally the case's intake,
//             its plan and the centre's settings
#include <array>
#include <assist/plugin/date.hpp>
#include <assist/plugin/plugin.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assist::fuzz {

inline constexpr std::size_t kHeaderBytes = 27;
// The step, referred on, work started on, last review on, closed on, context payloads accepted on.
inline constexpr int kDates = 6;

enum Flag : std::uint8_t {
  kWorkStarted = 1 << 2,
  kReviewed = 1 << 3,
  kClosed = 1 << 4,
  kWithIntake = 1 << 5,
  kWithPlan = 1 << 6,
  kOnlyAccepted = 1 << 7,
};

struct Header {
  std::uint8_t step = 0;
  std::uint8_t flags = 0;
  std::array<std::int32_t, kDates> days{};
  std::uint8_t plan_version = 0;
};

inline const sdk::Date kBase{std::chrono::year{2026}, std::chrono::month{9}, std::chrono::day{1}};

inline sdk::Date Day(std::int32_t offset) {
  using std::chrono::sys_days;
  const sys_days first{sdk::Date{std::chrono::year{0}, std::chrono::January, std::chrono::day{1}}};
  const sys_days last{
      sdk::Date{std::chrono::year{9999}, std::chrono::December, std::chrono::day{31}}};
  const std::int64_t span = (last - first).count() + 1;
  std::int64_t day = (sys_days{kBase} - first).count() + offset;
  day = ((day % span) + span) % span;
  return sdk::Date{first + std::chrono::days{day}};
}

inline Header ReadHeader(const std::uint8_t* data) {
  Header h;
  h.step = data[0];
  h.flags = data[1];
  for (int i = 0; i < kDates; ++i) {
    const std::uint8_t* p = data + 2 + 4 * i;
    h.days[i] = static_cast<std::int32_t>(p[0] | p[1] << 8 | p[2] << 16 |
                                          static_cast<std::uint32_t>(p[3]) << 24);
  }
  h.plan_version = data[2 + 4 * kDates];
  return h;
}

inline std::string WriteHeader(const Header& h) {
  std::string out{static_cast<char>(h.step), static_cast<char>(h.flags)};
  for (std::int32_t day : h.days) {
    for (int shift = 0; shift < 32; shift += 8) {
      out.push_back(static_cast<char>(static_cast<std::uint32_t>(day) >> shift));
    }
  }
  out.push_back(static_cast<char>(h.plan_version));
  return out;
}

// The message type the plugin takes at `step`; "" when it takes none.
inline const std::string& TypeOf(const sdk::PluginInfo& info, sdk::Step step) {
  switch (step) {
    case sdk::Step::kIntake:
      return info.intake_type;
    case sdk::Step::kPlan:
      return info.plan_type;
    case sdk::Step::kContact:
      return info.contact_type;
    case sdk::Step::kReview:
      return info.review_type;
    case sdk::Step::kOutcome:
      return info.outcome_type;
    case sdk::Step::kSettings:
      break;
  }
  return info.settings_type;
}

// The field the host names in its errors, e.g. "intake".
inline std::string StepName(sdk::Step step) {
  constexpr std::array<const char*, 6> kNames = {"intake", "plan",    "contact",
                                                 "review", "outcome", "settings"};
  return kNames[static_cast<int>(step)];
}

// The steps at which the plugin takes a payload, in Step order.
inline std::vector<sdk::Step> Steps(const sdk::PluginInfo& info) {
  std::vector<sdk::Step> steps;
  for (int i = 0; i <= static_cast<int>(sdk::Step::kSettings); ++i) {
    if (!TypeOf(info, static_cast<sdk::Step>(i)).empty())
      steps.push_back(static_cast<sdk::Step>(i));
  }
  return steps;
}

// The NUL-separated JSON parts after the header.
inline std::vector<std::string_view> Parts(std::string_view rest) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t nul = rest.find('\0');
    parts.push_back(rest.substr(0, nul));
    if (nul == std::string_view::npos) return parts;
    rest.remove_prefix(nul + 1);
  }
}

}  // namespace assist::fuzz
