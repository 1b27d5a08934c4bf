#include "hours_store.hpp"

#include <assist/plugin/store.hpp>
#include <string>

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
    return sdk::Status::Ok();
  });
}

}  // namespace assist::disability
