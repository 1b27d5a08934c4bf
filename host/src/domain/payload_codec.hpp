#pragma once
// Plugin payloads on the wire (google.protobuf.Any or JSON text) and in the database (JSON with
// proto field names, readable by a DBA and stable under the protobuf JSON mapping).
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <memory>
#include <string>

#include "assist/v1/common.pb.h"

namespace assist::host {

// Decodes a request's payload into a new message of type `expected`. Throws RpcError
// INVALID_ARGUMENT naming `field` (e.g. "intake.json") when it is missing, of another type, or
// malformed.
std::unique_ptr<google::protobuf::Message> DecodePayload(
    const assist::v1::Payload& payload, const google::protobuf::Descriptor& expected,
    const std::string& field);

std::string ToStoredJson(const google::protobuf::Message& message);

// Reads back what ToStoredJson wrote; a failure means the stored data or the plugin changed
// incompatibly, so it is an internal error.
std::unique_ptr<google::protobuf::Message> FromStoredJson(const std::string& json,
                                                          const google::protobuf::Descriptor& type);

// Fills all three forms of a response payload.
void FillPayload(const google::protobuf::Message& message, assist::v1::Payload& out);

bool IsEmpty(const assist::v1::Payload& payload);

}  // namespace assist::host
