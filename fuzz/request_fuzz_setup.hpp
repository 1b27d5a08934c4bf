#pragma once
// What the request fuzzer and its seed generator share: the methods in the order input byte 0
// picks them, the callers byte 1 picks, and the in-process host's configuration.
#include <google/protobuf/descriptor.h>

#include <string>
#include <string_view>
#include <vector>

namespace assist::fuzz {

// Every method of the three services of assist.v1, in declaration order.
std::vector<const google::protobuf::MethodDescriptor*> FuzzedMethods();

// Static tokens of the centre's head, social worker, assistant, auditor and app, the operator,
// and none at all.
const std::vector<std::string_view>& FuzzTokens();

// HostConfig text: SQLite at `database`, the plugins of `plugin_dir`, one centre with every
// type enabled, FuzzTokens() as static tokens.
std::string RequestFuzzConfig(const std::string& database, const std::string& plugin_dir);

}  // namespace assist::fuzz
