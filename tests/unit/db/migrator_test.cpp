#include "db/migrator.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "db/core_schema.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

using testing::MakeCoreDatabase;
using testing::TempDir;

class MigratorTest : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  void SetUp() override {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = testing::MakeCoreDatabase(dir_, GetParam());
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
};

sdk::Migration Notes(int version, const std::string& sql) { return {version, "notes", sql, sql}; }

TEST(SplitStatementsTest, SplitsOnSemicolonsThatEndALine) {
  auto parts = SplitStatements("CREATE TABLE a (x INT);\n  CREATE TABLE b (y TEXT) ;\n\n");
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], "CREATE TABLE a (x INT)");
  EXPECT_EQ(parts[1], "CREATE TABLE b (y TEXT) ");
  // A ';' inside a line (trigger bodies) does not split.
  EXPECT_EQ(SplitStatements("BEGIN SELECT 1; END;\n").size(), 1u);
}

TEST_P(MigratorTest, AppliesEachVersionOnceAcrossRestarts) {
  std::vector<sdk::Migration> migrations = {
      Notes(1, "CREATE TABLE plug_notes (id INTEGER NOT NULL, body TEXT NOT NULL);"),
      Notes(2, "CREATE INDEX plug_notes_id ON plug_notes (id);")};
  EXPECT_EQ(ApplyMigrations(*db_, "plug", migrations), 2);
  EXPECT_EQ(ApplyMigrations(*db_, "plug", migrations), 0);
  migrations.push_back(Notes(3, "ALTER TABLE plug_notes ADD COLUMN extra TEXT;"));
  EXPECT_EQ(ApplyMigrations(*db_, "plug", migrations), 1);
  soci::session sql(db_->pool());
  int rows = 0;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE owner = 'plug'", soci::into(rows);
  EXPECT_EQ(rows, 3);
}

TEST_P(MigratorTest, AFailingMigrationLeavesNothingBehind) {
  std::vector<sdk::Migration> migrations = {
      Notes(1, "CREATE TABLE half_done (id INTEGER);\nTHIS IS NOT SQL;")};
  EXPECT_THROW(ApplyMigrations(*db_, "half", migrations), std::exception);
  soci::session sql(db_->pool());
  int rows = -1;
  sql << "SELECT COUNT(*) FROM schema_migrations WHERE owner = 'half'", soci::into(rows);
  EXPECT_EQ(rows, 0);
  // The table of the first statement was rolled back with the rest.
  EXPECT_NO_THROW(
      ApplyMigrations(*db_, "half", {Notes(1, "CREATE TABLE half_done (id INTEGER);")}));
}

TEST_P(MigratorTest, RejectsRepeatedVersions) {
  EXPECT_THROW(ApplyMigrations(*db_, "twice", {Notes(1, "SELECT 1;"), Notes(1, "SELECT 2;")}),
               std::runtime_error);
}

TEST_P(MigratorTest, TheAuditTrailCannotBeChangedEvenWithSql) {
  soci::session sql(db_->pool());
  sql << "INSERT INTO audit_events (at, actor_id, role, centre_id, rpc, case_id, action, detail, "
         "request_id) VALUES ('t', 'a', 1, 'c', 'GetCase', 1, 'read', '', 'r')";
  EXPECT_THROW(sql << "UPDATE audit_events SET actor_id = 'someone else'", soci::soci_error);
  EXPECT_THROW(sql << "DELETE FROM audit_events", soci::soci_error);
  int rows = 0;
  sql << "SELECT COUNT(*) FROM audit_events WHERE actor_id = 'a'", soci::into(rows);
  EXPECT_EQ(rows, 1);
}

// Core migration 14 (plan decisions): every plan version submitted before it predates the approval
// step (decision 3), so a type that now requires approval keeps its running programmes in force;
// no other document kind gets a row.
TEST_P(MigratorTest, CoreMigration14MarksThePlansOfBeforeItAsPredatingApproval) {
  {
    TempDir dir;
    auto db = MakeCoreDatabase(dir, GetParam(), 4, 12);
    {
      soci::session sql(db->pool());
      sql << "INSERT INTO centres (id, name, municipality, created_at) VALUES ('c', 'C', 'm', 't')";
      sql << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at) "
             "VALUES ('c', 'Marek', 'Z', '1971-05-30', 't')";
      long long person = 0;
      sql << "SELECT MAX(id) FROM people", soci::into(person);
      sql << "INSERT INTO cases (centre_id, type_id, person_id, status, referred_by, "
             "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
             "work_started_on, intake_version, plan_version, last_review_on, next_review_due, "
             "closed_on, closure_reason, monitoring_until, created_at, updated_at) VALUES ('c', "
             "'homelessness', :p, 1, 'w', 'r', '2025-01-10', '', '', 0, '', '', 1, 2, '', '', '', "
             "0, '', 't', 't')",
          soci::use(person);
      long long case_id = 0;
      sql << "SELECT MAX(id) FROM cases", soci::into(case_id);
      for (const char* document : {"'intake', 1", "'plan', 1", "'plan', 2"}) {
        sql << "INSERT INTO case_documents (case_id, kind, version, type_name, payload_json, "
               "submitted_by, submitted_at) VALUES (:c, " +
                   std::string(document) + ", 't', '{}', 'a', 't')",
            soci::use(case_id);
      }
    }
    ApplyMigrations(*db, "core", CoreMigrations());
    soci::session sql(db->pool());
    int rows = 0, predating = 0;
    sql << "SELECT COUNT(*) FROM plan_decisions", soci::into(rows);
    sql << "SELECT COUNT(*) FROM plan_decisions WHERE decision = 3 AND plan_kind = 'plan'",
        soci::into(predating);
    EXPECT_EQ(rows, 2);
    EXPECT_EQ(predating, 2);
  }
}

