#include "dynamic_payload.hpp"

#include <google/protobuf/util/json_util.h>

namespace assist::it {

std::string DynamicPayloads::Load(const google::protobuf::FileDescriptorSet& files) {
  for (const google::protobuf::FileDescriptorProto& file : files.file()) {
    if (pool_.BuildFile(file) == nullptr) return "cannot build " + file.name();
  }
  return "";
}

std::unique_ptr<google::protobuf::Message> DynamicPayloads::New(std::string_view type) const {
  const google::protobuf::Descriptor* descriptor = pool_.FindMessageTypeByName(std::string(type));
  if (descriptor == nullptr) return nullptr;
  return std::unique_ptr<google::protobuf::Message>(factory_.GetPrototype(descriptor)->New());
}

std::unique_ptr<google::protobuf::Message> DynamicPayloads::FromJson(std::string_view type,
                                                                     std::string_view json,
                                                                     std::string& error) const {
  const google::protobuf::Descriptor* descriptor = pool_.FindMessageTypeByName(std::string(type));
  if (descriptor == nullptr) {
    error = "no descriptor for " + std::string(type);
    return nullptr;
  }
  std::unique_ptr<google::protobuf::Message> message(factory_.GetPrototype(descriptor)->New());
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), message.get());
  if (!status.ok()) {
    error = std::string(type) + " from JSON: " + status.ToString();
    return nullptr;
  }
  return message;
}

std::unique_ptr<google::protobuf::Message> DynamicPayloads::Unpack(const google::protobuf::Any& any,
                                                                   std::string& error) const {
  const std::string& url = any.type_url();
  const std::string type = url.substr(url.rfind('/') + 1);
  const google::protobuf::Descriptor* descriptor = pool_.FindMessageTypeByName(type);
  if (descriptor == nullptr) {
    error = "no descriptor for type URL " + url;
    return nullptr;
  }
  std::unique_ptr<google::protobuf::Message> message(factory_.GetPrototype(descriptor)->New());
  if (!message->ParseFromString(any.value())) {
    error = "cannot parse the bytes of " + url;
    return nullptr;
  }
  return message;
}

google::protobuf::Any Pack(const google::protobuf::Message& message) {
  google::protobuf::Any any;
  any.PackFrom(message);
  return any;
}

}  // namespace assist::it
