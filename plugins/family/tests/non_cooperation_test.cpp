// Court-ordered work (k.r.o. art. 109 § 2 pkt 1): a contact at which the obliged family did not
// cooperate is warned about, and the notice to the court is written from the record.
#include <gtest/gtest.h>

#include <string>

#include "family_plugin.hpp"
#include "fixtures.hpp"
#include "non_cooperation_notice.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::D;
using testing::ValidContact;
using testing::ValidIntake;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

v1::Intake CourtOrdered() {
  v1::Intake intake = ValidIntake();
  intake.set_legal_basis(v1::LEGAL_BASIS_COURT_ORDER);
  v1::CourtOrder* order = intake.mutable_court_order();
  order->set_court("Sąd Rejonowy w Bytomiu, III Wydział Rodzinny i Nieletnich");
  order->set_reference("III Nsm 245/26");
  order->set_issued_on("2026-08-14");
  return intake;
}

sdk::Status CheckContact(const v1::Intake& intake, v1::Cooperation cooperation) {
  v1::Contact contact = ValidContact();
  contact.set_cooperation(cooperation);
  sdk::CaseContext context = Context("2026-10-01");
  context.intake = &intake;
  return FamilyPlugin().Validate(sdk::Step::kContact, contact, context);
}

TEST(FamilyCourtOrderedWork, ARefusalOfACourtOrderedFamilyIsToBeReportedToTheCourt) {
  const v1::Intake intake = CourtOrdered();
  for (auto cooperation :
       {v1::COOPERATION_REFUSED_MEETING, v1::COOPERATION_ABSENT, v1::COOPERATION_REFUSED_ACTIONS}) {
    const sdk::Status status = CheckContact(intake, cooperation);
    ASSERT_TRUE(status.ok()) << cooperation;
    ASSERT_EQ(WarningCodes(status), (Paths{"COURT_ORDERED_FAMILY_NOT_COOPERATING"}));
    EXPECT_NE(status.warnings()[0].message_pl.find("III Nsm 245/26"), std::string::npos);
  }
  EXPECT_TRUE(CheckContact(intake, v1::COOPERATION_COOPERATED).warnings().empty());
  EXPECT_TRUE(CheckContact(intake, v1::COOPERATION_UNSPECIFIED).warnings().empty());
}

TEST(FamilyCourtOrderedWork, AConsentingFamilysRefusalIsNotForACourt) {
  EXPECT_TRUE(CheckContact(ValidIntake(), v1::COOPERATION_REFUSED_MEETING).warnings().empty());
}

TEST(FamilyCourtOrderedWork, AnUnknownCooperationValueIsRefused) {
  EXPECT_EQ(testing::Fields(CheckContact(CourtOrdered(), static_cast<v1::Cooperation>(9))),
            (Paths{"cooperation"}));
}

struct Record {
  v1::Intake intake = CourtOrdered();
  v1::Contact refused, absent, cooperated;
  v1::Review review = testing::ValidReview();
  sdk::CaseContext context = Context("2026-11-02");
  sdk::CaseRecord record;

  Record() {
    refused.set_cooperation(v1::COOPERATION_REFUSED_MEETING);
    absent.set_cooperation(v1::COOPERATION_ABSENT);
    cooperated.set_cooperation(v1::COOPERATION_COOPERATED);
    context.intake = &intake;
    record.context = &context;
    record.subject = "Rodzina Nowak";
    record.assistant_id = "asia";
    record.assistant_name = "Joanna Asystent";
    record.contacts = {
        {D("2026-09-10"), "CONTACT_KIND_HOME_VISIT", 60, "", &cooperated},
        {D("2026-10-01"), "CONTACT_KIND_HOME_VISIT", 10, "nie otwarto drzwi", &refused},
        {D("2026-10-15"), "CONTACT_KIND_MEETING", 0, "", &absent}};
    record.reviews = {{D("2026-10-20"), &review}};
  }
};

TEST(FamilyNonCooperationNotice, NamesTheCourtTheOrderAndTheRefusals) {
  Record r;
  std::string text;
  ASSERT_TRUE(FamilyPlugin().RenderDocument(kNonCooperationNotice, r.record, text).ok());
  for (const std::string expected :
       {"Sąd Rejonowy w Bytomiu", "Sygn. akt III Nsm 245/26", "ZAWIADOMIENIE O BRAKU WSPÓŁPRACY",
        "Postanowieniem z dnia 2026-08-14", "art. 109 § 2 pkt 1", "Rodzina: Rodzina Nowak",
        "Asystent rodziny: Joanna Asystent", "(2 z 3 odnotowanych kontaktów)",
        "2026-10-01: odmowa spotkania (nie otwarto drzwi)",
        "2026-10-15: nieobecność na uzgodnionym spotkaniu",
        "Ostatnia ocena sytuacji rodziny "
        "(2026-10-20)",
        "Sporządzono dnia 2026-11-02."}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("2026-09-10"), std::string::npos) << "a cooperative contact is listed";
}

TEST(FamilyNonCooperationNotice, OnlyForACourtOrderedFamilyThatRefused) {
  Record r;
  std::string text;
  r.intake.set_legal_basis(v1::LEGAL_BASIS_FAMILY_CONSENT);
  EXPECT_EQ(RenderNonCooperationNotice(r.record, text).code(), sdk::Code::kFailedPrecondition);
  Record cooperating;
  cooperating.record.contacts.resize(1);
  EXPECT_EQ(RenderNonCooperationNotice(cooperating.record, text).code(),
            sdk::Code::kFailedPrecondition);
  Record no_intake;
  no_intake.context.intake = nullptr;
  EXPECT_EQ(RenderNonCooperationNotice(no_intake.record, text).code(),
            sdk::Code::kFailedPrecondition);
  EXPECT_TRUE(text.empty());
}

TEST(FamilyNonCooperationNotice, IsListedAmongTheTypesDocuments) {
  const FamilyPlugin plugin;
  bool listed = false;
  for (const auto& kind : plugin.Info().documents) listed |= kind.id == kNonCooperationNotice;
  EXPECT_TRUE(listed);
}

}  // namespace
}  // namespace assist::family
