#pragma once
// Reading the form options (assist/v1/form_options.proto) the way a generic client does: what is
// missing from a type's annotations, and a message built from the examples of its required fields.
// Works on generated messages and on messages built from descriptors at run time alike.
#include <assist/v1/form_options.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <assist/plugin/date.hpp>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace assist::sdk::testing {

inline const ::assist::v1::FieldForm& FormOf(const google::protobuf::FieldDescriptor& field) {
  return field.options().GetExtension(::assist::v1::form);
}

// The oneofs a form shows as a choice (not those proto3 makes for an `optional` field).
inline bool IsChoice(const google::protobuf::FieldDescriptor& field) {
  return field.real_containing_oneof() != nullptr;
}

// "{d}", "{d+30}", "{d-400}" become the date that many days from `today`, "{year}" its year.
inline std::string ExpandDates(const std::string& text, const Date& today) {
  static const std::regex token(R"(\{d(?:([+-]\d+))?\}|\{year\})");
  std::string out;
  auto last = text.cbegin();
  for (std::sregex_iterator it(text.begin(), text.end(), token), end; it != end; ++it) {
    out.append(last, (*it)[0].first);
    if ((*it)[0].str() == "{year}") {
      out += std::to_string(static_cast<int>(today.year()));
    } else {
      const int days = (*it)[1].matched ? std::atoi((*it)[1].str().c_str()) : 0;
      out += FormatDate(AddDays(today, days));
    }
    last = (*it)[0].second;
  }
  out.append(last, text.cend());
  return out;
}

namespace form_detail {

using google::protobuf::FieldDescriptor;

inline std::string Name(const FieldDescriptor& field) { return field.full_name(); }

// Sets (or, for a repeated field, adds) `field` from an example; false when the example does not
// fit the field's type.
inline bool SetExample(google::protobuf::Message& message, const FieldDescriptor& field,
                       const std::string& example) {
  const google::protobuf::Reflection& r = *message.GetReflection();
  const bool rep = field.is_repeated();
  char* end = nullptr;
  const char* text = example.c_str();
  switch (field.cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING:
      rep ? r.AddString(&message, &field, example) : r.SetString(&message, &field, example);
      return true;
    case FieldDescriptor::CPPTYPE_BOOL:
      if (example != "true" && example != "false") return false;
      rep ? r.AddBool(&message, &field, example == "true")
          : r.SetBool(&message, &field, example == "true");
      return true;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const auto* value = field.enum_type()->FindValueByName(example);
      if (value == nullptr) return false;
      rep ? r.AddEnum(&message, &field, value) : r.SetEnum(&message, &field, value);
      return true;
    }
    case FieldDescriptor::CPPTYPE_DOUBLE:
    case FieldDescriptor::CPPTYPE_FLOAT: {
      const double v = std::strtod(text, &end);
      if (example.empty() || *end != '\0') return false;
      if (field.cpp_type() == FieldDescriptor::CPPTYPE_DOUBLE) {
        rep ? r.AddDouble(&message, &field, v) : r.SetDouble(&message, &field, v);
      } else {
        const auto f = static_cast<float>(v);
        rep ? r.AddFloat(&message, &field, f) : r.SetFloat(&message, &field, f);
      }
      return true;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return false;
    default: {
      const long long v = std::strtoll(text, &end, 10);
      if (example.empty() || *end != '\0') return false;
      switch (field.cpp_type()) {
        case FieldDescriptor::CPPTYPE_INT32:
          rep ? r.AddInt32(&message, &field, static_cast<std::int32_t>(v))
              : r.SetInt32(&message, &field, static_cast<std::int32_t>(v));
          return true;
        case FieldDescriptor::CPPTYPE_INT64:
          rep ? r.AddInt64(&message, &field, v) : r.SetInt64(&message, &field, v);
          return true;
        case FieldDescriptor::CPPTYPE_UINT32:
          rep ? r.AddUInt32(&message, &field, static_cast<std::uint32_t>(v))
              : r.SetUInt32(&message, &field, static_cast<std::uint32_t>(v));
          return true;
        default:
          rep ? r.AddUInt64(&message, &field, static_cast<std::uint64_t>(v))
              : r.SetUInt64(&message, &field, static_cast<std::uint64_t>(v));
          return true;
      }
    }
  }
}

inline void CheckEnum(const google::protobuf::EnumDescriptor& type,
                      std::vector<std::string>& problems) {
  for (int v = 0; v < type.value_count(); ++v) {
    const auto& value = *type.value(v);
    if (value.number() == 0) continue;  // "not chosen": a form shows it empty
    const auto& form = value.options().GetExtension(::assist::v1::value_form);
    if (form.label_pl().empty()) problems.push_back(value.full_name() + ": no label_pl");
    if (form.label_en().empty()) problems.push_back(value.full_name() + ": no label_en");
  }
}

// Real oneofs come first among a message's oneofs, before those of proto3 `optional` fields.
inline void CheckMessage(const google::protobuf::Descriptor& type,
                         std::set<const google::protobuf::Descriptor*>& seen,
                         std::vector<std::string>& problems) {
  if (!seen.insert(&type).second) return;
  for (int o = 0; o < type.real_oneof_decl_count(); ++o) {
    const auto& oneof = *type.oneof_decl(o);
    const auto& form = oneof.options().GetExtension(::assist::v1::oneof_form);
    if (form.label_pl().empty()) problems.push_back(oneof.full_name() + ": no label_pl");
    if (form.label_en().empty()) problems.push_back(oneof.full_name() + ": no label_en");
  }
  for (int f = 0; f < type.field_count(); ++f) {
    const FieldDescriptor& field = *type.field(f);
    const auto& form = FormOf(field);
    if (form.label_pl().empty()) problems.push_back(Name(field) + ": no label_pl");
    if (form.label_en().empty()) problems.push_back(Name(field) + ": no label_en");
    if (field.message_type() != nullptr) {
      if (!form.example().empty()) problems.push_back(Name(field) + ": example on a message");
      CheckMessage(*field.message_type(), seen, problems);
      continue;
    }
    if (form.required() && form.example().empty()) {
      problems.push_back(Name(field) + ": required but has no example");
    }
    if (field.enum_type() != nullptr) {
      CheckEnum(*field.enum_type(), problems);
      if (!form.example().empty() &&
          field.enum_type()->FindValueByName(form.example()) == nullptr) {
        problems.push_back(Name(field) + ": example " + form.example() + " is no value");
      }
    }
  }
}

}  // namespace form_detail

