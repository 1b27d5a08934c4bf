#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidContact;
using testing::ValidIntake;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Contact& contact, const v1::Intake* intake) {
  sdk::CaseContext context = Context("2026-10-02");
  context.intake = intake;
  return InterculturalPlugin().Validate(sdk::Step::kContact, contact, context);
}

TEST(InterculturalContact, ValidContactPasses) {
  const v1::Intake intake = ValidIntake();
  const sdk::Status status = Check(ValidContact(), &intake);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
  // The details are optional; an unrecorded interpretation does not warn.
  const sdk::Status empty = Check(v1::Contact(), &intake);
  EXPECT_TRUE(empty.ok());
  EXPECT_TRUE(empty.warnings().empty());
}

TEST(InterculturalContact, ReportsEveryViolationAtOnce) {
  v1::Contact contact = ValidContact();
  contact.add_languages_used("uk");   // [2], already at [0]
  contact.add_languages_used("UKR");  // [3]
  contact.set_interpretation(static_cast<v1::Interpretation>(12));
  contact.add_topics(v1::SUPPORT_AREA_UNSPECIFIED);
  contact.add_topics(static_cast<v1::SupportArea>(77));
  EXPECT_EQ(Fields(Check(contact, nullptr)),
            (Paths{"interpretation", "languages_used[2]", "languages_used[3]", "topics[1]",
                   "topics[2]"}));
}

TEST(InterculturalContact, WarnsWhenAnInterpreterWasNeededButNotThere) {
  const v1::Intake intake = ValidIntake();  // needs an interpreter into Ukrainian
  v1::Contact contact = ValidContact();

  contact.set_interpretation(v1::INTERPRETATION_NONE);
  sdk::Status status = Check(contact, &intake);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"INTERPRETER_NOT_USED"}));
  EXPECT_NE(status.warnings()[0].message_en.find("(uk)"), std::string::npos);
  EXPECT_NE(status.warnings()[0].message_en.find("without one"), std::string::npos);

  contact.set_interpretation(v1::INTERPRETATION_FAMILY_MEMBER);
  status = Check(contact, &intake);
  ASSERT_EQ(WarningCodes(status), (Paths{"INTERPRETER_NOT_USED"}));
  EXPECT_NE(status.warnings()[0].message_en.find("a family member interpreted"), std::string::npos);
  EXPECT_NE(status.warnings()[0].message_pl.find("członek rodziny"), std::string::npos);

  for (auto with :
       {v1::INTERPRETATION_ASSISTANT, v1::INTERPRETATION_INTERPRETER, v1::INTERPRETATION_REMOTE}) {
    contact.set_interpretation(with);
    EXPECT_TRUE(Check(contact, &intake).warnings().empty()) << with;
  }
}

TEST(InterculturalContact, NoInterpreterWarningWhenNoneIsNeeded) {
  v1::Intake intake = ValidIntake();
  intake.set_interpreter_needed(false);
  intake.clear_interpreter_language();
  v1::Contact contact = ValidContact();
  contact.set_interpretation(v1::INTERPRETATION_NONE);
  EXPECT_TRUE(Check(contact, &intake).warnings().empty());
  EXPECT_TRUE(Check(contact, nullptr).warnings().empty());
}

}  // namespace
}  // namespace assist::intercultural
