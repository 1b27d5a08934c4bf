#pragma once
// Host configuration: defaults, then the --config file (protobuf text format), then flags.
#include <stdexcept>
#include <string>
#include <vector>

#include "assist/host/v1/config.pb.h"

namespace assist::host {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses argv (without argv[0]); throws ConfigError with a message meant for the operator.
// Returns false in `run` when only --help was asked for.
assist::host::v1::HostConfig LoadConfig(const std::vector<std::string>& args, bool& run);

assist::host::v1::HostConfig ParseConfigText(const std::string& text);
void ApplyDefaults(assist::host::v1::HostConfig& config);
void ValidateConfig(const assist::host::v1::HostConfig& config);

std::string Usage();

}  // namespace assist::host
