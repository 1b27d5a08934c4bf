#pragma once
// The typed dispatch of a plugin's hooks: the host hands over generic messages, the plugin's
// validators and stores work on its own generated types, and no exception leaves a hook.
//   Status MyPlugin::Validate(Step step, const Message& payload, const CaseContext& c) const {
//     return sdk::Guard("my", "validation failed", [&] {
//       switch (step) {
//         case Step::kIntake: return sdk::ValidateAs<v1::Intake>(payload, c, &ValidateIntake);
//         ...
//       }
//     });
//   }
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/message_cast.hpp>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/status.hpp>
#include <cstddef>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace assist::sdk {

// The violation for a payload of another type than the step takes (on the whole payload, "").
inline Status WrongType(const google::protobuf::Message& payload, const std::string& expected) {
  const std::string got = payload.GetDescriptor()->full_name();
  return Status::Invalid({{"", "expected a " + expected + " payload, got " + got,
                           "oczekiwano danych typu " + expected + ", otrzymano " + got}});
}

// `payload` checked by `validate` as a T; WrongType when it is not a T.
template <typename T>
Status ValidateAs(const google::protobuf::Message& payload, const CaseContext& context,
                  Status (*validate)(const T&, const CaseContext&)) {
  T copy;
  const T* typed = As(&payload, copy);
  if (typed == nullptr) return WrongType(payload, T::descriptor()->full_name());
  return validate(*typed, context);
}

// An accepted `payload` handed to `store` as a T (OnAccepted). The host only passes payloads the
// plugin validated, so another type is an Internal error, not a violation.
template <typename T>
Status AcceptAs(std::string_view plugin_id, const google::protobuf::Message& payload,
                const CaseContext& context, DataSession& data,
                Status (*store)(const T&, const CaseContext&, DataSession&)) {
  T copy;
  const T* typed = As(&payload, copy);
  if (typed == nullptr) {
    return Status::Internal(std::string(plugin_id) + ": accepted payload is a " +
                            payload.GetDescriptor()->full_name() + ", expected " +
                            T::descriptor()->full_name());
  }
  return store(*typed, context, data);
}

// Runs `fn` (returning a Status) so that nothing is thrown out of a hook: an exception becomes
// Status::Internal("<plugin_id>: <what>: <exception text>"), or "<plugin_id>: <what>" for one
// that is not a std::exception.
template <typename Fn>
Status Guard(std::string_view plugin_id, std::string_view what, Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Status::Internal(std::string(plugin_id) + ": " + std::string(what) + ": " + e.what());
  } catch (...) {
    return Status::Internal(std::string(plugin_id) + ": " + std::string(what));
  }
}

// SummarizeOutcomes: `summarize` called with the outcomes that are a T, in order (others and
// nulls left out). Never throws: the hook has no status, so a failure gives no summaries.
template <typename T, typename Fn>
std::vector<IndicatorSummary> SummarizeAs(
    const std::vector<const google::protobuf::Message*>& outcomes, Fn&& summarize) {
  try {
    // Sized up front: the pointers into `copies` must stay valid.
    std::vector<T> copies(outcomes.size());
    std::vector<const T*> typed;
    typed.reserve(outcomes.size());
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (const T* outcome = As(outcomes[i], copies[i])) typed.push_back(outcome);
    }
    return summarize(typed);
  } catch (...) {
    return {};
  }
}

}  // namespace assist::sdk
