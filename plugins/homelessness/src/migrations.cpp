#include <string>

#include "store.hpp"

namespace assist::homelessness {
namespace {

// Only the surrogate key differs between the dialects.
std::string Schema(const std::string& id_column) {
  std::string schema = "CREATE TABLE homelessness_monitoring_checks (\n  id ";
  schema += id_column;
  schema +=
      ",\n"
      "  case_id BIGINT NOT NULL,\n"
      "  checked_on TEXT NOT NULL,\n"
      "  housing_status TEXT NOT NULL,\n"
      "  returned SMALLINT NOT NULL CHECK (returned IN (0, 1))\n"
      ");\n"
      "CREATE INDEX homelessness_monitoring_checks_case\n"
      "  ON homelessness_monitoring_checks (case_id, checked_on);\n"
      "CREATE TABLE homelessness_exits (\n"
      "  case_id BIGINT NOT NULL PRIMARY KEY,\n"
      "  housing_status TEXT NOT NULL,\n"
      "  recorded_on TEXT NOT NULL\n"
      ");\n";
  return schema;
}

}  // namespace

std::vector<sdk::Migration> StoreMigrations() {
  return {{1, "homelessness_monitoring_checks_and_exits",
           Schema("INTEGER PRIMARY KEY AUTOINCREMENT"), Schema("BIGSERIAL PRIMARY KEY")}};
}

}  // namespace assist::homelessness
