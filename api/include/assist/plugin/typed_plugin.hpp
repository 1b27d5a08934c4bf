#pragma once
// TypedPlugin (since SDK 1.2): the generic half of a plugin, written once. A plugin names its
// message types and writes its typed rules; the base fills in PluginInfo's type names and turns
// the host's generic calls into calls of the plugin's typed hooks:
//
//   class MyPlugin final : public sdk::TypedPlugin<MyPlugin, v1::Intake, v1::Plan, v1::Review,
//                                                  v1::Outcome, v1::Contact> {
//    public:
//     MyPlugin();  // : TypedPlugin({.id = "my", .version = "1.0.0", ...}) {}
//     // Required, one per step the type takes a payload at (Contact and Settings optional):
//     static sdk::Status ValidateIntake(const v1::Intake&, const sdk::CaseContext&);
//     ... ValidatePlan, ValidateReview, ValidateOutcome, and ValidateContact (Contact given) ...
//     std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext&) const override;
//     // Optional: kept tables (AcceptIntake ... AcceptSettings) and the yearly summary.
//     static sdk::Status AcceptOutcome(const v1::Outcome&, const sdk::CaseContext&,
//                                      sdk::DataSession&);
//     static std::vector<sdk::IndicatorSummary> Summarize(const std::vector<const v1::Outcome*>&);
//   };
//
// The hooks may be static or const member functions; they must be public (or the base a friend).
// It adds no virtual function to Plugin: a TypedPlugin is a Plugin like any other to the host.
//
// What the base does with each call of the host:
//   Info()        the PluginInfo given to the constructor, with intake_type ... settings_type set
//                 to the full protobuf names of the types ("" for None).
//   Validate      the payload as the step's type (parsed once; a generated message is not even
//                 copied), handed to Validate<Step>. A payload of another type is the violation
//                 WrongType gives; a step whose type is None is FailedPrecondition("<id>
//                 assistance takes no settings" / "... takes no contact details"). An exception
//                 becomes Internal("<id>: validation failed: ...") (Guard).
//   OnAccepted    Accept<Step> when the plugin has one for the step, else OK. A payload of another
//                 type is Internal (as AcceptAs); an exception Internal("<id>: storing the <step>
//                 failed: ...").
//   SummarizeOutcomes  Summarize over the outcomes that are an Outcome (SummarizeAs), or nothing
//                 when the plugin has no Summarize.
// NextReviewDue stays for the plugin to write; Migrations and RenderDocument keep their defaults
// unless the plugin overrides them.
#include <google/protobuf/message.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/message_cast.hpp>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/status.hpp>
#include <assist/plugin/typed.hpp>
#include <concepts>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace assist::sdk {

// The message type of a step a TypedPlugin takes no payload at (its Contact or Settings).
struct None {};

// The full protobuf name of T, as PluginInfo lists it: "" for None.
template <class T>
std::string MessageTypeName() {
  if constexpr (std::is_same_v<T, None>) {
    return {};
  } else {
    return std::string(T::descriptor()->full_name());
  }
}

template <class Derived, class Intake, class Plan, class Review, class Outcome,
          class Contact = None, class Settings = None>
class TypedPlugin : public Plugin {
  static_assert(!std::is_same_v<Intake, None> && !std::is_same_v<Plan, None> &&
                    !std::is_same_v<Review, None> && !std::is_same_v<Outcome, None>,
                "every assistance type takes an intake, a plan, reviews and an outcome");

 public:
  using IntakeType = Intake;
  using PlanType = Plan;
  using ContactType = Contact;
  using ReviewType = Review;
  using OutcomeType = Outcome;
  using SettingsType = Settings;

  const PluginInfo& Info() const override { return info_; }

  Status Validate(Step step, const google::protobuf::Message& payload,
                  const CaseContext& context) const override {
    return Guard(info_.id, "validation failed", [&]() -> Status {
      switch (step) {
        case Step::kIntake:
          return Typed<Intake>(payload,
                               [&](const Intake& p) { return self().ValidateIntake(p, context); });
        case Step::kPlan:
          return Typed<Plan>(payload,
                             [&](const Plan& p) { return self().ValidatePlan(p, context); });
        case Step::kContact:
          if constexpr (std::is_same_v<Contact, None>) {
            return Status::FailedPrecondition(info_.id + " assistance takes no contact details");
          } else {
            return Typed<Contact>(
                payload, [&](const Contact& p) { return self().ValidateContact(p, context); });
          }
        case Step::kReview:
          return Typed<Review>(payload,
                               [&](const Review& p) { return self().ValidateReview(p, context); });
        case Step::kOutcome:
          return Typed<Outcome>(
              payload, [&](const Outcome& p) { return self().ValidateOutcome(p, context); });
        case Step::kSettings:
          if constexpr (std::is_same_v<Settings, None>) {
            return Status::FailedPrecondition(info_.id + " assistance takes no settings");
          } else {
            return Typed<Settings>(
                payload, [&](const Settings& p) { return self().ValidateSettings(p, context); });
          }
      }
      return Status::FailedPrecondition(info_.id + ": unknown step");
    });
  }

