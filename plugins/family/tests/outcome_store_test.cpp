#include <gtest/gtest.h>
#include <soci/soci.h>

#include <assist/plugin/testing/sqlite_session.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::ValidOutcome;

using Row = sdk::testing::IndicatorRow;

std::vector<Row> Rows(soci::session& sql) {
  return sdk::testing::IndicatorRows(sql, "family_outcome_indicators");
}

class FamilyOutcomeStore : public ::testing::Test {
 protected:
  void SetUp() override { sdk::testing::ApplyMigrations(plugin_, data_); }

  FamilyPlugin plugin_;
  sdk::testing::SqliteSession data_;
};

TEST(FamilyMigrations, OneVersionInBothDialects) {
  const auto migrations = FamilyPlugin().Migrations();
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_NE(migrations[0].sqlite.find("family_outcome_indicators"), std::string::npos);
  EXPECT_NE(migrations[0].postgresql.find("PRIMARY KEY (case_id, indicator)"), std::string::npos);
}

TEST_F(FamilyOutcomeStore, OneRowPerRatedIndicator) {
  const sdk::CaseContext context = Context("2027-06-30");
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), context, data_);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(Rows(data_.sql()), (std::vector<Row>{{42, "communication", 2, 3, "2027-06-30"},
                                                 {42, "parent_child_relations", 2, 4, "2027-06-30"},
                                                 {42, "school_attendance", 3, 5, "2027-06-30"}}));
}

TEST_F(FamilyOutcomeStore, ALaterOutcomeOfTheCaseReplacesItsRowsOnly) {
  sdk::CaseContext other = Context("2027-05-31");
  other.case_id = 7;
  ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), other, data_).ok());
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), Context("2027-06-30"), data_).ok());

  v1::Outcome corrected;
  corrected.mutable_time_with_children()->set_before(1);
  corrected.mutable_time_with_children()->set_after(4);
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, corrected, Context("2027-07-01"), data_).ok());

  const auto rows = Rows(data_.sql());
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(std::get<0>(rows[0]), 7);
  EXPECT_EQ(rows[3], (Row{42, "time_with_children", 1, 4, "2027-07-01"}));
}

TEST_F(FamilyOutcomeStore, OtherStepsWriteNothing) {
  const sdk::CaseContext context = Context("2027-02-20");
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kReview, testing::ValidReview(), context, data_).ok());
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST(FamilyOutcomeStoreFailure, DatabaseErrorIsReturnedNotThrown) {
  sdk::testing::SqliteSession data;  // no migration applied: the table is missing
  sdk::Status status;
  EXPECT_NO_THROW(status = FamilyPlugin().OnAccepted(sdk::Step::kOutcome, ValidOutcome(),
                                                     Context("2027-06-30"), data));
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("family_outcome_indicators"), std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace assist::family
