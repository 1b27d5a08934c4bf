// Writes the request fuzzer's seed corpus (see docs/fuzzing.md): fuzz_request_seeds <corpus dir>.
// For every method, as two callers: an empty request and one with every field filled with a value
// of the kind the host expects there (dates, the centre's ids, a plugin's type id, record id 1),
// so that inputs reach the handlers past the first checks. Each seed is the two header bytes of
// request_fuzzer.cpp (method, caller) and the serialized request.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "request_fuzz_setup.hpp"

namespace {

namespace pb = google::protobuf;
using Field = pb::FieldDescriptor;

bool EndsWith(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

std::string TextFor(const Field& field) {
  const std::string& name = field.name();
  if (name == "birth_date") return "1984-05-14";
  if (EndsWith(name, "_on") || EndsWith(name, "_date") || name == "from" || name == "to") {
    return "2026-03-02";
  }
  if (name == "type_id" ||
      (name == "id" && field.containing_type()->name() == "DescribeAssistanceTypeRequest")) {
    return "family";
  }
  if (name == "centre_id" ||
      (name == "id" && EndsWith(field.containing_type()->name(), "CentreRequest"))) {
    return "mops-fuzz";
  }
  if (name == "assistant_id" || name == "actor_id") return "assistant";
  if (name == "json") return "{}";
  if (name == "page_token" || name == "type") return "";
  return "Nowak";
}

void Fill(pb::Message& message, int depth) {
  const pb::Reflection& r = *message.GetReflection();
  const pb::Descriptor& type = *message.GetDescriptor();
  for (int i = 0; i < type.field_count(); ++i) {
    const Field& f = *type.field(i);
    if (f.containing_oneof() != nullptr && f.index_in_oneof() != 0) continue;
    if (f.is_map()) continue;
    const bool repeated = f.is_repeated();
    switch (f.cpp_type()) {
      case Field::CPPTYPE_STRING: {
        const std::string text = TextFor(f);
        if (text.empty()) break;
        repeated ? r.AddString(&message, &f, text) : r.SetString(&message, &f, text);
        break;
      }
      case Field::CPPTYPE_INT64:
        repeated ? r.AddInt64(&message, &f, 1) : r.SetInt64(&message, &f, 1);
        break;
      case Field::CPPTYPE_INT32:
        repeated ? r.AddInt32(&message, &f, 10) : r.SetInt32(&message, &f, 10);
        break;
      case Field::CPPTYPE_BOOL:
        repeated ? r.AddBool(&message, &f, true) : r.SetBool(&message, &f, true);
        break;
      case Field::CPPTYPE_ENUM: {
        const int value = f.enum_type()->value_count() > 1 ? f.enum_type()->value(1)->number() : 0;
        repeated ? r.AddEnumValue(&message, &f, value) : r.SetEnumValue(&message, &f, value);
        break;
      }
      case Field::CPPTYPE_MESSAGE:
        if (depth < 3 && f.message_type()->file()->package() == "assist.v1") {
          Fill(repeated ? *r.AddMessage(&message, &f) : *r.MutableMessage(&message, &f), depth + 1);
        }
        break;
      default:
        break;  // no double, float or unsigned fields in the requests
    }
  }
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) {
    std::perror(path.c_str());
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
    return 2;
  }
  const std::string dir = argv[1];
  const auto methods = assist::fuzz::FuzzedMethods();
  const auto& tokens = assist::fuzz::FuzzTokens();
  int written = 0;
  for (std::size_t m = 0; m < methods.size(); ++m) {
    const pb::Descriptor& input = *methods[m]->input_type();
    std::unique_ptr<pb::Message> request(
        pb::MessageFactory::generated_factory()->GetPrototype(&input)->New());
    const std::string empty = request->SerializeAsString();
    Fill(*request, 0);
    const std::string filled = request->SerializeAsString();
    // The head may call most methods; the operator the platform's; the worker writes cases.
    for (const std::size_t caller : {std::size_t{0}, std::size_t{1}, tokens.size() - 2}) {
      const std::string header{static_cast<char>(m), static_cast<char>(caller)};
      const std::string name = dir + "/" + methods[m]->name() + "_" + std::to_string(caller);
      Write(name + "_filled", header + filled);
      Write(name + "_empty", header + empty);
      written += 2;
    }
  }
  std::printf("%d seeds for %zu methods in %s\n", written, methods.size(), dir.c_str());
  return 0;
}
