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

// The case's hours delivered in the contact's year against the plan of that year and the
// centre's limit: the validator cannot see them, this table can.
void WarnAboutTheYearsHours(const sdk::CaseContext& context, sdk::DataSession& data,
                            sdk::Status& status) {
  const int year = static_cast<int>(context.step_date.year());
  const std::string first = std::to_string(year) + "-01-01";
  const std::string last = std::to_string(year) + "-12-31";
  const long long case_id = context.case_id;
  double delivered = 0;
  data.sql() << "SELECT COALESCE(SUM(hours), 0.0) FROM disability_hours_delivered"
                " WHERE case_id = :case_id AND contact_on >= :first AND contact_on <= :last",
      soci::use(case_id), soci::use(first), soci::use(last), soci::into(delivered);
  const std::string in_year = std::to_string(year);
  const int limit = MaxHoursPerPerson(context.settings, year);
  if (delivered > limit) {
    status.AddWarning({"HOURS_OVER_CENTRE_LIMIT",
                       Hours(delivered) + " hours delivered in " + in_year +
                           ", more than the centre's limit of " + std::to_string(limit) +
                           " hours per person",
                       "W roku " + in_year + " zrealizowano " + Hours(delivered) +
                           " godzin, więcej niż limit ośrodka wynoszący " + std::to_string(limit) +
                           " godzin na osobę"});
  }
  const auto planned = PlannedHours(context.plan, year);
  if (planned && delivered > static_cast<double>(*planned)) {
    status.AddWarning({"HOURS_OVER_PLAN",
                       Hours(delivered) + " hours delivered in " + in_year + ", more than the " +
                           std::to_string(*planned) + " hours of the plan: update the plan",
                       "W roku " + in_year + " zrealizowano " + Hours(delivered) +
                           " godzin, więcej niż " + std::to_string(*planned) +
                           " godzin przewidzianych w planie: zaktualizuj plan"});
  }
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
    data.sql() << "INSERT INTO disability_hours_delivered (case_id, contact_on, hours)"
                  " VALUES (:case_id, :contact_on, :hours)",
        soci::use(case_id), soci::use(contact_on), soci::use(hours);
    sdk::Status status = sdk::Status::Ok();
    if (hours > 0) WarnAboutTheYearsHours(context, data, status);
    return status;
  });
}

}  // namespace assist::disability
