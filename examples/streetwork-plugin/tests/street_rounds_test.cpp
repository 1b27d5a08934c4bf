// The plugin's table, on an in-memory SQLite database migrated as the host migrates it.
#include <gtest/gtest.h>

#include <assist/plugin/testing/sqlite_session.hpp>

#include "fixtures.hpp"
#include "streetwork_plugin.hpp"

namespace assist::streetwork::testing {
namespace {

class StreetRounds : public ::testing::Test {
 protected:
  void SetUp() override { sdk::testing::ApplyMigrations(plugin_, data_); }

  int Count(const std::string& where) {
    int n = -1;
    data_.sql() << "SELECT COUNT(*) FROM streetwork_rounds WHERE " + where, soci::into(n);
    return n;
  }

  StreetworkPlugin plugin_;
  sdk::testing::SqliteSession data_;
};

TEST_F(StreetRounds, RecordsEachRoundWithDetails) {
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kContact, ValidContact(), Context("2026-10-05"), data_).ok());
  v1::Contact not_found;
  not_found.mutable_place()->set_kind(v1::PLACE_KIND_DUMP);
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kContact, not_found, Context("2026-10-06"), data_).ok());

  EXPECT_EQ(Count("case_id = 42 AND round_on = '2026-10-05' AND place_kind = 2 AND "
                  "person_met = 1 AND needs_met = 2"),
            1);
  EXPECT_EQ(Count("round_on = '2026-10-06' AND place_kind = 3 AND person_met = 0"), 1);
}

TEST_F(StreetRounds, OtherStepsWriteNothing) {
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kIntake, ValidIntake(), Context("2026-09-01"), data_).ok());
  EXPECT_EQ(Count("1 = 1"), 0);
}

TEST_F(StreetRounds, ADatabaseErrorIsAStatusNotAnException) {
  data_.sql() << "DROP TABLE streetwork_rounds";
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kContact, ValidContact(), Context("2026-10-05"), data_);
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("streetwork"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace assist::streetwork::testing
