#include <gtest/gtest.h>
#include <soci/soci.h>

#include <assist/plugin/testing/sqlite_session.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::Context;
using testing::ValidOutcome;

using CheckRow = std::tuple<long long, std::string, std::string, int>;
using ExitRow = std::tuple<long long, std::string, std::string>;

std::vector<CheckRow> Checks(soci::session& sql) {
  std::vector<CheckRow> rows;
  soci::rowset<soci::row> result =
      (sql.prepare << "SELECT case_id, checked_on, housing_status, returned"
                      " FROM homelessness_monitoring_checks ORDER BY id");
  for (const soci::row& r : result) {
    rows.emplace_back(r.get<long long>(0), r.get<std::string>(1), r.get<std::string>(2),
                      r.get<int>(3));
  }
  return rows;
}

std::vector<ExitRow> Exits(soci::session& sql) {
  std::vector<ExitRow> rows;
  soci::rowset<soci::row> result = (sql.prepare << "SELECT case_id, housing_status, recorded_on"
                                                   " FROM homelessness_exits ORDER BY case_id");
  for (const soci::row& r : result) {
    rows.emplace_back(r.get<long long>(0), r.get<std::string>(1), r.get<std::string>(2));
  }
  return rows;
}

sdk::CaseContext Monitored(std::string_view contact_on, long long case_id = 42) {
  sdk::CaseContext context = Context(contact_on);
  context.case_id = case_id;
  context.state = sdk::CaseState::kMonitoring;
  context.closed_on = testing::D("2028-12-31");
  return context;
}

v1::Contact MonitoringCheck(v1::HousingStatus status, bool returned) {
  v1::Contact contact;
  contact.set_housing_status(status);
  contact.set_returned_to_homelessness(returned);
  return contact;
}

class HomelessnessStore : public ::testing::Test {
 protected:
  void SetUp() override { sdk::testing::ApplyMigrations(plugin_, data_); }

  HomelessnessPlugin plugin_;
  sdk::testing::SqliteSession data_;
};

TEST(HomelessnessMigrations, OneVersionInBothDialects) {
  const auto migrations = HomelessnessPlugin().Migrations();
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].version, 1);
  for (const std::string* script : {&migrations[0].sqlite, &migrations[0].postgresql}) {
    EXPECT_NE(script->find("CREATE TABLE homelessness_monitoring_checks"), std::string::npos);
    EXPECT_NE(script->find("CREATE TABLE homelessness_exits"), std::string::npos);
  }
  EXPECT_NE(migrations[0].sqlite.find("AUTOINCREMENT"), std::string::npos);
  EXPECT_NE(migrations[0].postgresql.find("BIGSERIAL"), std::string::npos);
}

TEST_F(HomelessnessStore, MonitoringContactsAppendChecks) {
  ASSERT_TRUE(plugin_
                  .OnAccepted(sdk::Step::kContact,
                              MonitoringCheck(v1::HOUSING_STATUS_SOCIAL_HOUSING, false),
                              Monitored("2029-03-10"), data_)
                  .ok());
  // Two checks on one day are two rows.
  ASSERT_TRUE(plugin_
                  .OnAccepted(sdk::Step::kContact, MonitoringCheck(v1::HOUSING_STATUS_STREET, true),
                              Monitored("2029-06-02"), data_)
                  .ok());
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kContact, MonitoringCheck(v1::HOUSING_STATUS_SHELTER, true),
                         Monitored("2029-06-02"), data_);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(Checks(data_.sql()), (std::vector<CheckRow>{{42, "2029-03-10", "social_housing", 0},
                                                        {42, "2029-06-02", "street", 1},
                                                        {42, "2029-06-02", "shelter", 1}}));
}

TEST_F(HomelessnessStore, ContactsOfAnOpenCaseAreNotChecks) {
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kContact, testing::ValidContact(), Context("2026-10-02"), data_)
          .ok());
  // During monitoring, a contact without a housing status is not a check either.
  ASSERT_TRUE(
      plugin_
          .OnAccepted(sdk::Step::kContact, testing::ValidContact(), Monitored("2029-03-10"), data_)
          .ok());
  EXPECT_TRUE(Checks(data_.sql()).empty());
}

TEST_F(HomelessnessStore, TheOutcomeRecordsTheExit) {
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), Context("2028-12-31"), data_);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(Exits(data_.sql()), (std::vector<ExitRow>{{42, "social_housing", "2028-12-31"}}));
}

TEST_F(HomelessnessStore, ALaterOutcomeOfTheCaseReplacesItsExitOnly) {
  sdk::CaseContext other = Context("2028-05-31");
  other.case_id = 7;
  v1::Outcome to_shelter = ValidOutcome();
  to_shelter.set_housing_status(v1::HOUSING_STATUS_SHELTER);
  ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kOutcome, to_shelter, other, data_).ok());
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, ValidOutcome(), Context("2028-12-31"), data_).ok());

  v1::Outcome corrected = ValidOutcome();
  corrected.set_housing_status(v1::HOUSING_STATUS_SUPPORTED_HOUSING);
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, corrected, Context("2029-01-05"), data_).ok());

  EXPECT_EQ(Exits(data_.sql()), (std::vector<ExitRow>{{7, "shelter", "2028-05-31"},
                                                      {42, "supported_housing", "2029-01-05"}}));
}

TEST_F(HomelessnessStore, OtherStepsWriteNothing) {
  const sdk::CaseContext context = Context("2026-11-30");
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kReview, testing::ValidReview(), context, data_).ok());
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kIntake, testing::ValidIntake(), context, data_).ok());
  EXPECT_TRUE(Checks(data_.sql()).empty());
  EXPECT_TRUE(Exits(data_.sql()).empty());
}

TEST_F(HomelessnessStore, APayloadOfAnotherTypeIsAnInternalError) {
  const sdk::Status status = plugin_.OnAccepted(sdk::Step::kOutcome, testing::ValidContact(),
                                                Context("2028-12-31"), data_);
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_TRUE(Exits(data_.sql()).empty());
}

TEST(HomelessnessStoreFailure, DatabaseErrorsAreReturnedNotThrown) {
  sdk::testing::SqliteSession data;  // no migration applied: the tables are missing
  sdk::Status status;
  EXPECT_NO_THROW(status = HomelessnessPlugin().OnAccepted(sdk::Step::kOutcome, ValidOutcome(),
                                                           Context("2028-12-31"), data));
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("homelessness_exits"), std::string::npos) << status.message();

  EXPECT_NO_THROW(status = HomelessnessPlugin().OnAccepted(
                      sdk::Step::kContact, MonitoringCheck(v1::HOUSING_STATUS_STREET, true),
                      Monitored("2029-03-10"), data));
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("homelessness_monitoring_checks"), std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace assist::homelessness
