// Retention: who is anonymised (the rule of core schema 3, unchanged: a person or family loses the
// name once none of their cases is left un-anonymised, a person's cases including those of their
// families), and the background sweep that does it in short batches (retention/retention_sweeper).
#include <gmock/gmock.h>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "db/migrator.hpp"
#include "domain/case_workflow.hpp"
#include "domain/data_rights.hpp"
#include "domain/people.hpp"
#include "domain/people_history.hpp"
#include "retention/retention_sweeper.hpp"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;

constexpr int kYears = 10;
constexpr const char* kLongAgo = "2010-03-01";  // due for any as_of after 2020-03-01

using testing::As;

class RetentionTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override { SetUpWorkflow(kYears); }

  void Exec(const std::string& sql) {
    soci::session s(db_->pool());
    s << sql;
  }

  long long NewPerson(const std::string& name, const Identity& who) {
    CreatePersonRequest p;
    p.set_given_name(name);
    p.set_family_name("Kowalska");
    p.set_birth_date("1980-05-17");
    return Do([&](Transaction& tx) { return CreatePerson(tx, who, p); }).id();
  }
  long long NewPerson(const std::string& name) { return NewPerson(name, worker_); }

  long long NewFamily(const std::string& name, const std::vector<long long>& members) {
    CreateFamilyRequest f;
    f.set_name(name);
    for (long long id : members) {
      auto* m = f.add_members();
      m->set_person_id(id);
      m->set_relation(FAMILY_RELATION_PARENT);
    }
    return Do([&](Transaction& tx) { return CreateFamily(tx, worker_, f); }).id();
  }

  long long Open(long long person_id, long long family_id, const Identity& who) {
    OpenCaseRequest r;
    r.set_type_id("testplug");
    if (person_id != 0) r.set_person_id(person_id);
    if (family_id != 0) r.set_family_id(family_id);
    r.set_referral_reason("debts");
    r.set_referred_on("2009-01-10");
    return Do([&](Transaction& tx) { return workflow_->OpenCase(tx, who, r); }).id();
  }
  long long OpenForPerson(long long person_id) { return Open(person_id, 0, worker_); }
  long long OpenForFamily(long long family_id) { return Open(0, family_id, worker_); }

  // Closed on `closed_on` (the workflow refuses dates this old, so the row is written directly).
  void Close(long long case_id, const std::string& closed_on = kLongAgo) {
    Exec("UPDATE cases SET status = " + std::to_string(CASE_STATUS_CLOSED) + ", closed_on = '" +
         closed_on + "' WHERE id = " + std::to_string(case_id));
  }

  std::vector<long long> AnonymiseNow() {
    return Do(
        [&](Transaction& tx) { return AnonymiseExpiredCases(tx, head_, sdk::Today(), kYears); });
  }

  std::string GivenName(long long person_id) {
    return Text("SELECT given_name FROM people WHERE id = " + std::to_string(person_id));
  }
  std::string FamilyName(long long family_id) {
    return Text("SELECT name FROM families WHERE id = " + std::to_string(family_id));
  }
  bool Anonymised(long long case_id) {
    return Count("SELECT COUNT(*) FROM cases WHERE anonymised_at <> '' AND id = " +
                 std::to_string(case_id)) == 1;
  }

  // People and families of north where the rule as the sweep wrote it until core schema 5 (one
  // UPDATE over the whole centre) disagrees with what is stored: anonymised exactly when some
  // case of theirs is anonymised and none is left un-anonymised.
  long long DisagreementsWithTheRule() {
    const std::string person_cases =
        "FROM cases k WHERE k.anonymised_at {op} '' AND (k.person_id = people.id OR k.family_id "
        "IN (SELECT m.family_id FROM family_members m WHERE m.person_id = people.id))";
    auto with = [](std::string text, const std::string& op) {
      return text.replace(text.find("{op}"), 4, op);
    };
    long long people = Count(
        "SELECT COUNT(*) FROM people WHERE centre_id = 'north' AND (CASE WHEN given_name = "
        "'anonymised' THEN 1 ELSE 0 END) <> (CASE WHEN EXISTS (SELECT 1 " +
        with(person_cases, "<>") + ") AND NOT EXISTS (SELECT 1 " + with(person_cases, "=") +
        ") THEN 1 ELSE 0 END)");
    long long families = Count(
        "SELECT COUNT(*) FROM families WHERE centre_id = 'north' AND (CASE WHEN name = "
        "'anonymised' THEN 1 ELSE 0 END) <> (CASE WHEN EXISTS (SELECT 1 FROM cases k WHERE "
        "k.family_id = families.id AND k.anonymised_at <> '') AND NOT EXISTS (SELECT 1 FROM cases "
        "k WHERE k.family_id = families.id AND k.anonymised_at = '') THEN 1 ELSE 0 END)");
    return people + families;
  }
};

