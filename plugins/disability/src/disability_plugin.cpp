#include "disability_plugin.hpp"

#include "hours_store.hpp"
#include "indicators.hpp"
#include "review_schedule.hpp"
#include "service_record.hpp"

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
          .documents = {{kServiceRecord, "Karta realizacji usług asystencji osobistej",
                         "Monthly record of personal assistance services"}},
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

sdk::Status DisabilityPlugin::RenderDocument(const std::string& kind, const sdk::CaseRecord& record,
                                             std::string& text) const {
  if (kind != kServiceRecord) {
    return sdk::Status::FailedPrecondition("disability assistance writes no document " + kind);
  }
  return sdk::Guard("disability", "writing the service record failed",
                    [&] { return RenderServiceRecord(record, text); });
}

}  // namespace assist::disability
