#pragma once
// For a plugin's unit tests: the `required` form options agree with the plugin's validation, which
// stays the source of truth. An empty message must fail validation on exactly its required fields,
// and so must each message nested in a valid example when it is emptied.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/testing/form_examples.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace assist::sdk::testing {

namespace form_detail {

inline std::string Join(const std::set<std::string>& names) {
  std::string text = "{";
  for (const auto& name : names) text += (text.size() > 1 ? ", " : "") + name;
  return text + "}";
}

// The first segment of each violated path under `prefix` ("" for the whole payload): "needs" for
// "needs[0].area" under "", "area" for "needs[0].area" under "needs[0]".
inline std::set<std::string> ViolatedUnder(const Status& status, const std::string& prefix) {
  std::set<std::string> names;
  for (const auto& violation : status.violations()) {
    std::string path = violation.field;
    if (!prefix.empty()) {
      if (path.rfind(prefix + ".", 0) != 0) continue;
      path = path.substr(prefix.size() + 1);
    }
    names.insert(path.substr(0, path.find_first_of(".[")));
  }
  return names;
}

// A field of a oneof stands for the oneof, which is what the options mark as required.
inline std::set<std::string> AsFormNames(const std::set<std::string>& names,
                                         const google::protobuf::Descriptor& type) {
  std::set<std::string> out;
  for (const auto& name : names) {
    const auto* field = type.FindFieldByName(name);
    const auto* oneof = field != nullptr ? field->real_containing_oneof() : nullptr;
    out.insert(oneof != nullptr ? oneof->name() : name);
  }
  return out;
}

struct Nested {
  std::string path;                  // "goals[0].actions[0]"
  std::vector<int> fields, indexes;  // how to reach it from the payload
};

inline void CollectNested(const google::protobuf::Message& message, const Nested& at,
                          std::vector<Nested>& out) {
  const google::protobuf::Reflection& r = *message.GetReflection();
  std::vector<const google::protobuf::FieldDescriptor*> set;
  r.ListFields(message, &set);
  for (const auto* field : set) {
    if (field->message_type() == nullptr) continue;
    const int count = field->is_repeated() ? r.FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      Nested next = at;
      next.path += (next.path.empty() ? "" : ".") + field->name();
      if (field->is_repeated()) next.path += "[" + std::to_string(i) + "]";
      next.fields.push_back(field->index());
      next.indexes.push_back(field->is_repeated() ? i : -1);
      out.push_back(next);
      CollectNested(field->is_repeated() ? r.GetRepeatedMessage(message, field, i)
                                         : r.GetMessage(message, field),
                    next, out);
    }
  }
}

inline google::protobuf::Message& Reach(google::protobuf::Message& root, const Nested& nested) {
  google::protobuf::Message* message = &root;
  for (std::size_t i = 0; i < nested.fields.size(); ++i) {
    const auto* field = message->GetDescriptor()->field(nested.fields[i]);
    const auto& r = *message->GetReflection();
    message = nested.indexes[i] < 0 ? r.MutableMessage(message, field)
                                    : r.MutableRepeatedMessage(message, field, nested.indexes[i]);
  }
  return *message;
}

inline void Compare(const std::string& what, const std::set<std::string>& violated,
                    const std::set<std::string>& required, std::vector<std::string>& out) {
  if (violated != required) {
    out.push_back(what + ": validation requires " + Join(violated) + ", the options mark " +
                  Join(required));
  }
}

}  // namespace form_detail

// Where `required` and validation disagree for the step's message, `valid` being the example of
// that message built from the options (it must pass). Empty when they agree.
inline std::vector<std::string> RequiredMismatches(const Plugin& plugin, Step step,
                                                   const google::protobuf::Message& valid,
                                                   const CaseContext& context) {
  using namespace form_detail;
  std::vector<std::string> out;
  const std::string type = valid.GetDescriptor()->full_name();
  const Status accepted = plugin.Validate(step, valid, context);
  if (!accepted.ok()) {
    std::string text = type + " built from the examples is refused: " + accepted.message();
    for (const auto& v : accepted.violations()) text += "; " + v.field + ": " + v.description_en;
    out.push_back(text);
  }
  std::unique_ptr<google::protobuf::Message> empty(valid.New());
  const Status refused = plugin.Validate(step, *empty, context);
  if (!refused.ok() && refused.code() != Code::kInvalidArgument) {
    out.push_back("empty " + type + ": " + refused.message());
  }
  Compare("empty " + type, AsFormNames(ViolatedUnder(refused, ""), *valid.GetDescriptor()),
          RequiredFields(*valid.GetDescriptor()), out);
  std::vector<Nested> nested;
  if (accepted.ok()) CollectNested(valid, Nested{}, nested);
  for (const Nested& at : nested) {
    std::unique_ptr<google::protobuf::Message> copy(valid.New());
    copy->CopyFrom(valid);
    google::protobuf::Message& inner = Reach(*copy, at);
    inner.Clear();
    Compare(type + " with " + at.path + " empty",
            AsFormNames(ViolatedUnder(plugin.Validate(step, *copy, context), at.path),
                        *inner.GetDescriptor()),
            RequiredFields(*inner.GetDescriptor()), out);
  }
  return out;
}

// For every message type the plugin declares (Info()), in step order: what FormProblems finds,
// what FillFromExamples cannot fill and RequiredMismatches. The intake and plan built from the
// examples become `context.intake` and `context.plan` of the later steps; `context.step_date` is
// the day the examples' dates are counted from. Empty when the plugin's forms are complete and
// agree with its validation.
inline std::vector<std::string> PluginFormMismatches(const Plugin& plugin, CaseContext context) {
  const PluginInfo& info = plugin.Info();
  std::vector<std::string> out;
  std::vector<std::unique_ptr<google::protobuf::Message>> kept;
  auto check = [&](Step step, const std::string& type_name) -> const google::protobuf::Message* {
    if (type_name.empty()) return nullptr;
    const auto* type =
        google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(type_name);
    if (type == nullptr) {
      out.push_back(type_name + ": not linked");
      return nullptr;
    }
    for (auto& problem : FormProblems(*type)) out.push_back(std::move(problem));
    kept.emplace_back(
        google::protobuf::MessageFactory::generated_factory()->GetPrototype(type)->New());
    for (auto& problem : FillFromExamples(*kept.back(), context.step_date)) {
      out.push_back(std::move(problem));
    }
    for (auto& mismatch : RequiredMismatches(plugin, step, *kept.back(), context)) {
      out.push_back(std::move(mismatch));
    }
    return kept.back().get();
  };
  context.intake = check(Step::kIntake, info.intake_type);
  context.plan = check(Step::kPlan, info.plan_type);
  check(Step::kContact, info.contact_type);
  check(Step::kReview, info.review_type);
  check(Step::kOutcome, info.outcome_type);
  check(Step::kSettings, info.settings_type);
  return out;
}

}  // namespace assist::sdk::testing