TEST_P(RetentionTest, APersonOrFamilyLosesTheNameWithTheLastKeptCase) {
  // alone: one case, expired.
  long long alone = NewPerson("Alicja");
  long long alone_case = OpenForPerson(alone);
  Close(alone_case);
  // busy: one expired case and one open.
  long long busy = NewPerson("Barbara");
  long long busy_old = OpenForPerson(busy);
  Close(busy_old);
  long long busy_open = OpenForPerson(busy);
  // recent: closed last year, not due.
  long long recent = NewPerson("Celina");
  long long recent_case = OpenForPerson(recent);
  Close(recent_case, sdk::FormatDate(sdk::AddMonths(sdk::Today(), -12)));
  // A family whose only case expired; one member also has an open case of her own.
  long long mother = NewPerson("Danuta"), child = NewPerson("Ewa");
  long long family = NewFamily("Kowalscy", {mother, child});
  long long family_case = OpenForFamily(family);
  Close(family_case);
  long long child_open = OpenForPerson(child);
  // A family with an expired case and an open one: the family and its member keep their names.
  long long member = NewPerson("Felicja");
  long long kept_family = NewFamily("Nowakowie", {member});
  long long kept_family_old = OpenForFamily(kept_family);
  Close(kept_family_old);
  long long kept_family_open = OpenForFamily(kept_family);
  // A person whose own case expired but whose family is still helped.
  long long helped = NewPerson("Grażyna");
  long long helped_family = NewFamily("Wiśniewscy", {helped});
  long long helped_family_open = OpenForFamily(helped_family);
  long long helped_own = OpenForPerson(helped);
  Close(helped_own);
  // Another centre's expired case is not north's to anonymise.
  long long southern = NewPerson("Halina", south_worker_);
  long long southern_case = Open(southern, 0, south_worker_);
  Close(southern_case);

  std::vector<long long> done = AnonymiseNow();
  std::vector<long long> expected = {alone_case, busy_old, family_case, kept_family_old,
                                     helped_own};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(done, expected);
  EXPECT_EQ(GivenName(alone), "anonymised");
  EXPECT_EQ(Text("SELECT birth_date FROM people WHERE id = " + std::to_string(alone)),
            "1980-01-01");
  EXPECT_EQ(GivenName(busy), "Barbara");
  EXPECT_EQ(GivenName(recent), "Celina");
  EXPECT_FALSE(Anonymised(recent_case));
  EXPECT_EQ(FamilyName(family), "anonymised");
  EXPECT_EQ(GivenName(mother), "anonymised");
  EXPECT_EQ(GivenName(child), "Ewa");
  EXPECT_EQ(FamilyName(kept_family), "Nowakowie");
  EXPECT_EQ(GivenName(member), "Felicja");
  EXPECT_EQ(GivenName(helped), "Grażyna");
  EXPECT_EQ(FamilyName(helped_family), "Wiśniewscy");
  EXPECT_EQ(GivenName(southern), "Halina");
  EXPECT_FALSE(Anonymised(southern_case));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApplyRetention'"), 5);
  for (long long id : expected) {
    EXPECT_EQ(
        Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApplyRetention' AND case_id = " +
              std::to_string(id)),
        1);
  }
  EXPECT_EQ(DisagreementsWithTheRule(), 0);

  // Their last kept cases expire too: now everyone goes.
  for (long long id : {busy_open, child_open, kept_family_open, helped_family_open}) Close(id);
  done = AnonymiseNow();
  EXPECT_EQ(done.size(), 4u);
  for (long long id : {busy, child, member, helped}) EXPECT_EQ(GivenName(id), "anonymised") << id;
  EXPECT_EQ(FamilyName(kept_family), "anonymised");
  EXPECT_EQ(FamilyName(helped_family), "anonymised");
  EXPECT_EQ(GivenName(recent), "Celina");
  EXPECT_EQ(DisagreementsWithTheRule(), 0);
  EXPECT_TRUE(AnonymiseNow().empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApplyRetention'"), 9);
}

