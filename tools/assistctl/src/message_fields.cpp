#include "message_fields.hpp"

#include <google/protobuf/descriptor.h>

#include <set>
#include <vector>

#include "failure.hpp"
#include "output.hpp"

namespace assistctl {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

constexpr int kMaxEnumValuesShown = 8;

std::string EnumValues(const google::protobuf::EnumDescriptor& type) {
  if (type.value_count() > kMaxEnumValuesShown) return type.full_name();
  std::string values;
  for (int i = 0; i < type.value_count(); ++i) {
    values += (i ? ", " : "") + type.value(i)->name();
  }
  return "enum " + type.full_name() + " (" + values + ")";
}

std::string TypeWords(const FieldDescriptor& field) {
  if (field.is_map()) {
    return "map<" + TypeWords(*field.message_type()->map_key()) + ", " +
           TypeWords(*field.message_type()->map_value()) + ">";
  }
  std::string words;
  if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
    words = field.message_type()->full_name();
  } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
    words = EnumValues(*field.enum_type());
  } else {
    words = field.type_name();
  }
  return field.is_repeated() ? "repeated " + words : words;
}

// Fields of one message, each nested message of the plugin's own files below its field. `open`
// holds the messages being printed, so a recursive message is shown once.
void AddFields(const Descriptor& message, const std::string& indent, Table& table,
               std::set<const Descriptor*>& open) {
  open.insert(&message);
  for (int i = 0; i < message.field_count(); ++i) {
    const FieldDescriptor& field = *message.field(i);
    table.Add({indent + field.json_name(), TypeWords(field)});
    const Descriptor* nested =
        field.is_map() ? field.message_type()->map_value()->message_type() : field.message_type();
    const bool well_known = nested != nullptr && nested->file()->package() == "google.protobuf";
    if (nested != nullptr && !well_known && open.count(nested) == 0) {
      AddFields(*nested, indent + "  ", table, open);
    }
  }
  open.erase(&message);
}

}  // namespace

void PrintMessageFields(std::ostream& out, const google::protobuf::FileDescriptorSet& files,
                        const std::string& message_name) {
  google::protobuf::DescriptorPool pool;
  for (const auto& file : files.file()) {
    if (pool.BuildFile(file) == nullptr) {
      throw Failure(ExitCode::kOther, "the host's descriptors of " + file.name() + " do not build");
    }
  }
  const Descriptor* message = pool.FindMessageTypeByName(message_name);
  if (message == nullptr) {
    throw Failure(ExitCode::kOther, "the host's descriptors hold no message " + message_name);
  }
  Table table({"FIELD", "TYPE"});
  std::set<const Descriptor*> open;
  AddFields(*message, "", table, open);
  table.Print(out);
}

}  // namespace assistctl
