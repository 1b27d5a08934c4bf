#include "family_plugin.hpp"

#include <assist/family/v1/family.pb.h>

#include <exception>
#include <string>

#include "court_opinion.hpp"
#include "indicators.hpp"
#include "outcome_store.hpp"
#include "payload.hpp"
#include "validators.hpp"

namespace assist::family {
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

FamilyPlugin::FamilyPlugin() {
  info_.id = "family";
  info_.version = "1.0.0";
  info_.display_name_pl = "Asystent rodziny";
  info_.display_name_en = "Family assistant";
  info_.description =
      "Work of a family assistant with a family facing difficulties in care and upbringing "
      "(Act of 9 June 2011 on supporting the family and the foster-care system, art. 15): "
      "diagnosis, plan of work with the family, periodic assessment, outcome and monitoring.";
  info_.intake_type = v1::Intake::descriptor()->full_name();
  info_.plan_type = v1::Plan::descriptor()->full_name();
  info_.contact_type = v1::Contact::descriptor()->full_name();
  info_.review_type = v1::Review::descriptor()->full_name();
  info_.outcome_type = v1::Outcome::descriptor()->full_name();
  info_.review_cadence = "at least every 6 months from the start of work";
  info_.documents = {{kCourtOpinion, "Opinia o rodzinie i jej członkach (dla sądu)",
                      "Opinion about the family and its members (for a court)"}};
}

sdk::Status FamilyPlugin::Validate(sdk::Step step, const google::protobuf::Message& payload,
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
    return sdk::Status::FailedPrecondition("family assistance takes no settings");
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("family: validation failed: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("family: validation failed");
  }
}

std::optional<sdk::Date> FamilyPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  if (context.state != sdk::CaseState::kOpen || !context.work_started_on) return std::nullopt;
  sdk::Date from = *context.work_started_on;
  if (context.last_review_on && *context.last_review_on > from) from = *context.last_review_on;
  return sdk::AddMonths(from, kReviewEveryMonths);
}

std::vector<sdk::Migration> FamilyPlugin::Migrations() const { return OutcomeMigrations(); }

sdk::Status FamilyPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                     const sdk::CaseContext& context,
                                     sdk::DataSession& data) const {
  if (step != sdk::Step::kOutcome) return sdk::Status::Ok();
  try {
    v1::Outcome copy;
    const v1::Outcome* outcome = As(&payload, copy);
    if (outcome == nullptr) {
      return sdk::Status::Internal("family: accepted outcome is a " +
                                   payload.GetDescriptor()->full_name());
    }
    return StoreOutcome(*outcome, context, data);
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("family: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("family: storing the outcome failed");
  }
}

sdk::Status FamilyPlugin::RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                                         std::string& text) const {
  if (kind != kCourtOpinion) return sdk::Status::FailedPrecondition("unknown document " + kind);
  try {
    return RenderCourtOpinion(record, text);
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("family: court opinion: ") + e.what());
  }
}

std::vector<sdk::IndicatorSummary> FamilyPlugin::SummarizeOutcomes(
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

}  // namespace assist::family
