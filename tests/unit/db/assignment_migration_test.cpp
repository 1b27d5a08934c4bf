// Core migration 13 on a database from before it (core schema 12), on each backend: every case
// with an assistant gets that assistant as its current primary, from the day of the assignment
// (else the start of the work, else the referral), and an assistant missing from the centre's
// register is registered inactive with the types of their cases, so that the key holds.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "db/core_schema.hpp"
#include "db/migrator.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

using testing::TempDir;

class AssignmentMigrationTest : public ::testing::TestWithParam<sdk::Backend> {};

// A case of its own person (people 1 to 4 exist), referred on 2025-01-10.
void AddCase(Transaction& tx, long long person, const std::string& assistant,
             const std::string& assigned_on, const std::string& work_started_on) {
  tx.sql() << "INSERT INTO cases (centre_id, type_id, person_id, status, referred_by, "
              "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
              "work_started_on, intake_version, plan_version, last_review_on, next_review_due, "
              "closed_on, closure_reason, monitoring_until, created_at, updated_at) VALUES "
              "('c', 'family', :p, 1, 'w', '', '2025-01-10', :a, :ao, 0, '', :ws, 0, 0, '', '', "
              "'', 0, '', '2025-01-10T08:00:00Z', '2025-02-01T08:00:00Z')",
      soci::use(person), soci::use(assistant), soci::use(assigned_on), soci::use(work_started_on);
}

TEST_P(AssignmentMigrationTest, EachAssignedCaseGetsItsPrimaryAssignment) {
  ASSIST_REQUIRE_BACKEND(GetParam());
  TempDir dir;
  auto db = testing::MakeCoreDatabase(dir, GetParam(), 2, 12);
  db->InTransaction([](Transaction& tx) {
    tx.sql() << "INSERT INTO centres (id, name, municipality, created_at) VALUES ('c', 'n', 'm', "
                "'2025-01-01')";
    for (int i = 0; i < 4; ++i) {
      tx.sql() << "INSERT INTO people (centre_id, given_name, family_name, birth_date, "
                  "created_at) VALUES ('c', 'Anna', 'Nowak', '1990-01-01', '2025-01-01')";
    }
    tx.sql() << "INSERT INTO staff_members (centre_id, login, full_name, staff_function, "
                "employment_form, working_time_permille, qualifications, active, created_at, "
                "updated_at) VALUES ('c', 'ola', 'Ola Nowak', 1, 1, 1000, '', 1, 't', 't')";
    tx.sql() << "INSERT INTO staff_member_types (centre_id, login, type_id) VALUES ('c', 'ola', "
                "'disability')";
    AddCase(tx, 1, "ola", "2025-01-15", "2025-01-20");
    AddCase(tx, 2, "old", "", "2025-01-20");
    AddCase(tx, 3, "old", "", "");
    AddCase(tx, 4, "", "", "");
  });
  ApplyMigrations(*db, "core", CoreMigrations());

  std::vector<std::string> rows;
  db->InTransaction([&](Transaction& tx) {
    std::string login, from_on, to_on;
    int role = 0;
    long long case_id = 0;
    soci::statement st =
        (tx.sql().prepare << "SELECT case_id, login, role, from_on, to_on FROM case_assignments "
                             "ORDER BY case_id",
         soci::into(case_id), soci::into(login), soci::into(role), soci::into(from_on),
         soci::into(to_on));
    st.execute();
    while (st.fetch()) {
      rows.push_back(std::to_string(case_id) + " " + login + " " + std::to_string(role) + " " +
                     from_on + " '" + to_on + "'");
    }
  });
  EXPECT_EQ(rows, (std::vector<std::string>{"1 ola 1 2025-01-15 ''", "2 old 1 2025-01-20 ''",
                                            "3 old 1 2025-01-10 ''"}));

  std::string old, ola_types;
  db->InTransaction([&](Transaction& tx) {
    std::string name, created_at, updated_at, types;
    int active = 1;
    tx.sql() << "SELECT full_name, active, created_at, updated_at FROM staff_members WHERE "
                "login = 'old'",
        soci::into(name), soci::into(active), soci::into(created_at), soci::into(updated_at);
    tx.sql() << "SELECT type_id FROM staff_member_types WHERE login = 'old'", soci::into(types);
    old = name + " " + std::to_string(active) + " " + created_at + " " + updated_at + " " + types;
    int ola = 0;
    tx.sql() << "SELECT COUNT(*) FROM staff_member_types WHERE login = 'ola'", soci::into(ola);
    ola_types = std::to_string(ola);
  });
  EXPECT_EQ(old, "old 0 2025-01-10T08:00:00Z 2025-01-10T08:00:00Z family");
  EXPECT_EQ(ola_types, "1") << "a registered member's types stay as the register has them";
}

INSTANTIATE_TEST_SUITE_P(Backends, AssignmentMigrationTest,
                         ::testing::ValuesIn(testing::TestBackends()), testing::BackendTestName);

}  // namespace
}  // namespace assist::host
