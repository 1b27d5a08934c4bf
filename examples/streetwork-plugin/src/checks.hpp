#pragma once
// Field checks shared by the streetwork validators.
#include <assist/streetwork/v1/streetwork.pb.h>
#include <google/protobuf/repeated_field.h>

#include <assist/plugin/validation.hpp>
#include <string>

namespace assist::streetwork {

// The kind of place is required; PLACE_KIND_OTHER needs a note saying where.
void CheckPlace(sdk::Violations& v, const v1::Place& place, const std::string& field);

// Every need a known one, each at most once.
void CheckNeeds(sdk::Violations& v, const google::protobuf::RepeatedField<int>& needs,
                const std::string& field);

}  // namespace assist::streetwork
