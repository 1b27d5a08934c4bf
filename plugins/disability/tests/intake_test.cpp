#include <gtest/gtest.h>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::ValidIntake;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Intake& intake) {
  return DisabilityPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(DisabilityIntake, ValidIntakePassesWithoutWarnings) {
  const sdk::Status status = Check(ValidIntake());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(DisabilityIntake, ReportsEveryViolationAtOnce) {
  v1::Intake intake = ValidIntake();
  intake.set_age_group(v1::AGE_GROUP_UNSPECIFIED);
  intake.mutable_certificate()->set_level(static_cast<v1::CertificateLevel>(9));
  intake.mutable_certificate()->set_issued_on("2024-02-30");
  intake.mutable_needs(0)->set_description("");
  intake.mutable_needs(1)->set_area(v1::NEED_AREA_MOBILITY);  // already at [0]
  intake.set_funding_source(v1::FUNDING_SOURCE_UNSPECIFIED);

  const sdk::Status status = Check(intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"age_group", "certificate.issued_on", "certificate.level",
                                   "funding_source", "needs[0].description", "needs[1].area"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
}

TEST(DisabilityIntake, NeedsACertificateAndANeed) {
  v1::Intake intake = ValidIntake();
  intake.clear_certificate();
  intake.clear_needs();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate", "needs"}));
}

TEST(DisabilityIntake, NeedAreasMustBeKnown) {
  v1::Intake intake = ValidIntake();
  intake.add_needs()->set_description("Brak obszaru");
  v1::Need* unknown = intake.add_needs();
  unknown->set_area(static_cast<v1::NeedArea>(77));
  unknown->set_description("Nieznany obszar");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"needs[2].area", "needs[3].area"}));
}

TEST(DisabilityIntake, ChildsCertificateOnlyForAChild) {
  v1::Intake intake = ValidIntake();  // an adult
  intake.mutable_certificate()->set_level(v1::CERTIFICATE_LEVEL_CHILD);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.level"}));
  testing::SetAgeGroup(intake, v1::AGE_GROUP_YOUNG_PERSON);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.level"}));
  testing::SetAgeGroup(intake, v1::AGE_GROUP_CHILD);
  EXPECT_TRUE(Check(intake).ok());
}

TEST(DisabilityIntake, DegreeOfDisabilityOnlyFromSixteen) {
  v1::Intake intake = ValidIntake();
  for (v1::CertificateLevel level : {v1::CERTIFICATE_LEVEL_SIGNIFICANT,
                                     v1::CERTIFICATE_LEVEL_MODERATE, v1::CERTIFICATE_LEVEL_MILD}) {
    intake.mutable_certificate()->set_level(level);
    testing::SetAgeGroup(intake, v1::AGE_GROUP_CHILD);
    EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.level"})) << level;
    testing::SetAgeGroup(intake, v1::AGE_GROUP_YOUNG_PERSON);
    EXPECT_TRUE(Check(intake).ok()) << level;
  }
}

TEST(DisabilityIntake, MildDegreeInTheGovernmentProgrammeWarns) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_level(v1::CERTIFICATE_LEVEL_MILD);
  const sdk::Status status = Check(intake);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"GOVERNMENT_PROGRAMME_NEEDS_HIGHER_DEGREE"}));
  EXPECT_FALSE(status.warnings()[0].message_pl.empty());

  intake.set_funding_source(v1::FUNDING_SOURCE_CITY_BUDGET);
  EXPECT_TRUE(Check(intake).warnings().empty());
}

TEST(DisabilityIntake, TextsHaveLimits) {
  v1::Intake intake = ValidIntake();
  intake.set_situation(std::string(20001, 'x'));
  intake.mutable_certificate()->set_reference(std::string(201, 'x'));
  EXPECT_EQ(Fields(Check(intake)), (Paths{"certificate.reference", "situation"}));
  intake.clear_situation();
  intake.mutable_certificate()->clear_reference();
  EXPECT_TRUE(Check(intake).ok());  // both are optional
}

TEST(DisabilityIntake, IsForOnePersonNotAFamily) {
  const sdk::Status status =
      DisabilityPlugin().Validate(sdk::Step::kIntake, ValidIntake(),
                                  sdk::testing::Context(kIntakeDate, sdk::CaseSubject::kFamily));
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("one person"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace assist::disability