// Anonymisation keeps the year of a birth date, which is then only approximate; an unknown birth
// date stays empty (not "-01-01").
TEST_P(RetentionTest, AnUnknownBirthDateStaysUnknownWhenAnonymised) {
  const long long dated = NewPerson("Alicja");
  CreatePersonRequest street;
  street.set_given_name("Rysiek");
  street.set_name_quality(NAME_QUALITY_PARTIAL);
  street.set_birth_date_quality(BIRTH_DATE_QUALITY_UNKNOWN);
  const long long undated =
      Do([&](Transaction& tx) { return CreatePerson(tx, worker_, street); }).id();
  Close(OpenForPerson(dated));
  Close(OpenForPerson(undated));
  EXPECT_EQ(AnonymiseNow().size(), 2u);
  auto birth = [&](long long id) {
    return Text("SELECT birth_date || ' ' || birth_date_quality FROM people WHERE id = " +
                std::to_string(id));
  };
  EXPECT_EQ(birth(dated), "1980-01-01 2");  // APPROXIMATE
  EXPECT_EQ(birth(undated), " 3");          // UNKNOWN
  EXPECT_EQ(GivenName(undated), "anonymised");
}

// A member who left a family is still a subject of the family's cases from before: the access
// request shows them, and the name goes only when those cases are anonymised.
TEST_P(RetentionTest, AMemberWhoLeftIsExportedWithTheFamilyAndForgottenWithIt) {
  long long father = NewPerson("Jan"), mother = NewPerson("Maria");
  long long family = NewFamily("Lewandowscy", {father, mother});
  long long family_case = OpenForFamily(family);
  UpdateFamilyRequest left;
  left.set_id(family);
  auto* change = left.add_changes();
  change->set_person_id(father);
  change->set_change(MEMBERSHIP_CHANGE_LEFT);
  change->set_effective_on(sdk::FormatDate(sdk::Today()));
  left.set_name("Lewandowscy-Nowak");  // renamed as he leaves: the old name is kept
  Do([&](Transaction& tx) { return UpdateFamily(tx, worker_, left); });
  long long own_case = OpenForPerson(mother);

  const std::string json =
      Do([&](Transaction& tx) { return ExportPersonData(tx, head_, father); }).json();
  EXPECT_NE(json.find("\"name\": \"Lewandowscy-Nowak\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"name\": \"Lewandowscy\""), std::string::npos) << json;  // former
  EXPECT_NE(json.find("MEMBERSHIP_CHANGE_LEFT"), std::string::npos) << json;     // the history
  google::protobuf::Struct exported;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &exported).ok());
  std::vector<std::string> case_ids;
  for (const auto& entry : exported.fields().at("cases").list_value().values()) {
    case_ids.push_back(
        entry.struct_value().fields().at("case").struct_value().fields().at("id").string_value());
  }
  EXPECT_EQ(case_ids, std::vector<std::string>{std::to_string(family_case)});  // not hers

  Close(own_case);
  EXPECT_EQ(AnonymiseNow(), std::vector<long long>{own_case});
  EXPECT_EQ(GivenName(father), "Jan");  // the family's case is kept
  EXPECT_EQ(GivenName(mother), "Maria");
  Close(family_case);
  EXPECT_EQ(AnonymiseNow(), std::vector<long long>{family_case});
  EXPECT_EQ(GivenName(father), "anonymised");
  EXPECT_EQ(GivenName(mother), "anonymised");
  EXPECT_EQ(FamilyName(family), "anonymised");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM family_name_history"), 0);
}

TEST_P(RetentionTest, ABatchTakesAtMostItsShareAndTheRestIsLeftForTheNext) {
  std::vector<long long> cases;
  for (int i = 0; i < 7; ++i) {
    cases.push_back(OpenForPerson(NewPerson("P" + std::to_string(i))));
    Close(cases.back());
  }
  RetentionBatch batch;
  batch.max_cases = 3;
  auto first = Do([&](Transaction& tx) {
    return AnonymiseExpiredCases(tx, head_, sdk::Today(), kYears, batch);
  });
  EXPECT_EQ(first.size(), 3u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE anonymised_at <> ''"), 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE given_name = 'anonymised'"), 3);
  EXPECT_EQ(DisagreementsWithTheRule(), 0);
}

