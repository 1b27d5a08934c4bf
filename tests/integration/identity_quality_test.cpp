// People with an incomplete identity, as a streetworker meets them (the name and birth date data
// quality of HMIS): registered with a street name or a description and no birth date, warned of
// until completed, refused field by field where the qualities contradict the values, able to open
// a homelessness case and take its outreach contacts, and completed later with the history kept.
// On both backends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "case_steps.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;
using testing::ContainsRegex;
using testing::ElementsAre;
using testing::HasSubstr;

class IdentityQualityTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  static v1::CreatePersonRequest StreetName() {
    v1::CreatePersonRequest r;
    r.set_given_name("Rysiek");
    r.set_name_quality(v1::NAME_QUALITY_PARTIAL);
    r.set_birth_date_quality(v1::BIRTH_DATE_QUALITY_UNKNOWN);
    return r;
  }

  grpc::Status Create(const v1::CreatePersonRequest& r, v1::Person* out = nullptr) {
    v1::Person ignored;
    return client().Call(staff_.worker, &Cases::CreatePerson, r, out ? out : &ignored);
  }

  v1::Person Get(std::int64_t id) {
    v1::GetPersonRequest r;
    r.set_id(id);
    v1::Person person;
    EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::GetPerson, r, &person)));
    return person;
  }

  static std::vector<std::string> Codes(const v1::Person& person) {
    std::vector<std::string> codes;
    for (const auto& w : person.warnings()) codes.push_back(w.code());
    return codes;
  }
};

TEST_P(IdentityQualityTest, AStreetNameWithoutABirthDateOpensACaseAndIsCompletedLater) {
  v1::Person rysiek;
  ASSERT_TRUE(IsOk(Create(StreetName(), &rysiek)));
  EXPECT_EQ(rysiek.name_quality(), v1::NAME_QUALITY_PARTIAL);
  EXPECT_EQ(rysiek.birth_date_quality(), v1::BIRTH_DATE_QUALITY_UNKNOWN);
  EXPECT_EQ(rysiek.birth_date(), "");
  ASSERT_THAT(Codes(rysiek), ElementsAre("INCOMPLETE_IDENTITY"));
  EXPECT_THAT(rysiek.warnings(0).message_en(), HasSubstr("the name is partial (PARTIAL)"));
  EXPECT_THAT(rysiek.warnings(0).message_pl(), HasSubstr("data urodzenia jest nieznana"));
  EXPECT_THAT(Codes(Get(rysiek.id())), ElementsAre("INCOMPLETE_IDENTITY"));

  // He consents to the individual programme before telling his name: a case opens, and the
  // streetworker's contacts with him join it.
  v1::OpenCaseRequest open;
  open.set_type_id("homelessness");
  open.set_person_id(rysiek.id());
  open.set_referral_reason("met by the streetworker at the railway station");
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::OpenCase, open, &opened)));
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), staff_, opened.id()));
  v1::RecordOutreachContactRequest met;
  met.set_type_id("homelessness");
  met.set_pseudonym("Pan Rysiek z dworca");
  met.set_identity_quality(v1::IDENTITY_QUALITY_PARTIAL_NAME);
  met.set_place("dworzec PKP, peron 2");
  met.add_needs_met(v1::OUTREACH_NEED_DRINK);
  v1::OutreachContact contact;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordOutreachContact, met, &contact)));
  v1::LinkOutreachContactsRequest link;
  link.set_case_id(opened.id());
  link.add_contact_ids(contact.id());
  v1::LinkOutreachContactsResponse linked;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::LinkOutreachContacts, link, &linked)));
  ASSERT_EQ(linked.contacts_size(), 1);
  EXPECT_EQ(linked.contacts(0).person_id(), rysiek.id());

  // Months later he shows his ID card: the identity is completed, the street name kept.
  v1::UpdatePersonRequest complete;
  complete.set_id(rysiek.id());
  complete.set_given_name("Ryszard");
  complete.set_family_name("Mazur");
  complete.set_name_quality(v1::NAME_QUALITY_FULL);
  complete.set_birth_date("1968-04-12");
  complete.set_birth_date_quality(v1::BIRTH_DATE_QUALITY_FULL);
  complete.set_pesel("68041201237");
  v1::Person completed;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::UpdatePerson, complete, &completed)));
  EXPECT_TRUE(completed.warnings().empty());
  ASSERT_EQ(completed.history_size(), 1);
  EXPECT_THAT(completed.history(0).fields(),
              ElementsAre("given_name", "family_name", "birth_date", "pesel", "name_quality",
                          "birth_date_quality"));
  EXPECT_EQ(completed.history(0).given_name(), "Rysiek");
  EXPECT_EQ(completed.history(0).name_quality(), v1::NAME_QUALITY_PARTIAL);
  EXPECT_EQ(completed.history(0).birth_date_quality(), v1::BIRTH_DATE_QUALITY_UNKNOWN);
  const v1::Person read = Get(rysiek.id());
  EXPECT_TRUE(read.warnings().empty());
  EXPECT_EQ(read.name_quality(), v1::NAME_QUALITY_FULL);
  EXPECT_EQ(read.history_size(), 1);

  // His data export carries both qualities and what they were.
  v1::ExportPersonDataRequest export_request;
  export_request.set_person_id(rysiek.id());
  v1::PersonDataExport exported;
  ASSERT_TRUE(
      IsOk(client().Call(staff_.head, &Cases::ExportPersonData, export_request, &exported)));
  EXPECT_THAT(exported.json(), ContainsRegex(R"("name_quality": *"NAME_QUALITY_FULL")"));
  EXPECT_THAT(exported.json(),
              ContainsRegex(R"("birth_date_quality": *"BIRTH_DATE_QUALITY_UNKNOWN")"));
}

TEST_P(IdentityQualityTest, QualitiesThatContradictTheValuesAreRefusedFieldByField) {
  v1::CreatePersonRequest pesel_unknown = StreetName();
  pesel_unknown.set_pesel("68041201237");
  const grpc::Status pesel = Create(pesel_unknown);
  ASSERT_TRUE(HasCode(pesel, StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(pesel), ElementsAre("pesel"));

  v1::CreatePersonRequest dated = StreetName();
  dated.set_birth_date("1968-04-12");
  EXPECT_THAT(ViolatedFields(Create(dated)), ElementsAre("birth_date"));

  v1::CreatePersonRequest nameless = StreetName();
  nameless.set_name_quality(v1::NAME_QUALITY_NOT_GIVEN);
  nameless.clear_given_name();
  EXPECT_THAT(ViolatedFields(Create(nameless)), ElementsAre("given_name"));

  // A description stands in for the name the person did not give.
  nameless.set_given_name("kobieta ok. 60 lat z czerwonym wózkiem");
  v1::Person described;
  ASSERT_TRUE(IsOk(Create(nameless, &described)));
  EXPECT_EQ(described.name_quality(), v1::NAME_QUALITY_NOT_GIVEN);

  // Completing only the date, without its quality, contradicts the UNKNOWN kept.
  v1::UpdatePersonRequest date_only;
  date_only.set_id(described.id());
  date_only.set_birth_date("1965-01-01");
  v1::Person ignored;
  const grpc::Status update =
      client().Call(staff_.worker, &Cases::UpdatePerson, date_only, &ignored);
  EXPECT_THAT(ViolatedFields(update), ElementsAre("birth_date"));
  EXPECT_TRUE(Get(described.id()).history().empty());
}

INSTANTIATE_BACKENDS(IdentityQualityTest);

}  // namespace
}  // namespace assist::it
