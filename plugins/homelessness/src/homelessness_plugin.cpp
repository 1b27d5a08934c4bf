#include "homelessness_plugin.hpp"

#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/schedule.hpp>
#include <assist/plugin/typed.hpp>

#include "indicators.hpp"
#include "store.hpp"
#include "validators.hpp"

namespace assist::homelessness {
namespace {

constexpr const char* kId = "homelessness";

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
  info_.id = kId;
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
  return sdk::Guard(kId, "validation failed", [&] {
    switch (step) {
      case sdk::Step::kIntake:
        return sdk::ValidateAs<v1::Intake>(payload, context, &ValidateIntake);
      case sdk::Step::kPlan:
        return sdk::ValidateAs<v1::Plan>(payload, context, &ValidatePlan);
      case sdk::Step::kContact:
        return sdk::ValidateAs<v1::Contact>(payload, context, &ValidateContact);
      case sdk::Step::kReview:
        return sdk::ValidateAs<v1::Review>(payload, context, &ValidateReview);
      case sdk::Step::kOutcome:
        return sdk::ValidateAs<v1::Outcome>(payload, context, &ValidateOutcome);
      case sdk::Step::kSettings:
        break;
    }
    return sdk::Status::FailedPrecondition("homelessness assistance takes no settings");
  });
}

std::optional<sdk::Date> HomelessnessPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return sdk::PeriodicReviewDue(context, kReviewEveryMonths);
}

std::vector<sdk::Migration> HomelessnessPlugin::Migrations() const { return StoreMigrations(); }

sdk::Status HomelessnessPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                           const sdk::CaseContext& context,
                                           sdk::DataSession& data) const {
  return sdk::Guard(kId, "storing the step failed", [&] {
    switch (step) {
      case sdk::Step::kContact:
        return sdk::AcceptAs<v1::Contact>(kId, payload, context, data, &AcceptContact);
      case sdk::Step::kOutcome:
        return sdk::AcceptAs<v1::Outcome>(kId, payload, context, data, &StoreExit);
      default:
        return sdk::Status::Ok();
    }
  });
}

std::vector<sdk::IndicatorSummary> HomelessnessPlugin::SummarizeOutcomes(
    const std::vector<const google::protobuf::Message*>& outcomes) const {
  return sdk::SummarizeAs<v1::Outcome>(outcomes, &Summarize);
}

}  // namespace assist::homelessness
