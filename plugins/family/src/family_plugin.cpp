#include "family_plugin.hpp"

#include <string>

#include "court_opinion.hpp"
#include "indicators.hpp"
#include "non_cooperation_notice.hpp"

namespace assist::family {
namespace {

constexpr const char* kId = "family";

// One row per outcome indicator a closed case was rated on, for outcome statistics in plain SQL.
constexpr sdk::SqlName kOutcomeTable{"family_outcome_indicators"};

}  // namespace

FamilyPlugin::FamilyPlugin()
    : TypedPlugin({
          .id = kId,
          .version = "1.0.0",
          .display_name_pl = "Asystent rodziny",
          .display_name_en = "Family assistant",
          .description =
              "Work of a family assistant with a family facing difficulties in care and "
              "upbringing (Act of 9 June 2011 on supporting the family and the foster-care "
              "system, art. 15): diagnosis, plan of work with the family, periodic assessment, "
              "outcome and monitoring.",
          .review_cadence = "at least every 6 months from the start of work",
          .documents = {{kCourtOpinion, "Opinia o rodzinie i jej członkach (dla sądu)",
                         "Opinion about the family and its members (for a court)"},
                        {kNonCooperationNotice,
                         "Zawiadomienie sądu o braku współpracy rodziny z asystentem rodziny",
                         "Notice to the court that the family does not cooperate with the "
                         "assistant"}},
          // Art. 15 ust. 4: one assistant works with at most 15 families at a time.
          .max_open_cases_per_assistant = 15,
          // K.r.o. art. 109 § 2 pkt 1: a family the court obliged to work with an assistant does
          // so by the court's order, not by its consent (reporting.cpp declares the flag).
          .ordered_work_flag = "court_ordered",
      }) {}

sdk::Status FamilyPlugin::AcceptOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                                        sdk::DataSession& data) {
  return sdk::StoreIndicatorRatings(kId, kOutcomeTable, Indicators(), outcome, context, data);
}

std::vector<sdk::IndicatorSummary> FamilyPlugin::Summarize(
    const std::vector<const v1::Outcome*>& outcomes) {
  return family::Summarize(outcomes);
}

std::optional<sdk::Date> FamilyPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return sdk::PeriodicReviewDue(context, kReviewEveryMonths);
}

std::vector<sdk::Migration> FamilyPlugin::Migrations() const {
  return sdk::IndicatorTableMigrations(kOutcomeTable);
}

std::optional<int> FamilyPlugin::RecommendedMonitoringMonths(
    const google::protobuf::Message& outcome) const {
  const auto* family_outcome = dynamic_cast<const v1::Outcome*>(&outcome);
  if (family_outcome == nullptr || family_outcome->monitoring_months() <= 0) return std::nullopt;
  return family_outcome->monitoring_months();
}

sdk::Status FamilyPlugin::RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                                         std::string& text) const {
  if (kind == kCourtOpinion) {
    return sdk::Guard(kId, "court opinion", [&] { return RenderCourtOpinion(record, text); });
  }
  if (kind == kNonCooperationNotice) {
    return sdk::Guard(kId, "non-cooperation notice",
                      [&] { return RenderNonCooperationNotice(record, text); });
  }
  return sdk::Status::FailedPrecondition("unknown document " + kind);
}

}  // namespace assist::family
