#pragma once
// Validation helpers shared by the step validators.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/checks.hpp>
#include <assist/plugin/message_cast.hpp>
#include <optional>
#include <set>
#include <string>

namespace assist::homelessness {

// The SDK's shared field checks, used unqualified by the validators.
using sdk::As;
using sdk::At;
using sdk::LimitText;
using sdk::NotAfterStep;
using sdk::RequireEnum;

// A repeated code field: every entry known and listed once. Returns the valid codes seen.
std::set<int> RequireUniqueCodes(sdk::Violations& v,
                                 const google::protobuf::RepeatedField<int>& codes,
                                 bool (*is_valid)(int), const std::string& field);

// An optional enum: unspecified (0) is fine, an unknown number is not.
void OptionalEnum(sdk::Violations& v, int value, bool (*is_valid)(int), const std::string& field);

// A date that must fall within [from, to]; checked only when all three are known.
void WithinPeriod(sdk::Violations& v, const std::optional<sdk::Date>& date,
                  const std::optional<sdk::Date>& from, const std::optional<sdk::Date>& to,
                  const std::string& field);

}  // namespace assist::homelessness
