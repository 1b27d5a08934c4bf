// Registering people: PESEL checks, one PESEL per centre (held by the database too), possible
// duplicates by name and birth date; on SQLite and PostgreSQL.
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

INSTANTIATE_TEST_SUITE_P(Backends, PeopleTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
