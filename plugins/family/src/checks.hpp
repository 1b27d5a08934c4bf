#pragma once
// Validation helpers shared by the step validators.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/checks.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace assist::family {

bool HasChildInFosterCare(const v1::Intake& intake);

// A contact at which the family refused to meet, was absent or refused the plan's actions.
bool IsNonCooperation(int cooperation);

}  // namespace assist::family
