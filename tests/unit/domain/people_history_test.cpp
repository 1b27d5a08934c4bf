// People and families over time: corrections kept as history and audited by field name, members
// joining, born and leaving with effective dates; every refusal leaves nothing written; on SQLite
// and PostgreSQL.
#include "domain/people_history.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;

CreatePersonRequest Someone(const std::string& given, const std::string& birth,
                            const std::string& pesel = "") {
  CreatePersonRequest r;
  r.set_given_name(given);
  r.set_family_name("Nowak");
  r.set_birth_date(birth);
  r.set_pesel(pesel);
  return r;
}

MemberChange Change(long long person_id, MembershipChange kind, const std::string& on,
                    FamilyRelation relation = FAMILY_RELATION_UNSPECIFIED) {
  MemberChange c;
  c.set_person_id(person_id);
  c.set_change(kind);
  c.set_relation(relation);
  c.set_effective_on(on);
  return c;
}

class PeopleHistoryTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override { SetUpWorkflow(); }

  Person Create(const CreatePersonRequest& r) {
    return Do([&](Transaction& tx) { return CreatePerson(tx, worker_, r); });
  }

  Family CreateFamilyOf(long long person_id) {
    CreateFamilyRequest r;
    r.set_name("Rodzina Nowak");
    auto* m = r.add_members();
    m->set_person_id(person_id);
    m->set_relation(FAMILY_RELATION_PARENT);
    return Do([&](Transaction& tx) { return CreateFamily(tx, worker_, r); });
  }

  Family Update(const Identity& who, long long family_id, const std::vector<MemberChange>& cs) {
    UpdateFamilyRequest r;
    r.set_id(family_id);
    for (const auto& c : cs) *r.add_changes() = c;
    return Do([&](Transaction& tx) { return UpdateFamily(tx, who, r); });
  }

  template <typename F>
  grpc::StatusCode Refusal(F f) {
    try {
      f();
    } catch (const RpcError& e) {
      return e.status().error_code();
    }
    return grpc::StatusCode::OK;
  }

  std::string Detail(const std::string& rpc) {
    return Text("SELECT detail FROM audit_events WHERE rpc = '" + rpc + "' ORDER BY id DESC");
  }

  const std::string today_ = sdk::FormatDate(sdk::Today());
};

TEST_P(PeopleHistoryTest, ACorrectionKeepsTheOldValuesAndNamesTheFieldsInTheTrail) {
  const Person jan = Create(Someone("Jan", "1980-05-01", "80050101234"));
  UpdatePersonRequest r;
  r.set_id(jan.id());
  r.set_family_name("Kowalski");
  r.set_case_file_ref("OPS-2026/3");
  r.set_given_name("Jan");  // the same value: not a change
  const Person updated = Do([&](Transaction& tx) { return UpdatePerson(tx, head_, r); });
  EXPECT_EQ(updated.family_name(), "Kowalski");
  EXPECT_EQ(updated.case_file_ref(), "OPS-2026/3");
  EXPECT_EQ(updated.pesel(), "80050101234");
  ASSERT_EQ(updated.history_size(), 1);
  const PersonChange& old = updated.history(0);
  ASSERT_EQ(old.fields_size(), 2);
  EXPECT_EQ(old.fields(0), "family_name");
  EXPECT_EQ(old.fields(1), "case_file_ref");
  EXPECT_EQ(old.family_name(), "Nowak");
  EXPECT_EQ(old.case_file_ref(), "");
  EXPECT_EQ(old.changed_by(), "head");
  EXPECT_EQ(Detail("UpdatePerson"),
            "person " + std::to_string(jan.id()) + " changed: family_name, case_file_ref");
  // The PESEL removed (a foreigner's number typed by mistake), then read back with the history.
  UpdatePersonRequest remove;
  remove.set_id(jan.id());
  remove.set_pesel("");
  Do([&](Transaction& tx) { return UpdatePerson(tx, worker_, remove); });
  const Person read = Do([&](Transaction& tx) { return GetPerson(tx, worker_, jan.id()); });
  EXPECT_EQ(read.pesel(), "");
  ASSERT_EQ(read.history_size(), 2);
  EXPECT_EQ(read.history(1).pesel(), "80050101234");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE pesel IS NULL"), 1);
}