// What a generic client would miss in `type` and every message and enum it uses: a field, oneof
// or enum value (other than 0) without label_pl or label_en, a required scalar or enum field
// without an example, an enum example that names no value. Empty when the forms are complete.
inline std::vector<std::string> FormProblems(const google::protobuf::Descriptor& type) {
  std::set<const google::protobuf::Descriptor*> seen;
  std::vector<std::string> problems;
  form_detail::CheckMessage(type, seen, problems);
  return problems;
}

// Fills `message` as a generic client would from the options alone: every field that has an
// example (one element of a repeated field), every required message field from its own fields,
// and the first field with an example of each oneof. Dates in examples are counted from `today`.
// Returns what could not be filled: a required field or oneof without an example, an example that
// does not fit its field (empty on success).
inline std::vector<std::string> FillFromExamples(google::protobuf::Message& message,
                                                 const Date& today) {
  using form_detail::Name;
  std::vector<std::string> problems;
  const google::protobuf::Descriptor& type = *message.GetDescriptor();
  const google::protobuf::Reflection& r = *message.GetReflection();
  for (int f = 0; f < type.field_count(); ++f) {
    const google::protobuf::FieldDescriptor& field = *type.field(f);
    const auto& form = FormOf(field);
    if (IsChoice(field)) continue;
    if (field.message_type() != nullptr) {
      if (!form.required()) continue;
      auto& inner = field.is_repeated() ? *r.AddMessage(&message, &field)
                                        : *r.MutableMessage(&message, &field);
      for (auto& problem : FillFromExamples(inner, today)) problems.push_back(std::move(problem));
    } else if (form.example().empty()) {
      if (form.required()) problems.push_back(Name(field) + ": required but has no example");
    } else if (!form_detail::SetExample(message, field, ExpandDates(form.example(), today))) {
      problems.push_back(Name(field) + ": example \"" + form.example() + "\" does not fit");
    }
  }
  for (int o = 0; o < type.real_oneof_decl_count(); ++o) {
    const auto& oneof = *type.oneof_decl(o);
    bool filled = false;
    for (int f = 0; f < oneof.field_count() && !filled; ++f) {
      const auto& field = *oneof.field(f);
      if (field.message_type() != nullptr || FormOf(field).example().empty()) continue;
      filled = form_detail::SetExample(message, field, ExpandDates(FormOf(field).example(), today));
    }
    if (!filled && oneof.options().GetExtension(::assist::v1::oneof_form).required()) {
      problems.push_back(oneof.full_name() + ": required but no field has an example");
    }
  }
  return problems;
}

// The names of the fields (and oneofs) of `type` its options mark as required.
inline std::set<std::string> RequiredFields(const google::protobuf::Descriptor& type) {
  std::set<std::string> names;
  for (int f = 0; f < type.field_count(); ++f) {
    if (FormOf(*type.field(f)).required()) names.insert(type.field(f)->name());
  }
  for (int o = 0; o < type.real_oneof_decl_count(); ++o) {
    const auto& oneof = *type.oneof_decl(o);
    if (oneof.options().GetExtension(::assist::v1::oneof_form).required()) {
      names.insert(oneof.name());
    }
  }
  return names;
}

}  // namespace assist::sdk::testing
