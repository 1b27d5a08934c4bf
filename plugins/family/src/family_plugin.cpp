#include "family_plugin.hpp"

#include <assist/family/v1/family.pb.h>

#include <assist/plugin/schedule.hpp>
#include <assist/plugin/store.hpp>
#include <assist/plugin/typed.hpp>
#include <string>

#include "court_opinion.hpp"
#include "indicators.hpp"
#include "validators.hpp"

namespace assist::family {
namespace {

constexpr const char* kId = "family";

// One row per outcome indicator a closed case was rated on, for outcome statistics in plain SQL.
constexpr sdk::SqlName kOutcomeTable{"family_outcome_indicators"};

sdk::Status StoreOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                         sdk::DataSession& data) {
  return sdk::StoreIndicatorRatings(kId, kOutcomeTable, Indicators(), outcome, context, data);
}

}  // namespace

FamilyPlugin::FamilyPlugin() {
  info_.id = kId;
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
    return sdk::Status::FailedPrecondition("family assistance takes no settings");
  });
}

std::optional<sdk::Date> FamilyPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return sdk::PeriodicReviewDue(context, kReviewEveryMonths);
}

std::vector<sdk::Migration> FamilyPlugin::Migrations() const {
  return sdk::IndicatorTableMigrations(kOutcomeTable);
}

sdk::Status FamilyPlugin::OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                                     const sdk::CaseContext& context,
                                     sdk::DataSession& data) const {
  if (step != sdk::Step::kOutcome) return sdk::Status::Ok();
  return sdk::Guard(kId, "storing the outcome failed", [&] {
    return sdk::AcceptAs<v1::Outcome>(kId, payload, context, data, &StoreOutcome);
  });
}

sdk::Status FamilyPlugin::RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                                         std::string& text) const {
  if (kind != kCourtOpinion) return sdk::Status::FailedPrecondition("unknown document " + kind);
  return sdk::Guard(kId, "court opinion", [&] { return RenderCourtOpinion(record, text); });
}

std::vector<sdk::IndicatorSummary> FamilyPlugin::SummarizeOutcomes(
    const std::vector<const google::protobuf::Message*>& outcomes) const {
  return sdk::SummarizeAs<v1::Outcome>(outcomes, &Summarize);
}

}  // namespace assist::family
