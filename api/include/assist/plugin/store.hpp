#pragma once
// Helpers for a plugin's own tables (see data.hpp for the rules), and the outcome-indicator table
// several plugins keep so that centres can query outcome statistics with plain SQL:
//   <plugin id>_outcome_indicators (case_id, indicator, before_rating, after_rating, recorded_on)
// one row per indicator the case's latest outcome rated.
#include <assist/plugin/data.hpp>
#include <assist/plugin/date.hpp>
#include <assist/plugin/indicators.hpp>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/typed.hpp>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace assist::sdk {

// A table name written into SQL text. Only a constant of the plugin's code can be one: the
// constructor runs at compile time, and a name that is not [a-z_][a-z0-9_]* does not compile.
class SqlName {
 public:
  consteval SqlName(std::string_view name) : name_(name) {  // NOLINT: implicit on purpose
    bool ok = !name.empty() && !(name[0] >= '0' && name[0] <= '9');
    for (char c : name) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    if (!ok) throw "not an SQL table name: [a-z_][a-z0-9_]*";
  }
  template <std::size_t N>
  consteval SqlName(const char (&name)[N])  // NOLINT: implicit on purpose
      : SqlName(std::string_view(name, N - 1)) {}
  std::string str() const { return std::string(name_); }

 private:
  std::string_view name_;
};

// The date a row about the step is recorded on, as the host's tables store dates ("YYYY-MM-DD"):
// the step's date, or today should the host not have set it.
inline std::string StepDay(const CaseContext& context) {
  return FormatDate(context.step_date.ok() ? context.step_date : Today());
}

// The outcome-indicator table, version 1; named after the table, the same text in both dialects.
inline std::vector<Migration> IndicatorTableMigrations(SqlName table) {
  const std::string create_table = "CREATE TABLE " + table.str() +
                                   " (\n"
                                   "  case_id BIGINT NOT NULL,\n"
                                   "  indicator TEXT NOT NULL,\n"
                                   "  before_rating INT NOT NULL,\n"
                                   "  after_rating INT NOT NULL,\n"
                                   "  recorded_on TEXT NOT NULL,\n"
                                   "  PRIMARY KEY (case_id, indicator)\n"
                                   ");\n";
  return {{1, table.str(), create_table, create_table}};
}

// Replaces the case's rows in `table` by the indicators `outcome` rates, dated StepDay. The host
// keeps every outcome it accepted; the table mirrors the case's latest one. Never throws: a
// database error is Internal("<plugin_id>: storing outcome indicators failed: ...").
template <typename Outcome>
Status StoreIndicatorRatings(std::string_view plugin_id, SqlName table,
                             std::type_identity_t<std::span<const Indicator<Outcome>>> indicators,
                             const Outcome& outcome, const CaseContext& context,
                             DataSession& data) {
  return Guard(plugin_id, "storing outcome indicators failed", [&] {
    soci::session& sql = data.sql();
    const long long case_id = context.case_id;
    const std::string recorded_on = StepDay(context);
    sql << "DELETE FROM " + table.str() + " WHERE case_id = :case_id", soci::use(case_id);
    const std::string insert = "INSERT INTO " + table.str() +
                               " (case_id, indicator, before_rating, after_rating, recorded_on)"
                               " VALUES (:case_id, :indicator, :before_rating, :after_rating,"
                               " :recorded_on)";
    for (const Indicator<Outcome>& indicator : indicators) {
      const ::assist::v1::BeforeAfter* rating = indicator.rating(outcome);
      if (rating == nullptr) continue;
      const std::string code(indicator.code);
      const int before = rating->before();
      const int after = rating->after();
      sql << insert, soci::use(case_id), soci::use(code), soci::use(before), soci::use(after),
          soci::use(recorded_on);
    }
    return Status::Ok();
  });
}

}  // namespace assist::sdk
