#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>
#include <tuple>
#include <vector>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::ValidOutcome;

class SqliteData final : public sdk::DataSession {
 public:
  sdk::Backend backend() const override { return sdk::Backend::kSqlite; }
  soci::session& sql() override { return sql_; }

 private:
  soci::session sql_{soci::sqlite3, ":memory:"};
};

// What the host does: each statement ends with a ';' at the end of a line.
void Apply(const std::string& script, soci::session& sql) {
  std::size_t from = 0;
  while (from < script.size()) {
    std::size_t end = script.find(";\n", from);
    if (end == std::string::npos) end = script.size();
    const std::string statement = script.substr(from, end - from);
    if (statement.find_first_not_of(" \n") != std::string::npos) sql << statement;
    from = end + 2;
  }
}

using Row = std::tuple<long long, std::string, int, int, std::string>;

std::vector<Row> Rows(soci::session& sql) {
  std::vector<Row> rows;
  soci::rowset<soci::row> result =
      (sql.prepare << "SELECT case_id, indicator, before_rating, after_rating, recorded_on"
                      " FROM intercultural_outcome_indicators ORDER BY case_id, indicator");
  for (const soci::row& r : result) {
    rows.emplace_back(r.get<long long>(0), r.get<std::string>(1), r.get<int>(2), r.get<int>(3),
                      r.get<std::string>(4));
  }
  return rows;
}

class InterculturalOutcomeStore : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const sdk::Migration& migration : plugin_.Migrations()) {
      Apply(migration.sqlite, data_.sql());
    }
  }

  InterculturalPlugin plugin_;
  SqliteData data_;
};

TEST(InterculturalMigrations, OneVersionInBothDialects) {
  const auto migrations = InterculturalPlugin().Migrations();
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "intercultural_outcome_indicators");
  for (const std::string* script : {&migrations[0].sqlite, &migrations[0].postgresql}) {
    EXPECT_NE(script->find("CREATE TABLE intercultural_outcome_indicators"), std::string::npos);
    EXPECT_NE(script->find("PRIMARY KEY (case_id, indicator)"), std::string::npos);
  }
}

TEST_F(InterculturalOutcomeStore, OneRowPerRatedIndicator) {
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), Context("2027-08-31"), data_);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(Rows(data_.sql()), (std::vector<Row>{{42, "polish_language", 1, 3, "2027-08-31"},
                                                 {42, "sense_of_safety", 2, 4, "2027-08-31"},
                                                 {42, "work", 1, 4, "2027-08-31"}}));
}

TEST_F(InterculturalOutcomeStore, ALaterOutcomeOfTheCaseReplacesItsRowsOnly) {
  sdk::CaseContext other = Context("2027-05-31");
  other.case_id = 7;
  ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), other, data_).ok());
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), Context("2027-08-31"), data_).ok());

  v1::Outcome corrected;
  corrected.mutable_lasting_independence()->set_before(1);
  corrected.mutable_lasting_independence()->set_after(4);
  corrected.set_closure_reason(v1::CLOSURE_REASON_GOALS_MET);
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, corrected, Context("2027-09-01"), data_).ok());

  EXPECT_EQ(Rows(data_.sql()),
            (std::vector<Row>{{7, "polish_language", 1, 3, "2027-05-31"},
                              {7, "sense_of_safety", 2, 4, "2027-05-31"},
                              {7, "work", 1, 4, "2027-05-31"},
                              {42, "lasting_independence", 1, 4, "2027-09-01"}}));
}

TEST_F(InterculturalOutcomeStore, AnOutcomeWithoutRatingsClearsTheCase) {
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), Context("2027-08-31"), data_).ok());
  v1::Outcome left_poland;
  left_poland.set_closure_reason(v1::CLOSURE_REASON_LEFT_POLAND);
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, left_poland, Context("2027-09-01"), data_).ok());
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST_F(InterculturalOutcomeStore, OtherStepsWriteNothing) {
  const sdk::CaseContext context = Context("2026-11-30");
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kReview, testing::ValidReview(), context, data_).ok());
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kIntake, testing::ValidIntake(), context, data_).ok());
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST_F(InterculturalOutcomeStore, AnOutcomeOfAnotherTypeIsAnInternalError) {
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kOutcome, testing::ValidPlan(), Context("2027-08-31"), data_);
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("assist.intercultural.v1.Plan"), std::string::npos);
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST(InterculturalOutcomeStoreFailure, DatabaseErrorIsReturnedNotThrown) {
  SqliteData data;  // no migration applied: the table is missing
  sdk::Status status;
  EXPECT_NO_THROW(status = InterculturalPlugin().OnAccepted(sdk::Step::kOutcome, ValidOutcome(),
                                                            Context("2027-08-31"), data));
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("intercultural_outcome_indicators"), std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace assist::intercultural
