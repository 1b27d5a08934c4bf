#pragma once
// Validation helpers shared by the step validators.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace assist::family {

// "goals" + 2 -> "goals[2]".
std::string At(std::string_view field, int index);

// A required enum: unspecified (0) or a number the enum does not know is a violation.
bool RequireEnum(sdk::Violations& v, int value, bool (*is_valid)(int), const std::string& field);

// A date of something that has already happened when the step is recorded.
void NotAfterStep(sdk::Violations& v, const std::optional<sdk::Date>& date,
                  const sdk::CaseContext& context, const std::string& field);

// An optional text: empty is fine, but not longer than `max_len` bytes.
void LimitText(sdk::Violations& v, std::string_view text, const std::string& field,
               std::size_t max_len);

bool HasChildInFosterCare(const v1::Intake& intake);

}  // namespace assist::family
