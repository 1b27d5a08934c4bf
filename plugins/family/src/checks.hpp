#pragma once
// Validation helpers shared by the step validators.
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/checks.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace assist::family {

// The SDK's shared field checks, used unqualified by the validators.
using sdk::At;
using sdk::LimitText;
using sdk::NotAfterStep;
using sdk::RequireEnum;
using sdk::RequireListedOnce;
using sdk::RequireUniqueCodes;

bool HasChildInFosterCare(const v1::Intake& intake);

}  // namespace assist::family
