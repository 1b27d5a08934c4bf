// Registering people: PESEL checks, one PESEL per centre (held by the database too), possible
// duplicates by name and birth date, people with an incomplete identity (a street name, no birth
// date); on SQLite and PostgreSQL.
#include "domain/people.hpp"

#include <gtest/gtest.h>

#include "db/database_fault.hpp"
#include "domain/errors.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;

CreatePersonRequest Jan(const std::string& pesel = "") {
  CreatePersonRequest r;
  r.set_given_name("Jan");
  r.set_family_name("Nowak");
  r.set_birth_date("1980-05-01");
  r.set_pesel(pesel);
  return r;
}

std::string FieldsOf(const grpc::Status& status) {
  google::rpc::Status details;
  details.ParseFromString(status.error_details());
  std::string out;
  for (const auto& any : details.details()) {
    google::rpc::BadRequest bad;
    if (any.UnpackTo(&bad)) {
      for (const auto& v : bad.field_violations()) out += v.field() + ": " + v.description() + ";";
    }
  }
  return out;
}

std::string ErrorInfoMetadata(const grpc::Status& status, const std::string& key) {
  google::rpc::Status details;
  details.ParseFromString(status.error_details());
  for (const auto& any : details.details()) {
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) return info.reason() + " " + info.metadata().at(key);
  }
  return "";
}

class PeopleTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override { SetUpWorkflow(); }

  Person Create(const Identity& who, const CreatePersonRequest& r) {
    return Do([&](Transaction& tx) { return CreatePerson(tx, who, r); });
  }

  grpc::Status Refusal(const Identity& who, const CreatePersonRequest& r) {
    try {
      Create(who, r);
    } catch (const RpcError& e) {
      return e.status();
    }
    return grpc::Status::OK;
  }
};

TEST_P(PeopleTest, KeepsThePeselAndTheFileNumber) {
  CreatePersonRequest r = Jan("80050101234");
  r.set_case_file_ref("OPS-2025/17");
  const Person created = Create(worker_, r);
  const Person read = Do([&](Transaction& tx) { return GetPerson(tx, worker_, created.id()); });
  EXPECT_EQ(read.pesel(), "80050101234");
  EXPECT_EQ(read.case_file_ref(), "OPS-2025/17");
  EXPECT_EQ(Create(worker_, CreatePersonRequest(Jan())).pesel(), "");  // a PESEL is optional
}

TEST_P(PeopleTest, RefusesABadPeselWithTheFieldAndStoresNobody) {
  grpc::Status status = Refusal(worker_, Jan("80050101235"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(FieldsOf(status), "pesel: has a wrong check digit;");
  // A real PESEL of someone born on another day than birth_date says.
  status = Refusal(worker_, Jan("44051401359"));
  EXPECT_EQ(FieldsOf(status), "pesel: holds the birth date 1944-05-14, not birth_date;");
  CreatePersonRequest long_ref = Jan();
  long_ref.set_case_file_ref(std::string(101, 'x'));
  EXPECT_EQ(FieldsOf(Refusal(worker_, long_ref)), "case_file_ref: is longer than 100 bytes;");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 0);
}

TEST_P(PeopleTest, NamesThePersonWhoAlreadyHasThePesel) {
  const Person first = Create(worker_, Jan("80050101234"));
  const grpc::Status status = Refusal(worker_, Jan("80050101234"));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  EXPECT_EQ(ErrorInfoMetadata(status, "person_id"), "PERSON_EXISTS " + std::to_string(first.id()));
  // Centres never see each other: another centre registers the same person on its own.
  EXPECT_NE(Create(south_worker_, Jan("80050101234")).id(), first.id());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 2);
}

TEST_P(PeopleTest, TheDatabaseHoldsOnePeselPerCentre) {
  // Two workers racing past the look-up: the second INSERT meets the unique index.
  Create(worker_, Jan("80050101234"));
  Transaction tx(*db_);
  try {
    tx.sql() << "INSERT INTO people (centre_id, given_name, family_name, birth_date, created_at, "
                "pesel) VALUES ('north', 'Jan', 'Nowak', '1980-05-01', 'now', '80050101234')";
    FAIL() << "a second row with the same PESEL was stored";
  } catch (const soci::soci_error& e) {
    const grpc::Status status = FaultStatus(tx.Fault(e), "r1");
    EXPECT_EQ(status.error_code(), grpc::StatusCode::ALREADY_EXISTS) << status.error_message();
    EXPECT_NE(status.error_message().find("a person with this PESEL already exists"),
              std::string::npos)
        << status.error_message();
  }
}

