#pragma once
// Field checks every plugin's validators need, on top of Violations. Each adds its violation in
// English and Polish; the texts are the platform's, so the same rule reads the same everywhere.
#include <google/protobuf/repeated_field.h>

#include <assist/plugin/date.hpp>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>

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

// An optional enum: unspecified (0) means not recorded and is fine; a number the enum does not
// know is a violation. Returns false only for that violation.
inline bool RequireOptionalEnum(Violations& v, int value, bool (*is_valid)(int),
                                const std::string& field) {
  return value == 0 || RequireEnum(v, value, is_valid, field);
}

// One entry of a list in which each value may stand once: `value` is added to `seen`, and a
// violation of `field` when it was there already. Returns whether it was new.
template <typename T>
bool RequireListedOnce(Violations& v, std::set<T>& seen, const std::type_identity_t<T>& value,
                       const std::string& field) {
  return v.Require(seen.insert(value).second, field, "is listed more than once",
                   "występuje więcej niż raz");
}

// A repeated enum field ("problem_areas"): every entry required and known (RequireEnum, under
// "problem_areas[i]") and listed once. Returns the valid codes seen.
inline std::set<int> RequireUniqueCodes(Violations& v,
                                        const google::protobuf::RepeatedField<int>& codes,
                                        bool (*is_valid)(int), const std::string& field) {
  std::set<int> seen;
  for (int i = 0; i < codes.size(); ++i) {
    if (!RequireEnum(v, codes.Get(i), is_valid, At(field, i))) continue;
    RequireListedOnce(v, seen, codes.Get(i), At(field, i));
  }
  return seen;
}

// A date of something that has already happened when the step is recorded.
inline void NotAfterStep(Violations& v, const std::optional<Date>& date, const CaseContext& context,
                         const std::string& field) {
  if (!date || !context.step_date.ok() || *date <= context.step_date) return;
  const std::string step = FormatDate(context.step_date);
  v.Add(field, "must not be after the date of this step (" + step + ")",
        "nie może być późniejsza niż data tego etapu (" + step + ")");
}

// `date` after `from` (or on the same day when `same_day_ok`); nothing when either is missing.
// The names say what `from` is, e.g. "the plan date" / "data planu" (Polish nominative).
inline void NotBefore(Violations& v, const std::optional<Date>& date,
                      const std::optional<Date>& from, bool same_day_ok, const std::string& field,
                      const std::string& from_name_en, const std::string& from_name_pl) {
  if (!date || !from) return;
  if (*date > *from || (same_day_ok && *date == *from)) return;
  const std::string when = FormatDate(*from);
  if (same_day_ok) {
    v.Add(field, "must not be before " + from_name_en + " (" + when + ")",
          "nie może przypadać wcześniej niż " + from_name_pl + " (" + when + ")");
  } else {
    v.Add(field, "must be after " + from_name_en + " (" + when + ")",
          "musi przypadać później niż " + from_name_pl + " (" + when + ")");
  }
}

// A date within [from, to], both days included; checked only when all three are known. The names
// say what the period is: "the plan period" / "okresie realizacji planu" (Polish locative).
inline void WithinPeriod(Violations& v, const std::optional<Date>& date,
                         const std::optional<Date>& from, const std::optional<Date>& to,
                         const std::string& field, const std::string& period_en,
                         const std::string& period_pl) {
  if (!date || !from || !to || (*from <= *date && *date <= *to)) return;
  const std::string period = FormatDate(*from) + " – " + FormatDate(*to);
  v.Add(field, "must fall within " + period_en + " (" + period + ")",
        "musi mieścić się w " + period_pl + " (" + period + ")");
}

// An optional text: empty is fine, but not longer than `max_len` bytes.
inline void LimitText(Violations& v, std::string_view text, const std::string& field,
                      std::size_t max_len) {
  if (!text.empty()) v.RequireText(text, field, max_len);
}

}  // namespace assist::sdk