  Status OnAccepted(Step step, const google::protobuf::Message& payload, const CaseContext& context,
                    DataSession& data) const override {
    switch (step) {
      case Step::kIntake:
        if constexpr (requires(const Derived& d, const Intake& p, const CaseContext& c,
                               DataSession& s) {
                        { d.AcceptIntake(p, c, s) } -> std::same_as<Status>;
                      }) {
          return Stored<Intake>("intake", payload, [&](const Intake& p) {
            return self().AcceptIntake(p, context, data);
          });
        }
        break;
      case Step::kPlan:
        if constexpr (requires(const Derived& d, const Plan& p, const CaseContext& c,
                               DataSession& s) {
                        { d.AcceptPlan(p, c, s) } -> std::same_as<Status>;
                      }) {
          return Stored<Plan>("plan", payload,
                              [&](const Plan& p) { return self().AcceptPlan(p, context, data); });
        }
        break;
      case Step::kContact:
        if constexpr (!std::is_same_v<Contact, None> &&
                      requires(const Derived& d, const Contact& p, const CaseContext& c,
                               DataSession& s) {
                        { d.AcceptContact(p, c, s) } -> std::same_as<Status>;
                      }) {
          return Stored<Contact>("contact", payload, [&](const Contact& p) {
            return self().AcceptContact(p, context, data);
          });
        }
        break;
      case Step::kReview:
        if constexpr (requires(const Derived& d, const Review& p, const CaseContext& c,
                               DataSession& s) {
                        { d.AcceptReview(p, c, s) } -> std::same_as<Status>;
                      }) {
          return Stored<Review>("review", payload, [&](const Review& p) {
            return self().AcceptReview(p, context, data);
          });
        }
        break;
      case Step::kOutcome:
        if constexpr (requires(const Derived& d, const Outcome& p, const CaseContext& c,
                               DataSession& s) {
                        { d.AcceptOutcome(p, c, s) } -> std::same_as<Status>;
                      }) {
          return Stored<Outcome>("outcome", payload, [&](const Outcome& p) {
            return self().AcceptOutcome(p, context, data);
          });
        }
        break;
      case Step::kSettings:
        if constexpr (!std::is_same_v<Settings, None> &&
                      requires(const Derived& d, const Settings& p, const CaseContext& c,
                               DataSession& s) {
                        { d.AcceptSettings(p, c, s) } -> std::same_as<Status>;
                      }) {
          return Stored<Settings>("settings", payload, [&](const Settings& p) {
            return self().AcceptSettings(p, context, data);
          });
        }
        break;
    }
    return Status::Ok();
  }

  std::vector<IndicatorSummary> SummarizeOutcomes(
      const std::vector<const google::protobuf::Message*>& outcomes) const override {
    if constexpr (requires(const Derived& d, const std::vector<const Outcome*>& typed) {
                    { d.Summarize(typed) } -> std::same_as<std::vector<IndicatorSummary>>;
                  }) {
      return SummarizeAs<Outcome>(outcomes, [this](const std::vector<const Outcome*>& typed) {
        return self().Summarize(typed);
      });
    } else {
      return {};
    }
  }

 protected:
  // `info` as Info() returns it, its type names set from the template's types.
  explicit TypedPlugin(PluginInfo info) : info_(std::move(info)) {
    info_.intake_type = MessageTypeName<Intake>();
    info_.plan_type = MessageTypeName<Plan>();
    info_.contact_type = MessageTypeName<Contact>();
    info_.review_type = MessageTypeName<Review>();
    info_.outcome_type = MessageTypeName<Outcome>();
    info_.settings_type = MessageTypeName<Settings>();
  }

 private:
  const Derived& self() const { return static_cast<const Derived&>(*this); }

  // `payload` as a T handed to `fn`; WrongType when it is not a T (as ValidateAs).
  template <class T, class Fn>
  static Status Typed(const google::protobuf::Message& payload, Fn&& fn) {
    T copy;
    const T* typed = As(&payload, copy);
    if (typed == nullptr) return WrongType(payload, T::descriptor()->full_name());
    return std::forward<Fn>(fn)(*typed);
  }

  // An accepted `payload` as a T handed to `fn`, guarded; Internal when it is not a T (as
  // AcceptAs: the host passes only payloads the plugin validated).
  template <class T, class Fn>
  Status Stored(const char* step, const google::protobuf::Message& payload, Fn&& fn) const {
    return Guard(info_.id, std::string("storing the ") + step + " failed", [&]() -> Status {
      T copy;
      const T* typed = As(&payload, copy);
      if (typed == nullptr) {
        return Status::Internal(info_.id + ": accepted payload is a " +
                                payload.GetDescriptor()->full_name() + ", expected " +
                                T::descriptor()->full_name());
      }
      return fn(*typed);
    });
  }

  PluginInfo info_;
};

}  // namespace assist::sdk
