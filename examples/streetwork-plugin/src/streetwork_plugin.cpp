#include "streetwork_plugin.hpp"

#include "street_rounds.hpp"

namespace assist::streetwork {

StreetworkPlugin::StreetworkPlugin()
    : TypedPlugin({
          .id = kTypeId,
          .version = "1.0.0",
          .display_name_pl = "Streetworker (praca uliczna)",
          .display_name_en = "Streetwork (outreach)",
          .description =
              "Outreach to people sleeping rough at stations, allotments, dumps and empty "
              "buildings: finding out their needs on the street, meeting the urgent ones and "
              "opening the way to a night shelter, treatment, benefits or an assistant of a "
              "person in a homelessness crisis.",
          .review_cadence = "every 3 months from the start of work; every month while the "
                            "intake found the person's life or health at high risk",
      }) {}

sdk::Status StreetworkPlugin::AcceptContact(const v1::Contact& contact,
                                            const sdk::CaseContext& context,
                                            sdk::DataSession& data) {
  return sdk::Guard(kTypeId, "recording the street round failed",
                    [&] { return RecordStreetRound(contact, context, data); });
}

std::optional<sdk::Date> StreetworkPlugin::NextReviewDue(const sdk::CaseContext& context) const {
  v1::Intake copy;
  const v1::Intake* intake = sdk::As(context.intake, copy);
  const bool high_risk = intake != nullptr && intake->risk() == v1::RISK_HIGH;
  return sdk::PeriodicReviewDue(context,
                                high_risk ? kHighRiskReviewEveryMonths : kReviewEveryMonths);
}

std::vector<sdk::Migration> StreetworkPlugin::Migrations() const { return StreetRoundMigrations(); }

}  // namespace assist::streetwork
