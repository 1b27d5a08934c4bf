#pragma once
// The fields of a plugin's message, from the descriptors DescribeAssistanceType returns, so that
// a person can write the JSON a step takes (e.g. the settings of `types enable`) without the
// plugin's .proto file at hand.
#include <google/protobuf/descriptor.pb.h>

#include <ostream>
#include <string>

namespace assistctl {

// Prints each field of `message_name` as "json_name  type" (repeated, map, enum values), nested
// messages indented below their field. A Failure (exit 1) when the set does not
// build or holds no such message.
void PrintMessageFields(std::ostream& out, const google::protobuf::FileDescriptorSet& files,
                        const std::string& message_name);

}  // namespace assistctl
