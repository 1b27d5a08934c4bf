#include "disability_plugin.hpp"

#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/indicators.hpp>
#include <assist/plugin/typed.hpp>

#include "hours_store.hpp"
#include "indicators.hpp"
#include "review_schedule.hpp"
#include "validators.hpp"

namespace assist::disability {
namespace {

constexpr const char* kId = "disability";

}  // namespace

DisabilityPlugin::DisabilityPlugin() {
  info_.id = kId;
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
        return sdk::ValidateAs<v1::CentreSettings>(payload, context, &ValidateSettings);
    }
    return sdk::Status::FailedPrecondition("disability: unknown step");
  });
}

std::optional<sdk::Date> DisabilityPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return ReviewDue(context);
}

std::vector<sdk::Migration> DisabilityPlugin::Migrations() const { return HoursMigrations(); }

sdk::Status DisabilityPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                         const sdk::CaseContext& context,
                                         sdk::DataSession& data) const {
  if (step != sdk::Step::kContact) return sdk::Status::Ok();
  return sdk::Guard(kId, "storing the contact failed", [&] {
    return sdk::AcceptAs<v1::Contact>(kId, payload, context, data, &StoreHoursDelivered);
  });
}

std::vector<sdk::IndicatorSummary> DisabilityPlugin::SummarizeOutcomes(
    const std::vector<const google::protobuf::Message*>& outcomes) const {
  return sdk::SummarizeMessages(Indicators(), outcomes);
}

}  // namespace assist::disability
