#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::ValidIntake;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Intake& intake) {
  return InterculturalPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(InterculturalIntake, ValidIntakePasses) {
  const sdk::Status status = Check(ValidIntake());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.violations().empty());
  EXPECT_TRUE(status.warnings().empty());
}

TEST(InterculturalIntake, ReportsEveryViolationAtOnce) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(0)->set_name("");
  intake.mutable_members(1)->set_birth_date("2014-02-30");
  intake.mutable_members(2)->set_birth_date("2026-09-02");  // after the intake date
  intake.set_country_of_origin("ua");
  intake.add_languages_spoken("RUS");
  // temporary protection has an expiry
  intake.mutable_members(0)->mutable_legal_status()->clear_expires_on();
  intake.add_support_areas(v1::SUPPORT_AREA_SCHOOL);  // [5], already at [1]
  intake.set_arrived_in_poland_on("2026-09-05");

  const sdk::Status status = Check(intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"arrived_in_poland_on", "country_of_origin", "languages_spoken[2]",
                   "members[0].legal_status.expires_on", "members[0].name", "members[1].birth_date",
                   "members[2].birth_date", "support_areas[5]"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
}

TEST(InterculturalIntake, EmptyIntakeNamesEveryRequiredField) {
  EXPECT_EQ(Fields(Check(v1::Intake())),
            (Paths{"country_of_origin", "languages_spoken", "members", "support_areas"}));
}

TEST(InterculturalIntake, NeedsAnAdult) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(0)->set_role(v1::MEMBER_ROLE_CHILD);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"members"}));
}

TEST(InterculturalIntake, RequiredEnumsAndUnknownValues) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(1)->set_relation(v1::RELATION_UNSPECIFIED);
  intake.mutable_members(2)->set_role(static_cast<v1::MemberRole>(7));
  intake.add_support_areas(static_cast<v1::SupportArea>(99));
  intake.add_support_areas(v1::SUPPORT_AREA_UNSPECIFIED);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"members[1].relation", "members[2].role",
                                          "support_areas[5]", "support_areas[6]"}));
}

TEST(InterculturalIntake, CountryOfOriginIsTwoUpperCaseLetters) {
  for (const char* bad : {"", "ua", "Ua", "UKR", "U", "U1", "Ü"}) {
    v1::Intake intake = ValidIntake();
    intake.set_country_of_origin(bad);
    EXPECT_EQ(Fields(Check(intake)), (Paths{"country_of_origin"})) << '"' << bad << '"';
  }
  for (const char* good : {"UA", "SY", "BY", "VN"}) {
    v1::Intake intake = ValidIntake();
    intake.set_country_of_origin(good);
    EXPECT_TRUE(Check(intake).ok()) << good;
  }
}

TEST(InterculturalIntake, LanguagesAreTwoLowerCaseLettersListedOnce) {
  v1::Intake intake = ValidIntake();
  intake.add_languages_spoken("pl");
  intake.add_languages_spoken("uk");   // [3], already at [0]
  intake.add_languages_spoken("UK");   // [4]
  intake.add_languages_spoken("ukr");  // [5]
  intake.add_languages_spoken("");     // [6]
  EXPECT_EQ(Fields(Check(intake)), (Paths{"languages_spoken[3]", "languages_spoken[4]",
                                          "languages_spoken[5]", "languages_spoken[6]"}));
}

TEST(InterculturalIntake, InterpreterLanguageOnlyWhenNeeded) {
  v1::Intake intake = ValidIntake();
  intake.set_interpreter_needed(false);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"interpreter_language"}));
  intake.clear_interpreter_language();
  EXPECT_TRUE(Check(intake).ok());

  intake.set_interpreter_needed(true);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"interpreter_language"}));
}

TEST(InterculturalIntake, InterpreterLanguageIsALanguageOfTheFamily) {
  v1::Intake intake = ValidIntake();
  intake.set_interpreter_language("ru");
  EXPECT_TRUE(Check(intake).ok());

  for (const char* bad : {"en", "pl", "RU", "rus"}) {
    intake.set_interpreter_language(bad);
    EXPECT_EQ(Fields(Check(intake)), (Paths{"interpreter_language"})) << bad;
  }
  // Polish is never interpreted into, even when the family speaks some.
  intake.add_languages_spoken("pl");
  intake.set_interpreter_language("pl");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"interpreter_language"}));
}

TEST(InterculturalIntake, OptionalFields) {
  v1::Intake intake = ValidIntake();
  intake.clear_arrived_in_poland_on();
  intake.set_notes("Rodzina mieszka u znajomych.");
  EXPECT_TRUE(Check(intake).ok());

  intake.set_arrived_in_poland_on("10.03.2022");
  intake.set_notes(std::string(20001, 'x'));
  EXPECT_EQ(Fields(Check(intake)), (Paths{"arrived_in_poland_on", "notes"}));
}

}  // namespace
}  // namespace assist::intercultural
