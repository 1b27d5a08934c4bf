#include "streetwork_plugin.hpp"

#include <assist/streetwork/v1/streetwork.pb.h>

#include <assist/plugin/schedule.hpp>
#include <assist/plugin/typed.hpp>

#include "street_rounds.hpp"
#include "validators.hpp"

namespace assist::streetwork {

StreetworkPlugin::StreetworkPlugin() {
  info_.id = kTypeId;
  info_.version = "1.0.0";
  info_.display_name_pl = "Streetworker (praca uliczna)";
  info_.display_name_en = "Streetwork (outreach)";
  info_.description =
      "Outreach to people sleeping rough at stations, allotments, dumps and empty buildings: "
      "finding out their needs on the street, meeting the urgent ones and opening the way to a "
      "night shelter, treatment, benefits or an assistant of a person in a homelessness crisis.";
  info_.intake_type = v1::Intake::descriptor()->full_name();
  info_.plan_type = v1::Plan::descriptor()->full_name();
  info_.contact_type = v1::Contact::descriptor()->full_name();
  info_.review_type = v1::Review::descriptor()->full_name();
  info_.outcome_type = v1::Outcome::descriptor()->full_name();
  info_.review_cadence =
      "every 3 months from the start of work; every month while the intake found the person's "
      "life or health at high risk";
}

sdk::Status StreetworkPlugin::Validate(sdk::Step step, const google::protobuf::Message& payload,
                                       const sdk::CaseContext& context) const {
  return sdk::Guard(kTypeId, "validation failed", [&] {
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
    return sdk::Status::FailedPrecondition("streetwork takes no settings");
  });
}

std::optional<sdk::Date> StreetworkPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  v1::Intake copy;
  const v1::Intake* intake = sdk::As(context.intake, copy);
  const bool high_risk = intake != nullptr && intake->risk() == v1::RISK_HIGH;
  return sdk::PeriodicReviewDue(context,
                                high_risk ? kHighRiskReviewEveryMonths : kReviewEveryMonths);
}

std::vector<sdk::Migration> StreetworkPlugin::Migrations() const { return StreetRoundMigrations(); }

sdk::Status StreetworkPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                         const sdk::CaseContext& context,
                                         sdk::DataSession& data) const {
  if (step != sdk::Step::kContact) return sdk::Status::Ok();
  return sdk::Guard(kTypeId, "recording the street round failed", [&] {
    return sdk::AcceptAs<v1::Contact>(kTypeId, payload, context, data, &RecordStreetRound);
  });
}

}  // namespace assist::streetwork