// A realistic mix, swept by the background sweep in transactions of four cases.
TEST_P(RetentionTest, TheSweepAnonymisesEverythingDueAcrossManyBatches) {
  long long due = 0;
  std::vector<long long> kept_people;
  for (int i = 0; i < 12; ++i) {
    long long person = NewPerson("Osoba" + std::to_string(i));
    long long c = OpenForPerson(person);
    if (i % 3 == 2) {
      kept_people.push_back(person);  // still open
    } else {
      Close(c);
      ++due;
    }
  }
  std::vector<long long> families;
  for (int f = 0; f < 5; ++f) {
    std::vector<long long> members;
    for (int m = 0; m < 3; ++m) members.push_back(NewPerson("Członek" + std::to_string(f * 3 + m)));
    long long family = NewFamily("Rodzina" + std::to_string(f), members);
    families.push_back(family);
    Close(OpenForFamily(family));
    ++due;
    // Two cases of one member: expired in an earlier batch or a later one, kept in the end.
    if (f == 1) {
      long long own = OpenForPerson(members[0]);
      Close(own);
      ++due;
      kept_people.push_back(members[1]);
      OpenForPerson(members[1]);
    }
  }
  Open(NewPerson("Południe", south_worker_), 0, south_worker_);  // open, kept
  long long southern_due = Open(NewPerson("Południowa", south_worker_), 0, south_worker_);
  Close(southern_due);

  SweepOptions options;
  options.batch = RetentionBatch{4, std::chrono::milliseconds(0)};
  options.pause = std::chrono::milliseconds(0);
  int waits = 0;
  SweepOutcome outcome = SweepRetention(*db_, *workflow_, options, [&](std::chrono::milliseconds) {
    ++waits;
    return true;
  });
  EXPECT_FALSE(outcome.skipped);
  EXPECT_FALSE(outcome.stopped);
  EXPECT_EQ(outcome.anonymised, static_cast<std::size_t>(due + 1));
  // north: 14 due, so 4 + 4 + 4 + 2 and one that finds nothing; south: one and one.
  EXPECT_EQ(outcome.transactions, 7u);
  EXPECT_EQ(waits, 5);  // after every transaction that wrote, before the next
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE anonymised_at <> '' AND centre_id = 'north'"),
            due);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApplyRetention' AND "
                  "request_id = 'retention-sweep' AND centre_id = 'north'"),
            due);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE anonymised_at = '' AND status = " +
                  std::to_string(CASE_STATUS_CLOSED)),
            0);
  for (long long id : kept_people) EXPECT_NE(GivenName(id), "anonymised") << id;
  for (long long id : families) EXPECT_EQ(FamilyName(id), "anonymised") << id;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE given_name = 'anonymised' AND centre_id = "
                  "'north'"),
            8 + 15 - 1);
  EXPECT_EQ(DisagreementsWithTheRule(), 0);

  // Nothing left: one empty transaction per centre.
  SweepOutcome again = SweepRetention(*db_, *workflow_, options);
  EXPECT_EQ(again.anonymised, 0u);
  EXPECT_EQ(again.transactions, 2u);
}

// The daily sweep also ends monitoring whose last day has passed, as the host, audited per case.
TEST_P(RetentionTest, TheSweepEndsMonitoringWhoseLastDayHasPassed) {
  const std::string yesterday = sdk::FormatDate(sdk::AddDays(sdk::Today(), -1));
  const std::string today = sdk::FormatDate(sdk::Today());
  auto monitored_until = [&](const std::string& until, const Identity& who) {
    long long id = Open(NewPerson("M" + until, who), 0, who);
    Exec("UPDATE cases SET status = " + std::to_string(CASE_STATUS_MONITORING) +
         ", closed_on = '2025-01-10', monitoring_until = '" + until +
         "' WHERE id = " + std::to_string(id));
    return id;
  };
  const long long lapsed = monitored_until(yesterday, worker_);
  const long long last_day_today = monitored_until(today, worker_);
  const long long southern = monitored_until(yesterday, south_worker_);
  auto status = [&](long long id) {
    return Count("SELECT status FROM cases WHERE id = " + std::to_string(id));
  };

  SweepOptions options;
  options.pause = std::chrono::milliseconds(0);
  const SweepOutcome outcome = SweepRetention(*db_, *workflow_, options);
  EXPECT_EQ(outcome.monitoring_ended, 2u);
  EXPECT_EQ(outcome.anonymised, 0u);
  EXPECT_EQ(status(lapsed), CASE_STATUS_MONITORING_ENDED);
  EXPECT_EQ(status(southern), CASE_STATUS_MONITORING_ENDED);
  EXPECT_EQ(status(last_day_today), CASE_STATUS_MONITORING);  // still monitored today
  EXPECT_THAT(
      Text("SELECT detail FROM audit_events WHERE rpc = 'EndMonitoring' AND case_id = " +
           std::to_string(lapsed)),
      ::testing::StartsWith("monitoring ended on its own: its last day " + yesterday + " passed"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'EndMonitoring' AND actor_id = "
                  "'assist-host' AND request_id = 'retention-sweep'"),
            2);
  EXPECT_EQ(SweepRetention(*db_, *workflow_, options).monitoring_ended, 0u);
}

