#pragma once
// Parses request bytes into a message of a type found by name in the generated descriptor pool,
// saying what could not be parsed instead of logging it: protobuf writes a log line of its own
// for each proto3 string field that is not valid UTF-8 (one per hostile request, unauthenticated),
// so while a request is parsed here that line is caught and becomes part of the answer.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace assist::host {

// The parsed request, or why `bytes` are not a `type`, e.g. "request is not a valid
// assist.v1.OpenCaseRequest: string field assist.v1.OpenCaseRequest.referral_reason is not valid
// UTF-8".
std::variant<std::unique_ptr<google::protobuf::Message>, std::string> ParseRequest(
    const google::protobuf::Descriptor& type, std::string_view bytes);

}  // namespace assist::host