TEST_P(PeopleTest, WarnsOfPeopleWithTheSameNameAndBirthDate) {
  const Person first = Create(worker_, Jan());
  EXPECT_EQ(first.warnings_size(), 0);
  const Person second = Create(worker_, Jan());
  ASSERT_EQ(second.similar_person_ids_size(), 1);
  EXPECT_EQ(second.similar_person_ids(0), first.id());
  ASSERT_EQ(second.warnings_size(), 1);
  EXPECT_EQ(second.warnings(0).code(), "POSSIBLE_DUPLICATE");
  EXPECT_NE(second.warnings(0).message_en().find(std::to_string(first.id())), std::string::npos);
  // The answer of the call only: reading the person back carries no warning.
  EXPECT_EQ(Do([&](Transaction& tx) {
              return GetPerson(tx, worker_, second.id());
            }).similar_person_ids_size(),
            0);
  CreatePersonRequest other_day = Jan();
  other_day.set_birth_date("1980-05-02");
  EXPECT_EQ(Create(worker_, other_day).warnings_size(), 0);
  EXPECT_EQ(Create(south_worker_, Jan()).warnings_size(), 0);  // another centre's Jan is not named
}

// A streetworker's person: a street name and no birth date (HMIS name and DOB data quality).
CreatePersonRequest Rysiek() {
  CreatePersonRequest r;
  r.set_given_name("Rysiek");
  r.set_name_quality(NAME_QUALITY_PARTIAL);
  r.set_birth_date_quality(BIRTH_DATE_QUALITY_UNKNOWN);
  return r;
}

TEST_P(PeopleTest, APersonMayGiveAStreetNameAndNoBirthDateAndIsWarnedOf) {
  const Person rysiek = Create(worker_, Rysiek());
  EXPECT_EQ(rysiek.name_quality(), NAME_QUALITY_PARTIAL);
  EXPECT_EQ(rysiek.birth_date_quality(), BIRTH_DATE_QUALITY_UNKNOWN);
  EXPECT_EQ(rysiek.birth_date(), "");
  ASSERT_EQ(rysiek.warnings_size(), 1);
  EXPECT_EQ(rysiek.warnings(0).code(), "INCOMPLETE_IDENTITY");
  EXPECT_EQ(rysiek.warnings(0).message_en(),
            "identity incomplete: the name is partial (PARTIAL), the birth date is unknown "
            "(UNKNOWN); complete it with UpdatePerson once the person tells");
  // Reading the person back warns again, until the identity is complete.
  const Person read = Do([&](Transaction& tx) { return GetPerson(tx, worker_, rysiek.id()); });
  ASSERT_EQ(read.warnings_size(), 1);
  EXPECT_EQ(read.warnings(0).code(), "INCOMPLETE_IDENTITY");

  // No name at all: a description stands in; an approximate birth date is a first day.
  CreatePersonRequest unnamed;
  unnamed.set_given_name("mężczyzna ok. 50 lat, kurtka moro, dworzec PKP");
  unnamed.set_name_quality(NAME_QUALITY_NOT_GIVEN);
  unnamed.set_birth_date("1975-01-01");
  unnamed.set_birth_date_quality(BIRTH_DATE_QUALITY_APPROXIMATE);
  const Person described = Create(worker_, unnamed);
  EXPECT_EQ(described.family_name(), "");
  ASSERT_EQ(described.warnings_size(), 1);
  EXPECT_NE(described.warnings(0).message_en().find("no name was given (NOT_GIVEN)"),
            std::string::npos);
  EXPECT_NE(described.warnings(0).message_en().find("approximate (APPROXIMATE)"),
            std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE name_quality = 3 AND birth_date_quality = 2"),
            1);

  // Unset qualities, as clients from before them send: FULL, stored as such, no warning.
  const Person jan = Create(worker_, Jan());
  EXPECT_EQ(jan.name_quality(), NAME_QUALITY_FULL);
  EXPECT_EQ(jan.birth_date_quality(), BIRTH_DATE_QUALITY_FULL);
  EXPECT_EQ(jan.warnings_size(), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people WHERE name_quality = 1 AND birth_date_quality = 1"),
            1);
}

