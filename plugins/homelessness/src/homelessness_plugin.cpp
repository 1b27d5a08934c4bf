#include "homelessness_plugin.hpp"

#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/message_cast.hpp>
#include <exception>
#include <string>

#include "indicators.hpp"
#include "store.hpp"
#include "validators.hpp"

namespace assist::homelessness {
namespace {

using sdk::As;

sdk::Status WrongType(const google::protobuf::Message& payload, const std::string& expected) {
  const std::string got = payload.GetDescriptor()->full_name();
  return sdk::Status::Invalid({{"", "expected a " + expected + " payload, got " + got,
                                "oczekiwano danych typu " + expected + ", otrzymano " + got}});
}

template <typename T>
sdk::Status ValidateAs(const google::protobuf::Message& payload, const sdk::CaseContext& context,
                       sdk::Status (*validate)(const T&, const sdk::CaseContext&)) {
  T copy;
  const T* typed = As(&payload, copy);
  if (typed == nullptr) return WrongType(payload, T::descriptor()->full_name());
  return validate(*typed, context);
}

template <typename T>
sdk::Status StoreAs(const google::protobuf::Message& payload, const sdk::CaseContext& context,
                    sdk::DataSession& data,
                    sdk::Status (*store)(const T&, const sdk::CaseContext&, sdk::DataSession&)) {
  T copy;
  const T* typed = As(&payload, copy);
  if (typed == nullptr) {
    return sdk::Status::Internal("homelessness: accepted payload is a " +
                                 payload.GetDescriptor()->full_name() + ", expected " +
                                 T::descriptor()->full_name());
  }
  return store(*typed, context, data);
}

sdk::Status AcceptContact(const v1::Contact& contact, const sdk::CaseContext& context,
                          sdk::DataSession& data) {
  // Only a monitoring contact is a return-to-homelessness check (validation enforces it).
  if (context.state != sdk::CaseState::kMonitoring ||
      contact.housing_status() == v1::HOUSING_STATUS_UNSPECIFIED) {
    return sdk::Status::Ok();
  }
  return StoreMonitoringCheck(contact, context, data);
}

}  // namespace

HomelessnessPlugin::HomelessnessPlugin() {
  info_.id = "homelessness";
  info_.version = "1.0.0";
  info_.display_name_pl = "Asystent osoby w kryzysie bezdomności";
  info_.display_name_en = "Assistant of a person in a homelessness crisis";
  info_.description =
      "Assisting one person through leaving homelessness, from streetwork to keeping a home: "
      "diagnosis, the individual programme of leaving homelessness (art. 49 of the Act of 12 "
      "March 2004 on social assistance) in stages (basic needs, addiction therapy, work, "
      "housing), quarterly reviews, the situation at exit and return-to-homelessness checks "
      "during monitoring.";
  info_.intake_type = v1::Intake::descriptor()->full_name();
  info_.plan_type = v1::Plan::descriptor()->full_name();
  info_.contact_type = v1::Contact::descriptor()->full_name();
  info_.review_type = v1::Review::descriptor()->full_name();
  info_.outcome_type = v1::Outcome::descriptor()->full_name();
  info_.review_cadence = "at least every 3 months from the start of work";
}

sdk::Status HomelessnessPlugin::Validate(sdk::Step step, const google::protobuf::Message& payload,
                                         const sdk::CaseContext& context) const {
  try {
    switch (step) {
      case sdk::Step::kIntake:
        return ValidateAs<v1::Intake>(payload, context, &ValidateIntake);
      case sdk::Step::kPlan:
        return ValidateAs<v1::Plan>(payload, context, &ValidatePlan);
      case sdk::Step::kContact:
        return ValidateAs<v1::Contact>(payload, context, &ValidateContact);
      case sdk::Step::kReview:
        return ValidateAs<v1::Review>(payload, context, &ValidateReview);
      case sdk::Step::kOutcome:
        return ValidateAs<v1::Outcome>(payload, context, &ValidateOutcome);
      case sdk::Step::kSettings:
        break;
    }
    return sdk::Status::FailedPrecondition("homelessness assistance takes no settings");
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("homelessness: validation failed: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("homelessness: validation failed");
  }
}

std::optional<sdk::Date> HomelessnessPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  if (context.state != sdk::CaseState::kOpen || !context.work_started_on) return std::nullopt;
  sdk::Date from = *context.work_started_on;
  if (context.last_review_on && *context.last_review_on > from) from = *context.last_review_on;
  return sdk::AddMonths(from, kReviewEveryMonths);
}

std::vector<sdk::Migration> HomelessnessPlugin::Migrations() const { return StoreMigrations(); }

sdk::Status HomelessnessPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                           const sdk::CaseContext& context,
                                           sdk::DataSession& data) const {
  try {
    switch (step) {
      case sdk::Step::kContact:
        return StoreAs<v1::Contact>(payload, context, data, &AcceptContact);
      case sdk::Step::kOutcome:
        return StoreAs<v1::Outcome>(payload, context, data, &StoreExit);
      default:
        return sdk::Status::Ok();
    }
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("homelessness: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("homelessness: storing the step failed");
  }
}

std::vector<sdk::IndicatorSummary> HomelessnessPlugin::SummarizeOutcomes(
    const std::vector<const google::protobuf::Message*>& outcomes) const {
  try {
    // Sized up front: the pointers into `copies` must stay valid.
    std::vector<v1::Outcome> copies(outcomes.size());
    std::vector<const v1::Outcome*> typed;
    typed.reserve(outcomes.size());
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (const v1::Outcome* outcome = As(outcomes[i], copies[i])) typed.push_back(outcome);
    }
    return Summarize(typed);
  } catch (...) {
    return {};  // the interface has no status here; an empty summary rather than a throw
  }
}

}  // namespace assist::homelessness
