#include "disability_plugin.hpp"

#include "hours_store.hpp"
#include "indicators.hpp"
#include "review_schedule.hpp"

namespace assist::disability {

DisabilityPlugin::DisabilityPlugin()
    : TypedPlugin({
          .id = "disability",
          .version = "1.0.0",
          .display_name_pl = "Asystent osoby z niepełnosprawnością",
          .display_name_en = "Assistant of a person with a disability",
          .description =
              "Support of an assistant in daily functioning for a child, young person or adult "
              "with a current disability certificate, funded by the city or the government "
              "programme \"Asystent osobisty osoby z niepełnosprawnością\": needs, a yearly plan "
              "of support hours within the centre's limit, hours delivered at contacts, periodic "
              "assessment and outcome.",
          .review_cadence = "at least every 6 months from the start of work, and by the day the "
                            "disability certificate expires",
      }) {}

sdk::Status DisabilityPlugin::AcceptContact(const v1::Contact& contact,
                                            const sdk::CaseContext& context,
                                            sdk::DataSession& data) {
  return StoreHoursDelivered(contact, context, data);
}

std::vector<sdk::IndicatorSummary> DisabilityPlugin::Summarize(
    const std::vector<const v1::Outcome*>& outcomes) {
  return sdk::Summarize<v1::Outcome>(Indicators(), outcomes);
}

std::optional<sdk::Date> DisabilityPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  return ReviewDue(context);
}

std::vector<sdk::Migration> DisabilityPlugin::Migrations() const { return HoursMigrations(); }

}  // namespace assist::disability
