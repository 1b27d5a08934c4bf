#include <gtest/gtest.h>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::TextOf;
using testing::ValidIntake;
using Paths = std::vector<std::string>;

// The case's first intake: no intake recorded before.
sdk::Status CheckFirst(const v1::Intake& intake, std::string_view step_date = kIntakeDate) {
  return DisabilityPlugin().Validate(sdk::Step::kIntake, intake, Context(step_date));
}

// A later intake of the case, e.g. with a renewed certificate.
sdk::Status CheckUpdate(const v1::Intake& intake, std::string_view step_date) {
  const v1::Intake previous = ValidIntake();
  sdk::CaseContext context = Context(step_date);
  context.intake = &previous;
  return DisabilityPlugin().Validate(sdk::Step::kIntake, intake, context);
}

v1::Intake ValidUntil(std::string_view date) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_valid_until(std::string(date));
  return intake;
}

TEST(DisabilityCertificate, ExpiredAtTheStartOfWorkIsRefused) {
  const sdk::Status status = CheckFirst(ValidUntil("2026-08-30"));  // work started 2026-08-31
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"certificate.valid_until"}));
  const std::string text = TextOf(status, "certificate.valid_until");
  EXPECT_NE(text.find("2026-08-31"), std::string::npos) << text;
  EXPECT_NE(text.find("start of work"), std::string::npos) << text;
}

TEST(DisabilityCertificate, ValidOnTheLastDayIsAccepted) {
  EXPECT_TRUE(CheckFirst(ValidUntil("2026-08-31")).ok());
}

TEST(DisabilityCertificate, IssuedAfterTheStartOfWorkIsRefused) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_issued_on("2026-09-01");  // the intake day, after the start
  const sdk::Status status = CheckFirst(intake);
  EXPECT_EQ(Fields(status), (Paths{"certificate.issued_on"}));
  EXPECT_NE(TextOf(status, "certificate.issued_on").find("2026-08-31"), std::string::npos);

  intake.mutable_certificate()->set_issued_on("2026-08-31");
  EXPECT_TRUE(CheckFirst(intake).ok());
}

TEST(DisabilityCertificate, IssuedAfterTheIntakeIsOneViolation) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_issued_on("2026-09-02");
  EXPECT_EQ(Fields(CheckFirst(intake)), (Paths{"certificate.issued_on"}));
}

TEST(DisabilityCertificate, WithoutAStartOfWorkTheIntakeDayCounts) {
  sdk::CaseContext context = Context(kIntakeDate);
  context.work_started_on.reset();
  EXPECT_EQ(
      Fields(DisabilityPlugin().Validate(sdk::Step::kIntake, ValidUntil("2026-08-31"), context)),
      (Paths{"certificate.valid_until"}));
  EXPECT_TRUE(
      DisabilityPlugin().Validate(sdk::Step::kIntake, ValidUntil("2026-09-01"), context).ok());
}

TEST(DisabilityCertificate, IndefiniteIsAccepted) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->clear_valid_until();
  intake.mutable_certificate()->set_indefinite(true);
  EXPECT_TRUE(CheckFirst(intake).ok());
  EXPECT_TRUE(CheckUpdate(intake, "2040-01-01").ok());
}

TEST(DisabilityCertificate, EitherAnEndDateOrIndefinite) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_indefinite(true);  // and still valid_until
  EXPECT_EQ(Fields(CheckFirst(intake)), (Paths{"certificate.valid_until"}));

  intake.mutable_certificate()->set_indefinite(false);
  intake.mutable_certificate()->clear_valid_until();
  EXPECT_EQ(Fields(CheckFirst(intake)), (Paths{"certificate.valid_until"}));

  intake.mutable_certificate()->set_valid_until("31.12.2027");
  EXPECT_EQ(Fields(CheckFirst(intake)), (Paths{"certificate.valid_until"}));
}

TEST(DisabilityCertificate, EndNotBeforeIssue) {
  v1::Intake intake = ValidUntil("2024-01-09");  // issued 2024-01-10
  const sdk::Status status = CheckFirst(intake);
  ASSERT_EQ(Fields(status), (Paths{"certificate.valid_until"}));
  EXPECT_NE(TextOf(status, "certificate.valid_until").find("issue date"), std::string::npos);
}

TEST(DisabilityCertificate, ChildsCertificateIsNeverIndefinite) {
  v1::Intake intake = ValidIntake();
  testing::SetAgeGroup(intake, v1::AGE_GROUP_CHILD);
  intake.mutable_certificate()->set_level(v1::CERTIFICATE_LEVEL_CHILD);
  intake.mutable_certificate()->clear_valid_until();
  intake.mutable_certificate()->set_indefinite(true);
  EXPECT_EQ(Fields(CheckFirst(intake)), (Paths{"certificate.indefinite"}));
}

TEST(DisabilityCertificate, RenewedCertificateInALaterIntakeIsCheckedOnItsDay) {
  v1::Intake renewed = ValidIntake();
  renewed.mutable_certificate()->set_issued_on("2027-12-20");
  renewed.mutable_certificate()->set_valid_until("2030-12-31");
  EXPECT_TRUE(CheckUpdate(renewed, "2028-01-03").ok());
  // As a first intake the same certificate would not cover the start of work.
  EXPECT_EQ(Fields(CheckFirst(renewed, "2028-01-03")), (Paths{"certificate.issued_on"}));
}

TEST(DisabilityCertificate, LaterIntakeWithAnExpiredCertificateIsRefused) {
  const sdk::Status status = CheckUpdate(ValidIntake(), "2028-01-03");  // valid until 2027-12-31
  EXPECT_EQ(Fields(status), (Paths{"certificate.valid_until"}));
  EXPECT_NE(TextOf(status, "certificate.valid_until").find("2028-01-03"), std::string::npos);
}

}  // namespace
}  // namespace assist::disability
