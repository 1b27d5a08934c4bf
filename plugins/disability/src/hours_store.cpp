#include "hours_store.hpp"

#include <assist/plugin/store.hpp>
#include <sstream>
#include <string>

#include "hours_budget.hpp"

namespace assist::disability {
namespace {

// Dates are "YYYY-MM-DD" text, as in the host's tables. A case has many contacts a day, so no key.
std::string CreateTable(const std::string& hours_type) {
  return "CREATE TABLE disability_hours_delivered (\n"
         "  case_id BIGINT NOT NULL,\n"
         "  contact_on TEXT NOT NULL,\n"
         "  hours " +
         hours_type +
         " NOT NULL CHECK (hours >= 0 AND hours <= 24)\n"
         ");\n"
         "CREATE INDEX disability_hours_delivered_case\n"
         "  ON disability_hours_delivered (case_id, contact_on);\n";
}

std::string Hours(double hours) {
  std::ostringstream text;
  text << hours;
  return text.str();
}

struct Year {
  int number;
  std::string first;
  std::string last;
};

Year YearOf(const sdk::CaseContext& context) {
  const int year = static_cast<int>(context.step_date.year());
  return {year, std::to_string(year) + "-01-01", std::to_string(year) + "-12-31"};
}

double DeliveredInYear(const sdk::CaseContext& context, const Year& year, sdk::DataSession& data) {
  const long long case_id = context.case_id;
  double delivered = 0;
  data.sql() << "SELECT COALESCE(SUM(hours), 0.0) FROM disability_hours_delivered"
                " WHERE case_id = :case_id AND contact_on >= :first AND contact_on <= :last",
      soci::use(case_id), soci::use(year.first), soci::use(year.last), soci::into(delivered);
  return delivered;
}

// The participant's yearly limit (by the tier of the certificate in the intake) is a limit: a
// contact that would pass it is refused, with the hours that are left. Hours are whole or halves
// in practice; the tolerance only absorbs the rounding of sums of doubles.
sdk::Status RefuseOverTheLimit(double delivered, double hours, const sdk::CaseContext& context,
                               const Year& year) {
  const Tier tier = TierOf(context.intake);
  const int limit = MaxHoursPerPerson(context.settings, year.number, tier);
  if (delivered + hours <= limit + 1e-9) return sdk::Status::Ok();
  const double left = delivered >= limit ? 0.0 : limit - delivered;
  const std::string in_year = std::to_string(year.number);
  const TierText text = DescribeTier(tier);
  return sdk::Status::Refused(
      "HOURS_LIMIT",
      Hours(hours) + " hours would pass the participant's yearly limit of " +
          std::to_string(limit) + " hours in " + in_year + " (" + text.en +
          "): " + Hours(delivered) + " delivered, " + Hours(left) + " left",
      Hours(hours) + " godzin przekroczyłoby roczny limit uczestnika wynoszący " +
          std::to_string(limit) + " godzin w roku " + in_year + " (" + text.pl +
          "): zrealizowano " + Hours(delivered) + ", pozostało " + Hours(left),
      {{"hours_left", Hours(left)},
       {"hours_delivered", Hours(delivered)},
       {"limit", std::to_string(limit)},
       {"year", in_year}});
}

// The hours of the year after this contact against the plan of that year: the validator cannot
// see them, this table can.
void WarnAboutThePlan(double delivered, const sdk::CaseContext& context, const Year& year,
                      sdk::Status& status) {
  const auto planned = PlannedHours(context.plan, year.number);
  if (!planned || !(delivered > static_cast<double>(*planned))) return;
  const std::string in_year = std::to_string(year.number);
  status.AddWarning({"HOURS_OVER_PLAN",
                     Hours(delivered) + " hours delivered in " + in_year + ", more than the " +
                         std::to_string(*planned) + " hours of the plan: update the plan",
                     "W roku " + in_year + " zrealizowano " + Hours(delivered) +
                         " godzin, więcej niż " + std::to_string(*planned) +
                         " godzin przewidzianych w planie: zaktualizuj plan"});
}

}  // namespace

std::vector<sdk::Migration> HoursMigrations() {
  return {{1, "disability_hours_delivered", CreateTable("REAL"), CreateTable("DOUBLE PRECISION")}};
}

sdk::Status StoreHoursDelivered(const v1::Contact& contact, const sdk::CaseContext& context,
                                sdk::DataSession& data) {
  return sdk::Guard("disability", "storing hours delivered failed", [&] {
    const long long case_id = context.case_id;
    const std::string contact_on = sdk::StepDay(context);
    const double hours = contact.hours_delivered();
    const Year year = YearOf(context);
    double delivered = 0;
    if (hours > 0) {
      delivered = DeliveredInYear(context, year, data);
      sdk::Status refused = RefuseOverTheLimit(delivered, hours, context, year);
      if (!refused.ok()) return refused;  // nothing written; the host rolls the step back
    }
    data.sql() << "INSERT INTO disability_hours_delivered (case_id, contact_on, hours)"
                  " VALUES (:case_id, :contact_on, :hours)",
        soci::use(case_id), soci::use(contact_on), soci::use(hours);
    sdk::Status status = sdk::Status::Ok();
    if (hours > 0) WarnAboutThePlan(delivered + hours, context, year, status);
    return status;
  });
}

}  // namespace assist::disability
