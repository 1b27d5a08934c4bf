#pragma once
// Bounds every plugin payload shares, checked by the host before a plugin sees the message, so
// that no plugin has to defend itself against a 4 MiB string or a list of a million goals.
#include <google/protobuf/message.h>

#include <assist/plugin/status.hpp>
#include <string>
#include <vector>

namespace assist::host {

struct PayloadLimits {
  std::size_t max_string_bytes = 20000;
  int max_repeated = 1000;
  int max_depth = 16;
  std::size_t max_json_bytes = std::size_t{1024} * 1024;
};

// Every field over a limit, and every text the database would alter (storable_text.hpp), with
// its path under `field` (e.g. "intake.members[3].name").
std::vector<sdk::FieldViolation> CheckPayloadLimits(const google::protobuf::Message& message,
                                                    const std::string& field,
                                                    const PayloadLimits& limits = {});

}  // namespace assist::host
