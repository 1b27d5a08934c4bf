#include "outcome_store.hpp"

#include <exception>
#include <string>

#include "indicators.hpp"

namespace assist::intercultural {

std::vector<sdk::Migration> OutcomeMigrations() {
  const std::string create_table =
      "CREATE TABLE intercultural_outcome_indicators (\n"
      "  case_id BIGINT NOT NULL,\n"
      "  indicator TEXT NOT NULL,\n"
      "  before_rating INT NOT NULL,\n"
      "  after_rating INT NOT NULL,\n"
      "  recorded_on TEXT NOT NULL,\n"
      "  PRIMARY KEY (case_id, indicator)\n"
      ");\n";
  return {{1, "intercultural_outcome_indicators", create_table, create_table}};
}

sdk::Status StoreOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                         sdk::DataSession& data) {
  try {
    soci::session& sql = data.sql();
    const long long case_id = context.case_id;
    const std::string recorded_on =
        sdk::FormatDate(context.step_date.ok() ? context.step_date : sdk::Today());
    // The host keeps every outcome it accepted; this table mirrors the case's latest one.
    sql << "DELETE FROM intercultural_outcome_indicators WHERE case_id = :case_id",
        soci::use(case_id);
    for (const Indicator& indicator : Indicators()) {
      const ::assist::v1::BeforeAfter* rating = indicator.rating(outcome);
      if (rating == nullptr) continue;
      const std::string code(indicator.code);
      const int before = rating->before();
      const int after = rating->after();
      sql << "INSERT INTO intercultural_outcome_indicators"
             " (case_id, indicator, before_rating, after_rating, recorded_on)"
             " VALUES (:case_id, :indicator, :before_rating, :after_rating, :recorded_on)",
          soci::use(case_id), soci::use(code), soci::use(before), soci::use(after),
          soci::use(recorded_on);
    }
    return sdk::Status::Ok();
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("intercultural: storing outcome indicators failed: ") +
                                 e.what());
  } catch (...) {
    return sdk::Status::Internal("intercultural: storing outcome indicators failed");
  }
}

}  // namespace assist::intercultural
