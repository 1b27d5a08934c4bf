#pragma once
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>

#include <assist/plugin/plugin.hpp>
#include <cstdint>
#include <memory>
#include <string>

#include "plugins/reporting_rules.hpp"

namespace assist::host {

// A plugin that passed the handshake, with its message types resolved.
struct LoadedPlugin {
  std::string path;
  std::unique_ptr<sdk::Plugin> plugin;
  sdk::PluginInfo info;         // copied once; Info() is not called again
  std::string sdk_version;      // the SDK the plugin was built against, from its AbiStamp
  std::uint32_t sdk_minor = 0;  // its minor version: what the host may ask or read of it
  const google::protobuf::Descriptor* intake = nullptr;
  const google::protobuf::Descriptor* plan = nullptr;
  const google::protobuf::Descriptor* contact = nullptr;  // may be null
  const google::protobuf::Descriptor* review = nullptr;
  const google::protobuf::Descriptor* outcome = nullptr;
  const google::protobuf::Descriptor* settings = nullptr;  // may be null
  google::protobuf::FileDescriptorSet files;               // the plugin's protos and their imports
  ReportingRules reporting;  // declared since SDK 1.3; empty for older plugins
};

}  // namespace assist::host
