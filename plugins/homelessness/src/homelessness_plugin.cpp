#include "homelessness_plugin.hpp"

#include "indicators.hpp"
#include "store.hpp"

namespace assist::homelessness {

HomelessnessPlugin::HomelessnessPlugin()
    : TypedPlugin({
          .id = "homelessness",
          .version = "1.0.0",
          .display_name_pl = "Asystent osoby w kryzysie bezdomności",
          .display_name_en = "Assistant of a person in a homelessness crisis",
          .description =
              "Assisting one person through leaving homelessness, from streetwork to keeping a "
              "home: diagnosis, the individual programme of leaving homelessness (art. 49 of the "
              "Act of 12 March 2004 on social assistance) in stages (basic needs, addiction "
              "therapy, work, housing, health, documents, benefits, family, debts), in force once "
              "the head of the centre approves it, quarterly reviews, the situation at exit and "
              "return-to-homelessness checks during monitoring.",
          .review_cadence = "at least every 3 months from the start of work",
          // Art. 49 of the social assistance act: the head of the centre approves the programme.
          .plan_requires_approval = true,
          // Streetworkers' first contacts are often with someone who gives no name.
          .street_outreach = true,
      }) {}

sdk::Status HomelessnessPlugin::AcceptContact(const v1::Contact& contact,
                                              const sdk::CaseContext& context,
                                              sdk::DataSession& data) {
  // Only a monitoring contact is a return-to-homelessness check (validation enforces it).
  if (context.state != sdk::CaseState::kMonitoring ||
      contact.housing_status() == v1::HOUSING_STATUS_UNSPECIFIED) {
    return sdk::Status::Ok();
  }
  return StoreMonitoringCheck(contact, context, data);
}

sdk::Status HomelessnessPlugin::AcceptOutcome(const v1::Outcome& outcome,
                                              const sdk::CaseContext& context,
                                              sdk::DataSession& data) {
  return StoreExit(outcome, context, data);
}

std::vector<sdk::IndicatorSummary> HomelessnessPlugin::Summarize(
    const std::vector<const v1::Outcome*>& outcomes) {
  return homelessness::Summarize(outcomes);
}

std::optional<sdk::Date> HomelessnessPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return sdk::PeriodicReviewDue(context, kReviewEveryMonths);
}

std::vector<sdk::Migration> HomelessnessPlugin::Migrations() const { return StoreMigrations(); }

std::optional<int> HomelessnessPlugin::RecommendedMonitoringMonths(
    const google::protobuf::Message& outcome) const {
  const auto* exit = dynamic_cast<const v1::Outcome*>(&outcome);
  if (exit == nullptr || exit->monitoring_months() <= 0) return std::nullopt;
  return exit->monitoring_months();
}

}  // namespace assist::homelessness
