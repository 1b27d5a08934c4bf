#include "output.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

#include "failure.hpp"

namespace assistctl {
namespace {

void PrintRow(std::ostream& out, const std::vector<std::string>& cells,
              const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    line += cells[i];
    if (i + 1 == cells.size()) break;
    line.append(widths[i] - DisplayWidth(cells[i]) + 2, ' ');
  }
  out << line << '\n';
}

// Clears the `any` of every assist.v1.Payload inside `message`: the plugin's message types are not
// known here, so the Any could not be printed as JSON; the payload's `json` and `type` say the
// same.
void ClearPayloadAnys(google::protobuf::Message& message) {
  const google::protobuf::Reflection& reflection = *message.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const auto* field : fields) {
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (message.GetDescriptor()->full_name() == "assist.v1.Payload" && field->name() == "any") {
      reflection.ClearField(&message, field);
      continue;
    }
    if (!field->is_repeated()) {
      ClearPayloadAnys(*reflection.MutableMessage(&message, field));
      continue;
    }
    for (int i = 0; i < reflection.FieldSize(message, field); ++i) {
      ClearPayloadAnys(*reflection.MutableRepeatedMessage(&message, field, i));
    }
  }
}

}  // namespace

Table::Table(std::vector<std::string> headers) : headers_(std::move(headers)) {}

void Table::Add(std::vector<std::string> row) {
  row.resize(headers_.size());
  rows_.push_back(std::move(row));
}

void Table::Print(std::ostream& out) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  PrintRow(out, headers_, widths);
  for (const auto& row : rows_) PrintRow(out, row, widths);
}

void PrintFields(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& rows,
                 std::string_view indent) {
  std::size_t width = 0;
  for (const auto& [label, value] : rows) {
    if (!value.empty()) width = std::max(width, DisplayWidth(label));
  }
  for (const auto& [label, value] : rows) {
    if (value.empty()) continue;
    out << indent << label << ':' << std::string(width - DisplayWidth(label) + 1, ' ') << value
        << '\n';
  }
}

std::string ToJson(const google::protobuf::Message& message, bool multiline) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = multiline;
  options.always_print_primitive_fields = true;
  std::unique_ptr<google::protobuf::Message> copy(message.New());
  copy->CopyFrom(message);
  ClearPayloadAnys(*copy);
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(*copy, &json, options);
  if (!status.ok()) {
    throw Failure(ExitCode::kOther, "cannot print " + message.GetTypeName() +
                                        " as JSON: " + std::string(status.message()));
  }
  if (!json.empty() && json.back() == '\n') json.pop_back();
  return json;
}

void PrintJson(std::ostream& out, const google::protobuf::Message& message) {
  out << ToJson(message, true) << '\n';
}

std::string PrettyJson(const std::string& text) {
  google::protobuf::Value value;
  if (!google::protobuf::util::JsonStringToMessage(text, &value).ok()) return text;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string pretty;
  if (!google::protobuf::util::MessageToJsonString(value, &pretty, options).ok()) return text;
  while (!pretty.empty() && pretty.back() == '\n') pretty.pop_back();
  return pretty;
}

std::string EnumWords(std::string_view name, std::string_view prefix) {
  if (name.substr(0, prefix.size()) == prefix) name.remove_prefix(prefix.size());
  std::string words;
  for (const char c : name) {
    words += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return words;
}

std::size_t DisplayWidth(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace assistctl
