#include <gtest/gtest.h>
#include <soci/soci.h>

#include <assist/plugin/testing/sqlite_session.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::ValidOutcome;

using Row = sdk::testing::IndicatorRow;

std::vector<Row> Rows(soci::session& sql) {
  return sdk::testing::IndicatorRows(sql, "intercultural_outcome_indicators");
}

class InterculturalOutcomeStore : public ::testing::Test {
 protected:
  void SetUp() override { sdk::testing::ApplyMigrations(plugin_, data_); }

  InterculturalPlugin plugin_;
  sdk::testing::SqliteSession data_;
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
  sdk::testing::SqliteSession data;  // no migration applied: the table is missing
  sdk::Status status;
  EXPECT_NO_THROW(status = InterculturalPlugin().OnAccepted(sdk::Step::kOutcome, ValidOutcome(),
                                                            Context("2027-08-31"), data));
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("intercultural_outcome_indicators"), std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace assist::intercultural
