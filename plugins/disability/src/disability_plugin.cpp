#include "disability_plugin.hpp"

#include <assist/disability/v1/disability.pb.h>

#include <exception>
#include <string>

#include "hours_store.hpp"
#include "indicators.hpp"
#include "payload.hpp"
#include "review_schedule.hpp"
#include "validators.hpp"

namespace assist::disability {
namespace {

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

}  // namespace

DisabilityPlugin::DisabilityPlugin() {
  info_.id = "disability";
  info_.version = "1.0.0";
  info_.display_name_pl = "Asystent osoby z niepełnosprawnością";
  info_.display_name_en = "Assistant of a person with a disability";
  info_.description =
      "Support of an assistant in daily functioning for a child, young person or adult with a "
      "current disability certificate, funded by the city or the government programme \"Asystent "
      "osobisty osoby z niepełnosprawnością\": needs, a yearly plan of support hours within the "
      "centre's limit, hours delivered at contacts, periodic assessment and outcome.";
  info_.intake_type = v1::Intake::descriptor()->full_name();
  info_.plan_type = v1::Plan::descriptor()->full_name();
  info_.contact_type = v1::Contact::descriptor()->full_name();
  info_.review_type = v1::Review::descriptor()->full_name();
  info_.outcome_type = v1::Outcome::descriptor()->full_name();
  info_.settings_type = v1::CentreSettings::descriptor()->full_name();
  info_.review_cadence =
      "at least every 6 months from the start of work, and by the day the disability certificate "
      "expires";
}

sdk::Status DisabilityPlugin::Validate(sdk::Step step, const google::protobuf::Message& payload,
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
        return ValidateAs<v1::CentreSettings>(payload, context, &ValidateSettings);
    }
    return sdk::Status::FailedPrecondition("disability: unknown step");
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("disability: validation failed: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("disability: validation failed");
  }
}

std::optional<sdk::Date> DisabilityPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return ReviewDue(context);
}

std::vector<sdk::Migration> DisabilityPlugin::Migrations() const { return HoursMigrations(); }

sdk::Status DisabilityPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                         const sdk::CaseContext& context,
                                         sdk::DataSession& data) const {
  if (step != sdk::Step::kContact) return sdk::Status::Ok();
  try {
    v1::Contact copy;
    const v1::Contact* contact = As(&payload, copy);
    if (contact == nullptr) {
      return sdk::Status::Internal("disability: accepted contact details are a " +
                                   payload.GetDescriptor()->full_name());
    }
    return StoreHoursDelivered(*contact, context, data);
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("disability: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("disability: storing the contact failed");
  }
}

std::vector<sdk::IndicatorSummary> DisabilityPlugin::SummarizeOutcomes(
    const std::vector<const google::protobuf::Message*>& outcomes) const {
  // Sized up front: the pointers into `copies` must stay valid.
  std::vector<v1::Outcome> copies(outcomes.size());
  std::vector<const v1::Outcome*> typed;
  typed.reserve(outcomes.size());
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    if (const v1::Outcome* outcome = As(outcomes[i], copies[i])) typed.push_back(outcome);
  }
  return Summarize(typed);
}

}  // namespace assist::disability
