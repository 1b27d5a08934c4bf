#pragma once
// Turning the generic messages the host hands over into the plugin's own generated types.
#include <google/protobuf/message.h>

namespace assist::family {

// `message` as a T, or nullptr when it is absent or of another type. A message of the right type
// built by other code than ours (e.g. a DynamicMessage made from the descriptor) is not our
// generated class, so it is copied into `copy` through its wire form.
template <typename T>
const T* As(const google::protobuf::Message* message, T& copy) {
  if (message == nullptr) return nullptr;
  if (const T* typed = google::protobuf::DynamicCastToGenerated<T>(message)) return typed;
  if (message->GetDescriptor()->full_name() != T::descriptor()->full_name()) return nullptr;
  if (!copy.ParseFromString(message->SerializeAsString())) return nullptr;
  return &copy;
}

}  // namespace assist::family
