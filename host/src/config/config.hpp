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

// What the command line asks for. Only kServe and kCheckConfig carry a loaded config.
enum class HostCommand { kServe, kCheckConfig, kBackup, kHelp, kVersion };

struct Invocation {
  HostCommand command = HostCommand::kServe;
  assist::host::v1::HostConfig config;
  std::string backup_to;  // kBackup: the file to write
};

// Parses argv (without argv[0]): flags as "--flag value" or "--flag=value". Throws ConfigError
// with a message meant for the operator.
Invocation ParseCommandLine(const std::vector<std::string>& args);

assist::host::v1::HostConfig ParseConfigText(const std::string& text);
void ApplyDefaults(assist::host::v1::HostConfig& config);
void ValidateConfig(const assist::host::v1::HostConfig& config);

std::string Usage();
std::string VersionText();

}  // namespace assist::host
