// The "Za życiem" basis (Act of 4 November 2016 on support for pregnant women and families
// "Za życiem", art. 8) and its facts.
#include <gtest/gtest.h>

#include <string>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::ValidIntake;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Intake& intake) {
  return FamilyPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

v1::Intake Pregnancy() {
  v1::Intake intake = ValidIntake();
  intake.set_legal_basis(v1::LEGAL_BASIS_ZA_ZYCIEM);
  v1::ZaZyciem* facts = intake.mutable_za_zyciem();
  facts->set_ground(v1::ZA_ZYCIEM_GROUND_PREGNANCY);
  facts->set_pregnant_member("Anna Nowak");
  facts->set_expected_birth_on("2027-01-15");
  return intake;
}

v1::Intake ChildCondition() {
  v1::Intake intake = ValidIntake();
  intake.set_legal_basis(v1::LEGAL_BASIS_ZA_ZYCIEM);
  v1::ZaZyciem* facts = intake.mutable_za_zyciem();
  facts->set_ground(v1::ZA_ZYCIEM_GROUND_CHILD_CONDITION);
  facts->set_child("Jan Nowak");
  facts->set_certificate_issued_on("2026-07-01");
  return intake;
}

TEST(FamilyZaZyciem, APregnancyOrAChildsConditionIsABasis) {
  EXPECT_TRUE(Check(Pregnancy()).ok()) << Check(Pregnancy()).message();
  EXPECT_TRUE(Check(ChildCondition()).ok());
}

TEST(FamilyZaZyciem, TheBasisNeedsItsFactsAndOnlyItHasThem) {
  v1::Intake intake = Pregnancy();
  intake.clear_za_zyciem();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"za_zyciem"}));
  intake.mutable_za_zyciem();  // present but empty
  EXPECT_EQ(Fields(Check(intake)), (Paths{"za_zyciem.ground"}));
  v1::Intake consent = Pregnancy();
  consent.set_legal_basis(v1::LEGAL_BASIS_FAMILY_CONSENT);
  EXPECT_EQ(Fields(Check(consent)), (Paths{"za_zyciem"}));
}

TEST(FamilyZaZyciem, APregnancyNamesTheMotherAndTheExpectedBirth) {
  v1::Intake intake = Pregnancy();
  intake.mutable_za_zyciem()->set_pregnant_member("Maria Nowak");   // not in the family
  intake.mutable_za_zyciem()->set_expected_birth_on("2027-06-29");  // 301 days on
  intake.mutable_za_zyciem()->set_child("Jan Nowak");
  EXPECT_EQ(Fields(Check(intake)),
            (Paths{"za_zyciem.child", "za_zyciem.expected_birth_on", "za_zyciem.pregnant_member"}));
  v1::Intake missing = Pregnancy();
  missing.mutable_za_zyciem()->clear_pregnant_member();
  missing.mutable_za_zyciem()->clear_expected_birth_on();
  EXPECT_EQ(Fields(Check(missing)),
            (Paths{"za_zyciem.expected_birth_on", "za_zyciem.pregnant_member"}));
}

TEST(FamilyZaZyciem, AChildsConditionNamesAChildAndTheCertificate) {
  v1::Intake intake = ChildCondition();
  intake.mutable_za_zyciem()->set_child("Anna Nowak");                  // the mother, not a child
  intake.mutable_za_zyciem()->set_certificate_issued_on("2026-09-02");  // after the intake
  intake.mutable_za_zyciem()->set_expected_birth_on("2027-01-15");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"za_zyciem.certificate_issued_on", "za_zyciem.child",
                                          "za_zyciem.expected_birth_on"}));
}

}  // namespace
}  // namespace assist::family
