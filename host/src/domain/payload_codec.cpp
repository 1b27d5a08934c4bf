#include "domain/payload_codec.hpp"

#include <google/protobuf/util/json_util.h>

#include "domain/errors.hpp"
#include "domain/payload_limits.hpp"

namespace assist::host {
namespace {

namespace pb = google::protobuf;

std::unique_ptr<pb::Message> NewMessage(const pb::Descriptor& type) {
  const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(&type);
  return std::unique_ptr<pb::Message>(prototype->New());
}

std::unique_ptr<pb::Message> WithinLimits(std::unique_ptr<pb::Message> message,
                                          const std::string& field) {
  auto violations = CheckPayloadLimits(*message, field);
  if (!violations.empty()) ThrowInvalid(violations);
  return message;
}

}  // namespace

bool IsEmpty(const assist::v1::Payload& payload) {
  return !payload.has_any() && payload.json().empty();
}

std::unique_ptr<pb::Message> DecodePayload(const assist::v1::Payload& payload,
                                           const pb::Descriptor& expected,
                                           const std::string& field) {
  const std::string& want = expected.full_name();
  if (payload.has_any() && !payload.json().empty()) {
    ThrowInvalid(field, "set either any or json, not both", "podaj any albo json, nie oba naraz");
  }
  auto message = NewMessage(expected);
  if (payload.has_any()) {
    const std::string& url = payload.any().type_url();
    auto slash = url.rfind('/');
    std::string got = slash == std::string::npos ? url : url.substr(slash + 1);
    if (got != want) {
      ThrowInvalid(field + ".any.type_url",
                   "is " + got + "; this case's assistance type expects " + want,
                   "to " + got + "; rodzaj asysty w tej sprawie wymaga " + want);
    }
    if (!payload.any().UnpackTo(message.get())) {
      ThrowInvalid(field + ".any.value", "cannot be parsed as " + want,
                   "nie daje się odczytać jako " + want);
    }
    return WithinLimits(std::move(message), field);
  }
  if (payload.json().empty()) {
    ThrowInvalid(field, "is required (set any or json)", "jest wymagane (podaj any albo json)");
  }
  if (!payload.type().empty() && payload.type() != want) {
    ThrowInvalid(field + ".type",
                 "is " + payload.type() + "; this case's assistance type expects " + want,
                 "to " + payload.type() + "; rodzaj asysty w tej sprawie wymaga " + want);
  }
  if (payload.json().size() > PayloadLimits{}.max_json_bytes) {
    ThrowInvalid(field + ".json", "is larger than 1 MiB", "jest większy niż 1 MiB");
  }
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = pb::util::JsonStringToMessage(payload.json(), message.get(), options);
  if (!status.ok()) {
    // Protobuf appends a snippet of the input after a newline, cut at a byte count; the first
    // line says what is wrong and where.
    std::string why(status.message());
    why = why.substr(0, why.find('\n'));
    ThrowInvalid(field + ".json", "is not valid JSON for " + want + ": " + why,
                 "nie jest poprawnym JSON-em dla " + want + ": " + why);
  }
  return WithinLimits(std::move(message), field);
}

std::string ToStoredJson(const pb::Message& message) {
  pb::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  std::string json;
  auto status = pb::util::MessageToJsonString(message, &json, options);
  if (!status.ok())
    throw std::runtime_error("cannot encode payload: " + std::string(status.message()));
  return json;
}

std::unique_ptr<pb::Message> FromStoredJson(const std::string& json, const pb::Descriptor& type) {
  auto message = NewMessage(type);
  pb::util::JsonParseOptions options;
  options.ignore_unknown_fields =
      true;  // a field the plugin removed must not make a case unreadable
  auto status = pb::util::JsonStringToMessage(json, message.get(), options);
  if (!status.ok()) {
    throw std::runtime_error("stored " + type.full_name() +
                             " cannot be read: " + std::string(status.message()));
  }
  return message;
}

void FillPayload(const pb::Message& message, assist::v1::Payload& out) {
  out.mutable_any()->PackFrom(message);
  out.set_json(ToStoredJson(message));
  out.set_type(message.GetDescriptor()->full_name());
}

}  // namespace assist::host
