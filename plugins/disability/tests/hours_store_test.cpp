#include <gtest/gtest.h>
#include <soci/soci.h>

#include <algorithm>
#include <assist/plugin/testing/sqlite_session.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::ValidContact;

using Row = std::tuple<long long, std::string, double>;

std::vector<Row> Rows(soci::session& sql) {
  std::vector<Row> rows;
  soci::rowset<soci::row> result =
      (sql.prepare << "SELECT case_id, contact_on, hours FROM disability_hours_delivered"
                      " ORDER BY case_id, contact_on, hours");
  for (const soci::row& r : result) {
    rows.emplace_back(r.get<long long>(0), r.get<std::string>(1), r.get<double>(2));
  }
  return rows;
}

v1::Contact Hours(double hours) {
  v1::Contact contact;
  contact.set_hours_delivered(hours);
  return contact;
}

class DisabilityHoursStore : public ::testing::Test {
 protected:
  void SetUp() override { sdk::testing::ApplyMigrations(plugin_, data_); }

  DisabilityPlugin plugin_;
  sdk::testing::SqliteSession data_;
};

TEST(DisabilityMigrations, OneVersionInBothDialects) {
  const auto migrations = DisabilityPlugin().Migrations();
  ASSERT_EQ(migrations.size(), 1u);
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_FALSE(migrations[0].name.empty());
  for (const std::string* script : {&migrations[0].sqlite, &migrations[0].postgresql}) {
    EXPECT_NE(script->find("CREATE TABLE disability_hours_delivered"), std::string::npos);
    EXPECT_NE(script->find("case_id BIGINT NOT NULL"), std::string::npos);
    EXPECT_NE(script->find("contact_on TEXT NOT NULL"), std::string::npos);
  }
  EXPECT_NE(migrations[0].postgresql.find("hours DOUBLE PRECISION"), std::string::npos);
}

TEST_F(DisabilityHoursStore, OneRowPerAcceptedContact) {
  ASSERT_TRUE(
      plugin_.OnAccepted(sdk::Step::kContact, ValidContact(), Context("2026-10-02"), data_).ok());
  ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kContact, Hours(1), Context("2026-10-02"), data_).ok());
  sdk::CaseContext other = Context("2026-10-05");
  other.case_id = 7;
  ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kContact, Hours(0), other, data_).ok());

  EXPECT_EQ(
      Rows(data_.sql()),
      (std::vector<Row>{{7, "2026-10-05", 0.0}, {42, "2026-10-02", 1.0}, {42, "2026-10-02", 2.5}}));
}

TEST_F(DisabilityHoursStore, HoursAddUpPerCaseAndYear) {
  for (const char* day : {"2026-12-30", "2027-01-04", "2027-01-11"}) {
    ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kContact, Hours(1.5), Context(day), data_).ok());
  }
  double total = 0;
  long long case_id = 42;
  data_.sql() << "SELECT SUM(hours) FROM disability_hours_delivered"
                 " WHERE case_id = :case_id AND contact_on LIKE '2027-%'",
      soci::use(case_id), soci::into(total);
  EXPECT_DOUBLE_EQ(total, 3.0);
}

TEST_F(DisabilityHoursStore, AContactThatWouldPassTheYearlyLimitIsRefusedWithTheHoursLeft) {
  const v1::CentreSettings settings = testing::Settings(2026, 30);
  sdk::CaseContext context = Context("2026-10-02");
  context.settings = &settings;
  auto accept = [&](double hours) {
    return plugin_.OnAccepted(sdk::Step::kContact, Hours(hours), context, data_);
  };
  ASSERT_TRUE(accept(20).ok());
  const sdk::Status over = accept(10.5);
  EXPECT_EQ(over.code(), sdk::Code::kFailedPrecondition);
  ASSERT_NE(over.refusal(), nullptr);
  EXPECT_EQ(over.refusal()->code, "HOURS_LIMIT");
  EXPECT_NE(over.message().find("10 left"), std::string::npos) << over.message();
  EXPECT_NE(over.refusal()->message_pl.find("pozostało 10"), std::string::npos);
  const auto details = over.refusal_details();
  EXPECT_NE(std::find(details.begin(), details.end(),
                      std::pair<std::string, std::string>{"hours_left", "10"}),
            details.end());
  EXPECT_EQ(Rows(data_.sql()).size(), 1u) << "the refused contact wrote nothing";
  EXPECT_TRUE(accept(10).ok()) << "exactly the limit";
  EXPECT_EQ(accept(0.5).refusal()->code, "HOURS_LIMIT");
  EXPECT_TRUE(accept(0).ok()) << "a contact without hours is not counted";
  // A new year starts from zero.
  context.step_date = testing::D("2027-01-04");
  EXPECT_TRUE(accept(24).ok());
}

