#include "checks.hpp"

namespace assist::family {

std::string At(std::string_view field, int index) {
  return std::string(field) + "[" + std::to_string(index) + "]";
}

bool RequireEnum(sdk::Violations& v, int value, bool (*is_valid)(int), const std::string& field) {
  if (value == 0) {
    v.Add(field, "is required", "jest wymagane");
    return false;
  }
  return v.Require(is_valid(value), field, "has an unknown value " + std::to_string(value),
                   "ma nieznaną wartość " + std::to_string(value));
}

void NotAfterStep(sdk::Violations& v, const std::optional<sdk::Date>& date,
                  const sdk::CaseContext& context, const std::string& field) {
  // The host always sets the step date; without one there is nothing to compare with.
  if (!date || !context.step_date.ok() || *date <= context.step_date) return;
  const std::string step = sdk::FormatDate(context.step_date);
  v.Add(field, "must not be after the date of this step (" + step + ")",
        "nie może być późniejsza niż data tego etapu (" + step + ")");
}

void LimitText(sdk::Violations& v, std::string_view text, const std::string& field,
               std::size_t max_len) {
  if (!text.empty()) v.RequireText(text, field, max_len);
}

bool HasChildInFosterCare(const v1::Intake& intake) {
  for (const auto& member : intake.members()) {
    if (member.role() == v1::MEMBER_ROLE_CHILD && member.in_foster_care()) return true;
  }
  return false;
}

}  // namespace assist::family
