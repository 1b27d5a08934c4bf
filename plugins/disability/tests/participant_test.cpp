// The intake's facts about the participant: age against the age group, equivalent certificates,
// indications 7 and 8 of a child's certificate, and the government programme's eligibility.
#include <gtest/gtest.h>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;  // 2026-09-01
using testing::SetAgeGroup;
using testing::TextOf;
using testing::ValidIntake;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Intake& intake) {
  return DisabilityPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

v1::Intake ChildIntake() {
  v1::Intake intake = ValidIntake();
  SetAgeGroup(intake, v1::AGE_GROUP_CHILD);
  intake.mutable_certificate()->set_level(v1::CERTIFICATE_LEVEL_CHILD);
  intake.mutable_certificate()->set_indication_7(true);
  intake.mutable_certificate()->set_indication_8(true);
  return intake;
}

TEST(DisabilityParticipant, BirthDateIsRequiredAndNotInTheFuture) {
  v1::Intake intake = ValidIntake();
  intake.clear_birth_date();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"birth_date"}));
  intake.set_birth_date("2026-09-02");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"birth_date"}));
}

TEST(DisabilityParticipant, AgeGroupFitsTheAgeOnTheIntakeDay) {
  v1::Intake intake = ValidIntake();    // an adult's certificate of a moderate degree
  intake.set_birth_date("2008-09-01");  // 18 on the intake day
  EXPECT_TRUE(Check(intake).ok());
  intake.set_birth_date("2008-09-02");  // 17 until tomorrow
  const sdk::Status status = Check(intake);
  EXPECT_EQ(Fields(status), (Paths{"age_group"}));
  EXPECT_NE(TextOf(status, "age_group").find("17"), std::string::npos);
  intake.set_age_group(v1::AGE_GROUP_YOUNG_PERSON);
  EXPECT_TRUE(Check(intake).ok());
  intake.set_birth_date("2010-09-02");  // 15: a child
  EXPECT_EQ(Fields(Check(intake)), (Paths{"age_group"}));
}

TEST(DisabilityParticipant, IndicationsSevenAndEightOnlyOnAChildsCertificate) {
  EXPECT_TRUE(Check(ChildIntake()).ok());
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_indication_7(true);
  intake.mutable_certificate()->set_indication_8(true);
  const sdk::Status status = Check(intake);
  EXPECT_EQ(Fields(status), (Paths{"certificate.indication_7", "certificate.indication_8"}));
  EXPECT_NE(TextOf(status, "certificate.indication_7").find("child"), std::string::npos);
}

TEST(DisabilityParticipant, AZusCertificateEqualsTheDegreeTheActSets) {
  v1::Intake intake = ValidIntake();  // moderate
  v1::Certificate& certificate = *intake.mutable_certificate();
  certificate.set_basis(v1::CERTIFICATE_BASIS_ZUS_TOTAL_INCAPACITY);
  EXPECT_TRUE(Check(intake).ok());
  certificate.set_basis(v1::CERTIFICATE_BASIS_ZUS_INCAPACITY_AND_DEPENDENCE);
  const sdk::Status status = Check(intake);
  EXPECT_EQ(Fields(status), (Paths{"certificate.level"}));
  EXPECT_NE(TextOf(status, "certificate.level").find("significant"), std::string::npos);
  EXPECT_NE(TextOf(status, "certificate.level").find("art. 5"), std::string::npos);
  certificate.set_level(v1::CERTIFICATE_LEVEL_SIGNIFICANT);
  EXPECT_TRUE(Check(intake).ok());
  certificate.set_basis(v1::CERTIFICATE_BASIS_ZUS_PARTIAL_INCAPACITY);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.level"}));
  certificate.set_level(v1::CERTIFICATE_LEVEL_MILD);
  EXPECT_TRUE(Check(intake).ok());
}

TEST(DisabilityParticipant, AnEquivalentCertificateIsNeverAChildsOne) {
  v1::Intake intake = ChildIntake();
  for (v1::CertificateBasis basis :
       {v1::CERTIFICATE_BASIS_KRUS, v1::CERTIFICATE_BASIS_INVALIDITY_GROUP,
        v1::CERTIFICATE_BASIS_ZUS_TOTAL_INCAPACITY}) {
    intake.mutable_certificate()->set_basis(basis);
    EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.basis"})) << basis;
  }
  intake.mutable_certificate()->set_basis(v1::CERTIFICATE_BASIS_DISABILITY_BOARD);
  EXPECT_TRUE(Check(intake).ok());
  intake.mutable_certificate()->set_basis(static_cast<v1::CertificateBasis>(40));
  EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.basis"}));
}

TEST(DisabilityParticipant, KrusAndInvalidityGroupCertificatesTakeAnyDegree) {
  v1::Intake intake = ValidIntake();
  for (v1::CertificateBasis basis :
       {v1::CERTIFICATE_BASIS_KRUS, v1::CERTIFICATE_BASIS_INVALIDITY_GROUP}) {
    for (v1::CertificateLevel level :
         {v1::CERTIFICATE_LEVEL_SIGNIFICANT, v1::CERTIFICATE_LEVEL_MODERATE}) {
      intake.mutable_certificate()->set_basis(basis);
      intake.mutable_certificate()->set_level(level);
      EXPECT_TRUE(Check(intake).ok()) << basis << " " << level;
    }
  }
}

TEST(DisabilityParticipant, TheProgrammeServesAChildWithIndicationsSevenAndEight) {
  EXPECT_TRUE(WarningCodes(Check(ChildIntake())).empty());
  for (int missing : {7, 8}) {
    v1::Intake intake = ChildIntake();
    if (missing == 7) intake.mutable_certificate()->set_indication_7(false);
    if (missing == 8) intake.mutable_certificate()->set_indication_8(false);
    const sdk::Status status = Check(intake);
    EXPECT_TRUE(status.ok());
    EXPECT_EQ(WarningCodes(status),
              (Paths{"GOVERNMENT_PROGRAMME_CHILD_NEEDS_INDICATIONS_7_AND_8"}));
    intake.set_funding_source(v1::FUNDING_SOURCE_CITY_BUDGET);
    EXPECT_TRUE(WarningCodes(Check(intake)).empty());
  }
}

TEST(DisabilityParticipant, TheProgrammeServesChildrenFromTheirSecondBirthday) {
  v1::Intake intake = ChildIntake();
  intake.set_birth_date("2024-09-01");  // 2 on the intake day
  EXPECT_TRUE(WarningCodes(Check(intake)).empty());
  intake.set_birth_date("2024-09-02");
  EXPECT_EQ(WarningCodes(Check(intake)), (Paths{"GOVERNMENT_PROGRAMME_CHILD_UNDER_2"}));
  intake.set_funding_source(v1::FUNDING_SOURCE_CITY_BUDGET);
  EXPECT_TRUE(WarningCodes(Check(intake)).empty());
}

}  // namespace
}  // namespace assist::disability