TEST_F(DisabilityHoursStore, TheLimitIsTheParticipantsTier) {
  v1::Intake intake = testing::ValidIntake();  // moderate: 360 hours by default
  sdk::CaseContext context = Context("2026-10-02");
  context.intake = &intake;
  for (int day = 0; day < 15; ++day) {
    ASSERT_TRUE(plugin_.OnAccepted(sdk::Step::kContact, Hours(24), context, data_).ok()) << day;
  }
  EXPECT_EQ(plugin_.OnAccepted(sdk::Step::kContact, Hours(0.5), context, data_).refusal()->code,
            "HOURS_LIMIT");
  intake.mutable_certificate()->set_multiple_disability(true);  // 480 hours
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kContact, Hours(0.5), context, data_).ok());
}

TEST_F(DisabilityHoursStore, WarnsWhenTheYearsHoursPassThePlan) {
  v1::Plan plan = testing::ValidPlan();                                      // 2026
  plan.mutable_activities()->DeleteSubrange(1, plan.activities_size() - 1);  // 60 hours
  sdk::CaseContext context = Context("2026-10-02");
  context.plan = &plan;
  auto codes = [&](double hours) {
    return testing::WarningCodes(
        plugin_.OnAccepted(sdk::Step::kContact, Hours(hours), context, data_));
  };
  EXPECT_TRUE(codes(24).empty());
  EXPECT_TRUE(codes(24).empty());
  EXPECT_TRUE(codes(12).empty()) << "60 hours: the plan, not over it";
  EXPECT_EQ(codes(1), std::vector<std::string>{"HOURS_OVER_PLAN"});
  // The 2026 plan says nothing about 2027.
  context.step_date = testing::D("2027-01-04");
  EXPECT_TRUE(codes(8).empty());
}

TEST_F(DisabilityHoursStore, TheTableRefusesImpossibleHours) {
  // The validator stops these first; the table is the last line of defence.
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kContact, Hours(25), Context("2026-10-02"), data_);
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST_F(DisabilityHoursStore, OtherStepsWriteNothing) {
  const sdk::CaseContext context = Context("2027-02-20");
  EXPECT_TRUE(plugin_.OnAccepted(sdk::Step::kReview, testing::ValidReview(), context, data_).ok());
  EXPECT_TRUE(
      plugin_.OnAccepted(sdk::Step::kOutcome, testing::ValidOutcome(), context, data_).ok());
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST_F(DisabilityHoursStore, ContactOfAnotherTypeIsAnInternalError) {
  const sdk::Status status =
      plugin_.OnAccepted(sdk::Step::kContact, testing::ValidReview(), Context("2026-10-02"), data_);
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_TRUE(Rows(data_.sql()).empty());
}

TEST(DisabilityHoursStoreFailure, DatabaseErrorIsReturnedNotThrown) {
  sdk::testing::SqliteSession data;  // no migration applied: the table is missing
  sdk::Status status;
  EXPECT_NO_THROW(status = DisabilityPlugin().OnAccepted(sdk::Step::kContact, ValidContact(),
                                                         Context("2026-10-02"), data));
  EXPECT_EQ(status.code(), sdk::Code::kInternal);
  EXPECT_NE(status.message().find("disability_hours_delivered"), std::string::npos)
      << status.message();
}

}  // namespace
}  // namespace assist::disability