// Core migration 15 (consent per person): a decision of before it stays the whole
// case's (no person, giver not known); a new row's person must exist and its giver be one of the
// four.
TEST_P(MigratorTest, CoreMigration15KeepsEarlierConsentAsTheWholeCasesAndHoldsThePerson) {
  TempDir dir;
  auto db = MakeCoreDatabase(dir, GetParam(), 4, 14);
  long long case_id = 0, person = 0;
  {
    soci::session sql(db->pool());
    sql << "INSERT INTO centres (id, name, municipality, created_at) VALUES ('c', 'C', 'm', 't')";
    sql << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at) "
           "VALUES ('c', 'Marek', 'Z', '1971-05-30', 't')";
    sql << "SELECT MAX(id) FROM people", soci::into(person);
    sql << "INSERT INTO cases (centre_id, type_id, person_id, status, referred_by, "
           "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
           "work_started_on, intake_version, plan_version, last_review_on, next_review_due, "
           "closed_on, closure_reason, monitoring_until, created_at, updated_at) VALUES ('c', "
           "'family', :p, 1, 'w', 'r', '2025-01-10', '', '', 2, '2025-01-20', '', 0, 0, '', '', "
           "'', 0, '', 't', 't')",
        soci::use(person);
    sql << "SELECT MAX(id) FROM cases", soci::into(case_id);
    sql << "INSERT INTO consent_decisions (case_id, decision, decided_on, note, recorded_by, "
           "recorded_at) VALUES (:c, 2, '2025-01-20', 'signed', 'w', 't')",
        soci::use(case_id);
  }
  ApplyMigrations(*db, "core", CoreMigrations());
  soci::session sql(db->pool());
  int whole_case = 0;
  sql << "SELECT COUNT(*) FROM consent_decisions WHERE person_id IS NULL AND given_by = 0 AND "
         "given_by_name = ''",
      soci::into(whole_case);
  EXPECT_EQ(whole_case, 1);
  const std::string insert =
      "INSERT INTO consent_decisions (case_id, person_id, decision, given_by, given_by_name, "
      "decided_on, note, recorded_by, recorded_at) VALUES (:c, :p, 2, :g, '', '2025-02-01', '', "
      "'w', 't')";
  long long nobody = person + 100;
  int self = 1, unknown_giver = 7;
  EXPECT_THROW((sql << insert, soci::use(case_id), soci::use(nobody), soci::use(self)),
               soci::soci_error);
  EXPECT_THROW((sql << insert, soci::use(case_id), soci::use(person), soci::use(unknown_giver)),
               soci::soci_error);
  EXPECT_NO_THROW((sql << insert, soci::use(case_id), soci::use(person), soci::use(self)));
}

// Core migration 19 (identity quality): everyone registered before it, and the values kept before
// a correction, have a FULL name and birth date; a value outside the three is refused.
TEST_P(MigratorTest, CoreMigration19MakesEveryoneOfBeforeItFullyIdentified) {
  TempDir dir;
  auto db = MakeCoreDatabase(dir, GetParam(), 4, 18);
  long long person = 0;
  {
    soci::session sql(db->pool());
    sql << "INSERT INTO centres (id, name, municipality, created_at) VALUES ('c', 'C', 'm', 't')";
    sql << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at) "
           "VALUES ('c', 'Marek', 'Z', '1971-05-30', 't')";
    sql << "SELECT MAX(id) FROM people", soci::into(person);
    sql << "INSERT INTO person_history (person_id, changed_at, changed_by, fields, given_name, "
           "family_name, birth_date, pesel, case_file_ref) VALUES (:p, 't', 'w', 'family_name', "
           "'Marek', 'Y', '1971-05-30', '', '')",
        soci::use(person);
  }
  ApplyMigrations(*db, "core", CoreMigrations());
  soci::session sql(db->pool());
  int full_people = 0, full_history = 0;
  sql << "SELECT COUNT(*) FROM people WHERE name_quality = 1 AND birth_date_quality = 1",
      soci::into(full_people);
  sql << "SELECT COUNT(*) FROM person_history WHERE name_quality = 1 AND birth_date_quality = 1",
      soci::into(full_history);
  EXPECT_EQ(full_people, 1);
  EXPECT_EQ(full_history, 1);
  EXPECT_THROW(sql << "UPDATE people SET name_quality = 0", soci::soci_error);
  EXPECT_THROW(sql << "UPDATE people SET birth_date_quality = 4", soci::soci_error);
  // An unknown birth date is the empty one, which the NOT NULL column takes.
  EXPECT_NO_THROW(sql << "UPDATE people SET birth_date = '', birth_date_quality = 3");
}

INSTANTIATE_TEST_SUITE_P(Backends, MigratorTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
