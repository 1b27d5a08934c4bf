#include "intercultural_plugin.hpp"

#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/schedule.hpp>
#include <assist/plugin/store.hpp>
#include <assist/plugin/typed.hpp>

#include "indicators.hpp"
#include "validators.hpp"

namespace assist::intercultural {
namespace {

constexpr const char* kId = "intercultural";

// One row per outcome indicator a closed case was rated on, for outcome statistics in plain SQL.
constexpr sdk::SqlName kOutcomeTable{"intercultural_outcome_indicators"};

sdk::Status StoreOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                         sdk::DataSession& data) {
  return sdk::StoreIndicatorRatings(kId, kOutcomeTable, Indicators(), outcome, context, data);
}

}  // namespace

InterculturalPlugin::InterculturalPlugin() {
  info_.id = kId;
  info_.version = "1.0.0";
  info_.display_name_pl = "Asystent międzykulturowy";
  info_.display_name_en = "Intercultural (integration) assistant";
  info_.description =
      "Support of an intercultural (integration) assistant for a foreign family integrating in "
      "Poland: official matters, institutions, school and kindergarten, health care, benefits "
      "and Polish law, Polish language, work, and social, psychological and parenting problems. "
      "Records the family's languages, interpreter needs and legal status in Poland, a plan of "
      "up to 12 months, quarterly reviews and the outcome at closing.";
  info_.intake_type = v1::Intake::descriptor()->full_name();
  info_.plan_type = v1::Plan::descriptor()->full_name();
  info_.contact_type = v1::Contact::descriptor()->full_name();
  info_.review_type = v1::Review::descriptor()->full_name();
  info_.outcome_type = v1::Outcome::descriptor()->full_name();
  info_.review_cadence = "every 3 months from the start of work";
}

sdk::Status InterculturalPlugin::Validate(sdk::Step step, const google::protobuf::Message& payload,
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
    return sdk::Status::FailedPrecondition("intercultural assistance takes no settings");
  });
}

std::optional<sdk::Date> InterculturalPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return sdk::PeriodicReviewDue(context, kReviewEveryMonths);
}

std::vector<sdk::Migration> InterculturalPlugin::Migrations() const {
  return sdk::IndicatorTableMigrations(kOutcomeTable);
}

sdk::Status InterculturalPlugin::OnAccepted(sdk::Step step,
                                            const google::protobuf::Message& payload,
                                            const sdk::CaseContext& context,
                                            sdk::DataSession& data) const {
  if (step != sdk::Step::kOutcome) return sdk::Status::Ok();
  return sdk::Guard(kId, "storing the outcome failed", [&] {
    return sdk::AcceptAs<v1::Outcome>(kId, payload, context, data, &StoreOutcome);
  });
}

std::vector<sdk::IndicatorSummary> InterculturalPlugin::SummarizeOutcomes(
    const std::vector<const google::protobuf::Message*>& outcomes) const {
  return sdk::SummarizeMessages(Indicators(), outcomes);
}

}  // namespace assist::intercultural