TEST_P(PeopleTest, TheQualitiesRefuseWhatContradictsThemFieldByField) {
  CreatePersonRequest both_empty = Rysiek();
  both_empty.clear_given_name();
  EXPECT_EQ(FieldsOf(Refusal(worker_, both_empty)),
            "given_name: or family_name is required for a PARTIAL name;");
  CreatePersonRequest only_family = Rysiek();
  only_family.clear_given_name();
  only_family.set_family_name("Kowalski");
  EXPECT_EQ(Create(worker_, only_family).family_name(), "Kowalski");  // one name will do

  CreatePersonRequest no_description = Rysiek();
  no_description.set_name_quality(NAME_QUALITY_NOT_GIVEN);
  no_description.clear_given_name();
  no_description.set_family_name("z dworca");
  EXPECT_EQ(FieldsOf(Refusal(worker_, no_description)),
            "given_name: is required: a description or a pseudonym stands in for a name "
            "NOT_GIVEN;");

  CreatePersonRequest dated = Rysiek();
  dated.set_birth_date("1970-03-01");
  EXPECT_EQ(FieldsOf(Refusal(worker_, dated)),
            "birth_date: must be empty when birth_date_quality is UNKNOWN;");
  CreatePersonRequest mid_month = Rysiek();
  mid_month.set_birth_date("1970-03-15");
  mid_month.set_birth_date_quality(BIRTH_DATE_QUALITY_APPROXIMATE);
  EXPECT_EQ(FieldsOf(Refusal(worker_, mid_month)),
            "birth_date: is not the first day of a month, as an APPROXIMATE birth date is;");
  CreatePersonRequest undated = Rysiek();
  undated.set_birth_date_quality(BIRTH_DATE_QUALITY_APPROXIMATE);
  EXPECT_EQ(FieldsOf(Refusal(worker_, undated)), "birth_date: is required (YYYY-MM-DD);");
  CreatePersonRequest unknown_values = Jan();
  unknown_values.set_name_quality(static_cast<NameQuality>(7));
  unknown_values.set_birth_date_quality(static_cast<BirthDateQuality>(9));
  EXPECT_EQ(FieldsOf(Refusal(worker_, unknown_values)),
            "name_quality: is not a known value;birth_date_quality: is not a known value;");

  // A PESEL holds the exact birth date: an unknown or approximate one contradicts it.
  CreatePersonRequest pesel_unknown = Rysiek();
  pesel_unknown.set_pesel("80050101234");
  EXPECT_EQ(FieldsOf(Refusal(worker_, pesel_unknown)),
            "pesel: needs birth_date_quality FULL: a PESEL holds the exact birth date;");
  CreatePersonRequest pesel_approximate = Jan("80050101234");
  pesel_approximate.set_birth_date_quality(BIRTH_DATE_QUALITY_APPROXIMATE);
  EXPECT_EQ(FieldsOf(Refusal(worker_, pesel_approximate)),
            "pesel: needs birth_date_quality FULL: a PESEL holds the exact birth date;");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM people"), 1);  // the one-name Kowalski only
}

TEST_P(PeopleTest, OnlyFullyIdentifiedPeopleAreComparedForDuplicates) {
  const Person full = Create(worker_, Jan());
  // The same names and date, but the birth date is only a guess: not compared either way.
  CreatePersonRequest approximate = Jan();
  approximate.set_birth_date("1980-05-01");
  approximate.set_birth_date_quality(BIRTH_DATE_QUALITY_APPROXIMATE);
  const Person guessed = Create(worker_, approximate);
  EXPECT_EQ(guessed.similar_person_ids_size(), 0);
  ASSERT_EQ(guessed.warnings_size(), 1);
  EXPECT_EQ(guessed.warnings(0).code(), "INCOMPLETE_IDENTITY");
  // A second full Jan is warned of the first only, not of the guessed one.
  const Person second = Create(worker_, Jan());
  ASSERT_EQ(second.similar_person_ids_size(), 1);
  EXPECT_EQ(second.similar_person_ids(0), full.id());
  // Two people who gave the same street name are not duplicates of each other.
  Create(worker_, Rysiek());
  EXPECT_EQ(Create(worker_, Rysiek()).similar_person_ids_size(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, PeopleTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