// Street outreach contacts never linked to a case go once their short retention has passed;
// linked ones stay with their case.
TEST_P(RetentionTest, TheSweepDeletesUnlinkedOutreachContactsPastTheirRetention) {
  const std::string yesterday = sdk::FormatDate(sdk::AddDays(sdk::Today(), -1));
  const std::string today = sdk::FormatDate(sdk::Today());
  const long long linked_case = OpenForPerson(NewPerson("Rysiek"));
  auto contact = [&](const std::string& centre, const std::string& keep_until,
                     const std::string& case_id) {
    Exec(
        "INSERT INTO outreach_contacts (centre_id, type_id, contact_on, pseudonym, description, "
        "identity_quality, place, needs_met, notes, recorded_by, recorded_at, case_id, "
        "keep_until) VALUES ('" +
        centre +
        "', 'testplug', '2026-01-05', 'Pan Rysiek', '', 2, "
        "'dworzec', '1', '', 'wanda', '2026-01-05T10:00:00Z', " +
        case_id + ", '" + keep_until + "')");
  };
  contact("north", yesterday, "NULL");                // past its retention
  contact("north", today, "NULL");                    // its last day
  contact("north", "", std::to_string(linked_case));  // linked: kept with the case
  contact("south", yesterday, "NULL");                // south's, past its retention

  SweepOptions options;
  options.pause = std::chrono::milliseconds(0);
  EXPECT_EQ(SweepRetention(*db_, *workflow_, options).outreach_deleted, 2u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_contacts WHERE centre_id = 'north'"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM outreach_contacts WHERE centre_id = 'south'"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'ApplyRetention' AND case_id = 0 "
                  "AND actor_id = 'assist-host' AND detail LIKE '1 unlinked outreach contacts%'"),
            2);
  EXPECT_EQ(SweepRetention(*db_, *workflow_, options).outreach_deleted, 0u);

  // A linked contact's free text goes with its case's.
  Close(linked_case);
  AnonymiseNow();
  EXPECT_EQ(Text("SELECT pseudonym FROM outreach_contacts WHERE case_id = " +
                 std::to_string(linked_case)),
            "");
}

TEST_P(RetentionTest, TheSweepStopsBetweenBatchesWhenAsked) {
  for (int i = 0; i < 10; ++i) Close(OpenForPerson(NewPerson("P" + std::to_string(i))));
  SweepOptions options;
  options.batch = RetentionBatch{4, std::chrono::milliseconds(0)};
  SweepOutcome outcome =
      SweepRetention(*db_, *workflow_, options, [](std::chrono::milliseconds) { return false; });
  EXPECT_TRUE(outcome.stopped);
  EXPECT_EQ(outcome.anonymised, 4u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE anonymised_at <> ''"), 4);
  EXPECT_EQ(
      SweepRetention(*db_, *workflow_, options, [](std::chrono::milliseconds) { return true; })
          .anonymised,
      6u);
}

// PostgreSQL: a host that does not get the advisory lock leaves the round to the one that has it.
TEST_P(RetentionTest, OnPostgresqlOnlyTheHostHoldingTheLockSweeps) {
  if (GetParam() != sdk::Backend::kPostgresql) GTEST_SKIP() << "one host per SQLite file";
  Close(OpenForPerson(NewPerson("Irena")));
  long long key = kRetentionSweepLockKey;
  {
    soci::session other_host(db_->pool());
    int got = 0;
    other_host << "SELECT CASE WHEN pg_try_advisory_lock(:k) THEN 1 ELSE 0 END", soci::use(key),
        soci::into(got);
    ASSERT_EQ(got, 1);
    SweepOutcome outcome = SweepRetention(*db_, *workflow_);
    EXPECT_TRUE(outcome.skipped);
    EXPECT_EQ(outcome.transactions, 0u);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE anonymised_at <> ''"), 0);
    other_host << "SELECT CASE WHEN pg_advisory_unlock(:k) THEN 1 ELSE 0 END", soci::use(key),
        soci::into(got);
  }
  SweepOutcome outcome = SweepRetention(*db_, *workflow_);
  EXPECT_FALSE(outcome.skipped);
  EXPECT_EQ(outcome.anonymised, 1u);
  // The sweep gave its lock back.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                  "(SELECT oid FROM pg_database WHERE datname = current_database())"),
            0);
}

INSTANTIATE_TEST_SUITE_P(Backends, RetentionTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
