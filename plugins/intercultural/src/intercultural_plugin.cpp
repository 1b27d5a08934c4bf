#include "intercultural_plugin.hpp"

#include "indicators.hpp"

namespace assist::intercultural {
namespace {

constexpr const char* kId = "intercultural";

// One row per outcome indicator a closed case was rated on, for outcome statistics in plain SQL.
constexpr sdk::SqlName kOutcomeTable{"intercultural_outcome_indicators"};

}  // namespace

InterculturalPlugin::InterculturalPlugin()
    : TypedPlugin({
          .id = kId,
          .version = "1.0.0",
          .display_name_pl = "Asystent międzykulturowy",
          .display_name_en = "Intercultural (integration) assistant",
          .description =
              "Support of an intercultural (integration) assistant for a foreign family "
              "integrating in Poland: official matters, institutions, school and kindergarten, "
              "health care, benefits and Polish law, Polish language, work, and social, "
              "psychological and parenting problems. Records the family's languages, interpreter "
              "needs, each member's legal status in Poland and each child's school, a plan of up "
              "to 12 months, quarterly reviews and "
              "the outcome at closing.",
          .review_cadence = "every 3 months from the start of work",
      }) {}

sdk::Status InterculturalPlugin::AcceptOutcome(const v1::Outcome& outcome,
                                               const sdk::CaseContext& context,
                                               sdk::DataSession& data) {
  return sdk::StoreIndicatorRatings(kId, kOutcomeTable, Indicators(), outcome, context, data);
}

std::vector<sdk::IndicatorSummary> InterculturalPlugin::Summarize(
    const std::vector<const v1::Outcome*>& outcomes) {
  return sdk::Summarize<v1::Outcome>(Indicators(), outcomes);
}

std::optional<sdk::Date> InterculturalPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return sdk::PeriodicReviewDue(context, kReviewEveryMonths);
}

std::vector<sdk::Migration> InterculturalPlugin::Migrations() const {
  return sdk::IndicatorTableMigrations(kOutcomeTable);
}

}  // namespace assist::intercultural