TEST_P(PeopleHistoryTest, RefusedCorrectionsChangeNothing) {
  const Person jan = Create(Someone("Jan", "1980-05-01", "80050101234"));
  const Person ewa = Create(Someone("Ewa", "1980-05-01", "80050105672"));
  auto update = [&](const Identity& who, auto&& set) {
    UpdatePersonRequest r;
    r.set_id(jan.id());
    set(r);
    return Refusal([&] { Do([&](Transaction& tx) { return UpdatePerson(tx, who, r); }); });
  };
  EXPECT_EQ(update(worker_, [](auto& r) { r.set_pesel("80050101235"); }),
            grpc::StatusCode::INVALID_ARGUMENT);  // check digit
  // The stored PESEL holds 1980-05-01: a birth date that disagrees is refused.
  EXPECT_EQ(update(worker_, [](auto& r) { r.set_birth_date("1980-05-02"); }),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(update(worker_, [](auto& r) { r.set_given_name(""); }),
            grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(update(worker_, [](auto&) {}), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(update(worker_, [&](auto& r) { r.set_pesel(ewa.pesel()); }),
            grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(update(south_worker_, [](auto& r) { r.set_given_name("Janusz"); }),
            grpc::StatusCode::NOT_FOUND);
  const Person read = Do([&](Transaction& tx) { return GetPerson(tx, worker_, jan.id()); });
  EXPECT_EQ(read.given_name(), "Jan");
  EXPECT_EQ(read.birth_date(), "1980-05-01");
  EXPECT_EQ(read.pesel(), "80050101234");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM person_history"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'UpdatePerson'"), 0);
}

TEST_P(PeopleHistoryTest, AnIncompleteIdentityIsCompletedLaterWithItsHistory) {
  CreatePersonRequest street;
  street.set_given_name("Rysiek");
  street.set_name_quality(NAME_QUALITY_PARTIAL);
  street.set_birth_date_quality(BIRTH_DATE_QUALITY_UNKNOWN);
  const Person rysiek = Create(street);
  // A date alone contradicts the UNKNOWN kept: the quality comes with the value.
  UpdatePersonRequest date_only;
  date_only.set_id(rysiek.id());
  date_only.set_birth_date("1968-04-12");
  EXPECT_EQ(
      Refusal([&] { Do([&](Transaction& tx) { return UpdatePerson(tx, worker_, date_only); }); }),
      grpc::StatusCode::INVALID_ARGUMENT);

  // He tells his name and birth date and shows his ID card with the PESEL.
  UpdatePersonRequest r;
  r.set_id(rysiek.id());
  r.set_given_name("Ryszard");
  r.set_family_name("Mazur");
  r.set_name_quality(NAME_QUALITY_FULL);
  r.set_birth_date("1968-04-12");
  r.set_birth_date_quality(BIRTH_DATE_QUALITY_FULL);
  r.set_pesel("68041201237");
  const Person identified = Do([&](Transaction& tx) { return UpdatePerson(tx, worker_, r); });
  EXPECT_EQ(identified.name_quality(), NAME_QUALITY_FULL);
  EXPECT_EQ(identified.birth_date_quality(), BIRTH_DATE_QUALITY_FULL);
  EXPECT_EQ(identified.warnings_size(), 0);
  ASSERT_EQ(identified.history_size(), 1);
  const PersonChange& old = identified.history(0);
  EXPECT_EQ(std::vector<std::string>(old.fields().begin(), old.fields().end()),
            (std::vector<std::string>{"given_name", "family_name", "birth_date", "pesel",
                                      "name_quality", "birth_date_quality"}));
  EXPECT_EQ(old.given_name(), "Rysiek");
  EXPECT_EQ(old.name_quality(), NAME_QUALITY_PARTIAL);
  EXPECT_EQ(old.birth_date_quality(), BIRTH_DATE_QUALITY_UNKNOWN);
  EXPECT_EQ(Detail("UpdatePerson"), "person " + std::to_string(rysiek.id()) +
                                        " changed: given_name, family_name, birth_date, pesel, "
                                        "name_quality, birth_date_quality");
}

TEST_P(PeopleHistoryTest, MembersJoinAreBornAndLeaveAndTheFamilyFollows) {
  const Person jan = Create(Someone("Jan", "1980-05-01"));
  const Person ewa = Create(Someone("Ewa", "1982-03-04"));
  const Person baby = Create(Someone("Zosia", today_));
  const Family family = CreateFamilyOf(jan.id());
  Family updated =
      Update(worker_, family.id(),
             {Change(ewa.id(), MEMBERSHIP_CHANGE_JOINED, today_, FAMILY_RELATION_PARTNER),
              Change(baby.id(), MEMBERSHIP_CHANGE_BORN, today_, FAMILY_RELATION_CHILD)});
  EXPECT_EQ(updated.members_size(), 3);
  updated = Update(head_, family.id(), {Change(jan.id(), MEMBERSHIP_CHANGE_LEFT, today_)});
  ASSERT_EQ(updated.members_size(), 2);
  EXPECT_EQ(updated.members(0).person_id(), ewa.id());
  ASSERT_EQ(updated.history_size(), 3);
  EXPECT_EQ(updated.history(2).change().change(), MEMBERSHIP_CHANGE_LEFT);
  EXPECT_EQ(updated.history(2).change().relation(), FAMILY_RELATION_PARENT);  // the one he had
  EXPECT_EQ(updated.history(2).recorded_by(), "head");
  EXPECT_EQ(Detail("UpdateFamily"), "family " + std::to_string(family.id()) +
                                        " changed: members (person " + std::to_string(jan.id()) +
                                        " left " + today_ + ")");
  const Family read = Do([&](Transaction& tx) { return GetFamily(tx, worker_, family.id()); });
  EXPECT_EQ(read.history_size(), 3);
  // He cannot leave twice; and someone of the family does not join it again.
  EXPECT_EQ(Refusal([&] {
              Update(worker_, family.id(), {Change(jan.id(), MEMBERSHIP_CHANGE_LEFT, today_)});
            }),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Refusal([&] {
              Update(worker_, family.id(),
                     {Change(ewa.id(), MEMBERSHIP_CHANGE_JOINED, today_, FAMILY_RELATION_OTHER)});
            }),
            grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM family_member_history"), 3);
}

TEST_P(PeopleHistoryTest, RefusedFamilyChangesWriteNothing) {
  const Person jan = Create(Someone("Jan", "1980-05-01"));
  const Person ewa = Create(Someone("Ewa", "1982-03-04"));
  const Family family = CreateFamilyOf(jan.id());
  const std::string tomorrow = sdk::FormatDate(sdk::AddDays(sdk::Today(), 1));
  const std::string yesterday = sdk::FormatDate(sdk::AddDays(sdk::Today(), -1));
  auto refusal = [&](const Identity& who, const std::vector<MemberChange>& cs) {
    return Refusal([&] { Update(who, family.id(), cs); });
  };
  const auto invalid = grpc::StatusCode::INVALID_ARGUMENT;
  EXPECT_EQ(refusal(worker_, {Change(ewa.id(), MEMBERSHIP_CHANGE_JOINED, tomorrow,
                                     FAMILY_RELATION_PARTNER)}),
            invalid);
  EXPECT_EQ(refusal(worker_, {Change(ewa.id(), MEMBERSHIP_CHANGE_JOINED, yesterday,
                                     FAMILY_RELATION_PARTNER)}),
            invalid);  // before the family was registered
  EXPECT_EQ(
      refusal(worker_, {Change(ewa.id(), MEMBERSHIP_CHANGE_BORN, today_, FAMILY_RELATION_CHILD)}),
      invalid);  // not her birth date
  EXPECT_EQ(refusal(worker_, {Change(ewa.id(), MEMBERSHIP_CHANGE_JOINED, today_)}), invalid);
  EXPECT_EQ(refusal(worker_, {}), invalid);
  // A good change before a bad one: neither is kept.
  EXPECT_EQ(
      refusal(worker_, {Change(ewa.id(), MEMBERSHIP_CHANGE_JOINED, today_, FAMILY_RELATION_PARTNER),
                        Change(jan.id(), MEMBERSHIP_CHANGE_LEFT, today_),
                        Change(jan.id(), MEMBERSHIP_CHANGE_LEFT, today_)}),
      grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(refusal(south_worker_, {Change(jan.id(), MEMBERSHIP_CHANGE_LEFT, today_)}),
            grpc::StatusCode::NOT_FOUND);
  const Family read = Do([&](Transaction& tx) { return GetFamily(tx, worker_, family.id()); });
  ASSERT_EQ(read.members_size(), 1);
  EXPECT_EQ(read.members(0).person_id(), jan.id());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM family_member_history"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'UpdateFamily'"), 0);
}

TEST_P(PeopleHistoryTest, ARenamedFamilyKeepsItsFormerNames) {
  const Person jan = Create(Someone("Jan", "1980-05-01"));
  const Family family = CreateFamilyOf(jan.id());
  auto rename = [&](const Identity& who, const std::string& name) {
    UpdateFamilyRequest r;
    r.set_id(family.id());
    r.set_name(name);
    return Do([&](Transaction& tx) { return UpdateFamily(tx, who, r); });
  };
  EXPECT_EQ(Refusal([&] { rename(worker_, "Rodzina Nowak"); }),
            grpc::StatusCode::INVALID_ARGUMENT);  // its name already
  EXPECT_EQ(Refusal([&] { rename(south_worker_, "Rodzina Kowalska"); }),
            grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM family_name_history"), 0);

  const Family renamed = rename(worker_, "Rodzina Nowak-Kowalska");
  EXPECT_EQ(renamed.name(), "Rodzina Nowak-Kowalska");
  ASSERT_EQ(renamed.former_names_size(), 1);
  EXPECT_EQ(renamed.former_names(0).name(), "Rodzina Nowak");
  EXPECT_EQ(renamed.former_names(0).changed_by(), "wanda");
  EXPECT_EQ(renamed.members_size(), 1);
  EXPECT_EQ(Detail("UpdateFamily"), "family " + std::to_string(family.id()) + " changed: name");
  const Family again = rename(head_, "Rodzina Kowalska");
  ASSERT_EQ(again.former_names_size(), 2);
  EXPECT_EQ(again.former_names(1).name(), "Rodzina Nowak-Kowalska");
  const Family read = Do([&](Transaction& tx) { return GetFamily(tx, worker_, family.id()); });
  EXPECT_EQ(read.name(), "Rodzina Kowalska");
  EXPECT_EQ(read.former_names_size(), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleHistoryTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
