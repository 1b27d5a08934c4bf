#pragma once
// Field checks every plugin's validators need, on top of Violations.
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace assist::sdk {

// "goals" + 2 -> "goals[2]": field paths of repeated fields.
inline std::string At(std::string_view field, int index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

// A required enum: unspecified (0) or a number the enum does not know is a violation.
inline bool RequireEnum(Violations& v, int value, bool (*is_valid)(int), const std::string& field) {
  if (value == 0) {
    v.Add(field, "is required", "jest wymagane");
    return false;
  }
  return v.Require(is_valid(value), field, "has an unknown value " + std::to_string(value),
                   "ma nieznaną wartość " + std::to_string(value));
}

// A date of something that has already happened when the step is recorded.
inline void NotAfterStep(Violations& v, const std::optional<Date>& date, const CaseContext& context,
                         const std::string& field) {
  if (!date || !context.step_date.ok() || *date <= context.step_date) return;
  const std::string step = FormatDate(context.step_date);
  v.Add(field, "must not be after the date of this step (" + step + ")",
        "nie może być późniejsza niż data tego etapu (" + step + ")");
}

// An optional text: empty is fine, but not longer than `max_len` bytes.
inline void LimitText(Violations& v, std::string_view text, const std::string& field,
                      std::size_t max_len) {
  if (!text.empty()) v.RequireText(text, field, max_len);
}

}  // namespace assist::sdk
