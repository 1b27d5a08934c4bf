#pragma once
// What commands print: aligned tables and "key: value" blocks for people, protobuf JSON for
// scripts (--json), one message per line for JSON-lines exports.
#include <google/protobuf/message.h>

#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assistctl {

// Columns padded to the widest cell, counted in characters (UTF-8), two spaces apart.
class Table {
 public:
  explicit Table(std::vector<std::string> headers);
  void Add(std::vector<std::string> row);
  void Print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// "label: value" lines, the values aligned; rows with an empty value are left out.
void PrintFields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& rows,
                 std::string_view indent = "");

// Protobuf JSON (field names in lowerCamelCase, enums by name, zero values included): indented
// with `multiline`, else on one line. Plugin payloads (assist.v1.Payload) keep their `json` and
// `type`; their binary `any` is left out, as assistctl does not know the plugins' messages.
std::string ToJson(const google::protobuf::Message& message, bool multiline);

// ToJson(message, true) and a newline.
void PrintJson(std::ostream& out, const google::protobuf::Message& message);

// Any JSON text indented for reading (parsed as a google.protobuf.Value); the text as it is when
// it does not parse.
std::string PrettyJson(const std::string& text);

// "CASE_STATUS_MONITORING_ENDED" with prefix "CASE_STATUS_" -> "monitoring ended".
std::string EnumWords(std::string_view name, std::string_view prefix);

// Characters of UTF-8 `text` (code points; what a terminal column count is for Polish text).
std::size_t DisplayWidth(std::string_view text);

}  // namespace assistctl
