#pragma once
// For a plugin's unit tests: payloads built the ways a host may build them.
#include <assist/v1/common.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace assist::sdk::testing {

// A message of the right type that is not the plugin's generated class, as a host may build
// from the descriptor.
inline std::unique_ptr<google::protobuf::Message> Dynamic(
    const google::protobuf::Message& message, google::protobuf::DynamicMessageFactory& factory) {
  std::unique_ptr<google::protobuf::Message> copy(
      factory.GetPrototype(message.GetDescriptor())->New());
  copy->ParseFromString(message.SerializeAsString());
  return copy;
}

// Sets an outcome indicator's rating: Rate(outcome.mutable_work(), 1, 4).
inline void Rate(::assist::v1::BeforeAfter* rating, int before, int after) {
  rating->set_before(before);
  rating->set_after(after);
}

// For every assist.v1.BeforeAfter field of Outcome, in field order: its name and an Outcome rating
// only that field, 1 before and 5 after.
template <typename Outcome>
std::vector<std::pair<std::string, Outcome>> EachRatingAlone() {
  std::vector<std::pair<std::string, Outcome>> outcomes;
  const google::protobuf::Descriptor* descriptor = Outcome::descriptor();
  for (int f = 0; f < descriptor->field_count(); ++f) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(f);
    if (field->message_type() != ::assist::v1::BeforeAfter::descriptor()) continue;
    Outcome outcome;
    auto* rating = static_cast<::assist::v1::BeforeAfter*>(
        outcome.GetReflection()->MutableMessage(&outcome, field));
    rating->set_before(1);
    rating->set_after(5);
    outcomes.emplace_back(field->name(), std::move(outcome));
  }
  return outcomes;
}

}  // namespace assist::sdk::testing
