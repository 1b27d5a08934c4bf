#pragma once
// For a plugin's unit tests: an in-memory SQLite database standing in for the host's data session,
// with the plugin's migrations applied as the host applies them. Needs the SOCI SQLite backend
// (link SOCI::soci_sqlite3).
//   sdk::testing::SqliteSession data;
//   sdk::testing::ApplyMigrations(plugin, data);
//   plugin.OnAccepted(sdk::Step::kOutcome, outcome, context, data);
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/store.hpp>
#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

namespace assist::sdk::testing {

// A fresh, empty database per object; no migration applied.
class SqliteSession final : public DataSession {
 public:
  Backend backend() const override { return Backend::kSqlite; }
  soci::session& sql() override { return sql_; }

 private:
  soci::session sql_{soci::sqlite3, ":memory:"};
};

// What the host does with a migration: each statement ends with a ';' at the end of a line.
inline void ApplyScript(const std::string& script, soci::session& sql) {
  std::size_t from = 0;
  while (from < script.size()) {
    std::size_t end = script.find(";\n", from);
    if (end == std::string::npos) end = script.size();
    const std::string statement = script.substr(from, end - from);
    if (statement.find_first_not_of(" \n") != std::string::npos) sql << statement;
    from = end + 2;
  }
}

// The SQLite text of every migration of `plugin`, in the order it lists them.
inline void ApplyMigrations(const Plugin& plugin, DataSession& data) {
  for (const Migration& migration : plugin.Migrations()) ApplyScript(migration.sqlite, data.sql());
}

// A row of an outcome-indicator table (store.hpp): case_id, indicator, before_rating,
// after_rating, recorded_on.
using IndicatorRow = std::tuple<long long, std::string, int, int, std::string>;

// Every row of the outcome-indicator table `table`, ordered by case and indicator.
inline std::vector<IndicatorRow> IndicatorRows(soci::session& sql, SqlName table) {
  std::vector<IndicatorRow> rows;
  soci::rowset<soci::row> result =
      (sql.prepare << "SELECT case_id, indicator, before_rating, after_rating, recorded_on FROM " +
                          table.str() + " ORDER BY case_id, indicator");
  for (const soci::row& r : result) {
    rows.emplace_back(r.get<long long>(0), r.get<std::string>(1), r.get<int>(2), r.get<int>(3),
                      r.get<std::string>(4));
  }
  return rows;
}

}  // namespace assist::sdk::testing
