#pragma once
// Parsing assistctl's --json output and JSON-lines exports back into messages, with protobuf's
// own JSON parser: what a script reading them would see.
#include <google/protobuf/message.h>
#include <google/protobuf/util/json_util.h>

#include <sstream>
#include <string>
#include <vector>

namespace assist::cli_test {

// Parses `json` into `message`; returns the parser's complaint, or "" when it parsed.
inline std::string ParseJson(const std::string& json, google::protobuf::Message* message) {
  const auto status = google::protobuf::util::JsonStringToMessage(json, message);
  return status.ok() ? "" : std::string(status.message());
}

// Each non-empty line of `text`.
inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace assist::cli_test
