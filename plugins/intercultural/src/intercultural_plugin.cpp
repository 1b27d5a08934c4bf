#include "intercultural_plugin.hpp"

#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/message_cast.hpp>
#include <exception>
#include <string>

#include "indicators.hpp"
#include "outcome_store.hpp"
#include "validators.hpp"

namespace assist::intercultural {
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

}  // namespace

InterculturalPlugin::InterculturalPlugin() {
  info_.id = "intercultural";
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
    return sdk::Status::FailedPrecondition("intercultural assistance takes no settings");
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("intercultural: validation failed: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("intercultural: validation failed");
  }
}

std::optional<sdk::Date> InterculturalPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  if (context.state != sdk::CaseState::kOpen || !context.work_started_on) return std::nullopt;
  sdk::Date from = *context.work_started_on;
  if (context.last_review_on && *context.last_review_on > from) from = *context.last_review_on;
  return sdk::AddMonths(from, kReviewEveryMonths);
}

std::vector<sdk::Migration> InterculturalPlugin::Migrations() const { return OutcomeMigrations(); }

sdk::Status InterculturalPlugin::OnAccepted(sdk::Step step,
                                            const google::protobuf::Message& payload,
                                            const sdk::CaseContext& context,
                                            sdk::DataSession& data) const {
  if (step != sdk::Step::kOutcome) return sdk::Status::Ok();
  try {
    v1::Outcome copy;
    const v1::Outcome* outcome = As(&payload, copy);
    if (outcome == nullptr) {
      return sdk::Status::Internal("intercultural: accepted outcome is a " +
                                   payload.GetDescriptor()->full_name());
    }
    return StoreOutcome(*outcome, context, data);
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("intercultural: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("intercultural: storing the outcome failed");
  }
}

std::vector<sdk::IndicatorSummary> InterculturalPlugin::SummarizeOutcomes(
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

}  // namespace assist::intercultural
