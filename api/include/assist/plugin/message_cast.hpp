#pragma once
// Turning the generic messages the host hands over into the plugin's own generated types.
#include <google/protobuf/message.h>

namespace assist::sdk {

// `message` as a T, or nullptr when it is absent or of another type. The host builds payloads from
// the generated factory, so the cast normally succeeds; a message of the right type built by other
// code (e.g. a DynamicMessage) is copied into `copy` through its wire form instead.
template <typename T>
const T* As(const google::protobuf::Message* message, T& copy) {
  if (message == nullptr) return nullptr;
  if (const T* typed = google::protobuf::DynamicCastToGenerated<T>(message)) return typed;
  if (message->GetDescriptor()->full_name() != T::descriptor()->full_name()) return nullptr;
  if (!copy.ParseFromString(message->SerializeAsString())) return nullptr;
  return &copy;
}

}  // namespace assist::sdk
