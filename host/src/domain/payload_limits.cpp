#include "domain/payload_limits.hpp"

#include "domain/storable_text.hpp"

namespace assist::host {
namespace {

namespace pb = google::protobuf;

void Walk(const pb::Message& message, const std::string& path, int depth,
          const PayloadLimits& limits, std::vector<sdk::FieldViolation>& out) {
  if (depth > limits.max_depth) {
    out.push_back(
        {path, "is nested deeper than " + std::to_string(limits.max_depth) + " levels",
         "jest zagnieżdżone głębiej niż " + std::to_string(limits.max_depth) + " poziomów"});
    return;
  }
  const pb::Reflection* reflection = message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    const std::string at = path + "." + field->name();
    const bool is_string = field->cpp_type() == pb::FieldDescriptor::CPPTYPE_STRING;
    const bool is_message = field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE;
    auto check_string = [&](const std::string& value, const std::string& where) {
      if (value.size() > limits.max_string_bytes) {
        out.push_back({where,
                       "is longer than " + std::to_string(limits.max_string_bytes) + " bytes",
                       "jest dłuższe niż " + std::to_string(limits.max_string_bytes) + " bajtów"});
      }
      // The one check of text the database would alter (storable_text.hpp), in this same walk.
      if (field->type() == pb::FieldDescriptor::TYPE_STRING && !IsStorableText(value)) {
        out.push_back(NulViolation(where));
      }
    };
    if (!field->is_repeated()) {
      if (is_string) check_string(reflection->GetString(message, field), at);
      if (is_message) Walk(reflection->GetMessage(message, field), at, depth + 1, limits, out);
      continue;
    }
    const int size = reflection->FieldSize(message, field);
    if (size > limits.max_repeated) {
      out.push_back({at, "has more than " + std::to_string(limits.max_repeated) + " entries",
                     "ma więcej niż " + std::to_string(limits.max_repeated) + " pozycji"});
      continue;
    }
    for (int i = 0; i < size; ++i) {
      const std::string item = at + "[" + std::to_string(i) + "]";
      if (is_string) check_string(reflection->GetRepeatedString(message, field, i), item);
      if (is_message)
        Walk(reflection->GetRepeatedMessage(message, field, i), item, depth + 1, limits, out);
    }
  }
}

}  // namespace

std::vector<sdk::FieldViolation> CheckPayloadLimits(const pb::Message& message,
                                                    const std::string& field,
                                                    const PayloadLimits& limits) {
  std::vector<sdk::FieldViolation> violations;
  Walk(message, field, 0, limits, violations);
  return violations;
}

}  // namespace assist::host
