#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::kPlanDate;
using testing::kReviewDate;
using testing::LegacyIntake;
using testing::ValidPlan;
using testing::ValidReview;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

// The family's status of the earlier form, whose rules each person's status now follows too.
v1::Intake WithStatus(v1::LegalStatusKind kind, const std::string& granted_on,
                      const std::string& expires_on) {
  v1::Intake intake = LegacyIntake();
  v1::LegalStatus* status = intake.mutable_legal_status();
  status->set_kind(kind);
  status->set_granted_on(granted_on);
  status->set_expires_on(expires_on);
  return intake;
}

sdk::Status CheckIntake(const v1::Intake& intake) {
  return InterculturalPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(InterculturalLegalStatus, ExpiryRequiredWhereTheStatusHasOne) {
  for (auto kind : {v1::LEGAL_STATUS_KIND_TEMPORARY_PROTECTION,
                    v1::LEGAL_STATUS_KIND_TEMPORARY_RESIDENCE, v1::LEGAL_STATUS_KIND_VISA}) {
    EXPECT_EQ(Fields(CheckIntake(WithStatus(kind, "2024-05-01", ""))),
              (Paths{"legal_status.expires_on"}))
        << kind;
  }
  for (auto kind :
       {v1::LEGAL_STATUS_KIND_PERMANENT_RESIDENCE, v1::LEGAL_STATUS_KIND_INTERNATIONAL_PROTECTION,
        v1::LEGAL_STATUS_KIND_PROTECTION_APPLICANT, v1::LEGAL_STATUS_KIND_EU_CITIZEN}) {
    const sdk::Status status = CheckIntake(WithStatus(kind, "2024-05-01", ""));
    EXPECT_TRUE(status.ok()) << kind;
    EXPECT_TRUE(status.warnings().empty()) << kind;
  }
}

TEST(InterculturalLegalStatus, GrantDateRequiredExceptForAnEuCitizen) {
  EXPECT_TRUE(CheckIntake(WithStatus(v1::LEGAL_STATUS_KIND_EU_CITIZEN, "", "")).ok());
  EXPECT_EQ(Fields(CheckIntake(WithStatus(v1::LEGAL_STATUS_KIND_PERMANENT_RESIDENCE, "", ""))),
            (Paths{"legal_status.granted_on"}));
  EXPECT_EQ(Fields(CheckIntake(WithStatus(v1::LEGAL_STATUS_KIND_EU_CITIZEN, "2026-13-01", ""))),
            (Paths{"legal_status.granted_on"}));
}

TEST(InterculturalLegalStatus, DatesInOrderAndNotAfterTheIntake) {
  const auto kind = v1::LEGAL_STATUS_KIND_TEMPORARY_RESIDENCE;
  EXPECT_EQ(Fields(CheckIntake(WithStatus(kind, "2026-09-02", "2028-09-01"))),
            (Paths{"legal_status.granted_on"}));
  EXPECT_EQ(Fields(CheckIntake(WithStatus(kind, "2025-01-10", "2025-01-10"))),
            (Paths{"legal_status.expires_on"}));
  EXPECT_EQ(Fields(CheckIntake(WithStatus(kind, "2025-01-10", "2024-12-31"))),
            (Paths{"legal_status.expires_on"}));
  EXPECT_EQ(Fields(CheckIntake(WithStatus(kind, "2025-01-10", "2028-02-30"))),
            (Paths{"legal_status.expires_on"}));
}

TEST(InterculturalLegalStatus, OtherNeedsADescription) {
  v1::Intake intake = WithStatus(v1::LEGAL_STATUS_KIND_OTHER, "2025-06-01", "");
  EXPECT_EQ(Fields(CheckIntake(intake)), (Paths{"legal_status.description"}));
  intake.mutable_legal_status()->set_description("Zgoda na pobyt ze względów humanitarnych");
  EXPECT_TRUE(CheckIntake(intake).ok());
}

TEST(InterculturalLegalStatus, UnknownKindIsRejected) {
  v1::Intake intake = LegacyIntake();
  intake.mutable_legal_status()->set_kind(static_cast<v1::LegalStatusKind>(40));
  EXPECT_EQ(Fields(CheckIntake(intake)), (Paths{"legal_status.kind"}));
}

TEST(InterculturalLegalStatusExpiry, WarnsWithinNinetyDaysOfTheIntake) {
  const auto kind = v1::LEGAL_STATUS_KIND_TEMPORARY_PROTECTION;
  // The intake is dated 2026-09-01; 90 days later is 2026-11-30.
  const sdk::Status last_day = CheckIntake(WithStatus(kind, "2022-03-15", "2026-11-30"));
  EXPECT_TRUE(last_day.ok());
  ASSERT_EQ(WarningCodes(last_day), (Paths{"LEGAL_STATUS_EXPIRING"}));
  const sdk::Warning& warning = last_day.warnings()[0];
  EXPECT_NE(warning.message_en.find("2026-11-30"), std::string::npos) << warning.message_en;
  EXPECT_NE(warning.message_en.find("temporary protection"), std::string::npos);
  EXPECT_NE(warning.message_pl.find("ochrona czasowa"), std::string::npos) << warning.message_pl;

  EXPECT_TRUE(CheckIntake(WithStatus(kind, "2022-03-15", "2026-12-01")).warnings().empty());
  EXPECT_EQ(WarningCodes(CheckIntake(WithStatus(kind, "2022-03-15", "2026-09-01"))),
            (Paths{"LEGAL_STATUS_EXPIRING"}));
}

TEST(InterculturalLegalStatusExpiry, AnExpiredStatusIsAcceptedWithAWarning) {
  const sdk::Status status =
      CheckIntake(WithStatus(v1::LEGAL_STATUS_KIND_VISA, "2025-09-01", "2026-08-31"));
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"LEGAL_STATUS_EXPIRED"}));
  EXPECT_NE(status.warnings()[0].message_pl.find("wygasł 2026-08-31"), std::string::npos);
}

TEST(InterculturalLegalStatusExpiry, PlanWarnsWhenTheStatusEndsBeforeThePeriod) {
  v1::Intake intake = LegacyIntake();
  sdk::CaseContext context = Context(kPlanDate);
  context.intake = &intake;
  const InterculturalPlugin plugin;
  const v1::Plan plan = ValidPlan();  // runs to 2027-08-31

  intake.mutable_legal_status()->set_expires_on("2027-08-31");  // long after 90 days
  const sdk::Status status = plugin.Validate(sdk::Step::kPlan, plan, context);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"LEGAL_STATUS_EXPIRING"}));
  EXPECT_NE(status.warnings()[0].message_en.find("before the plan period ends (2027-08-31)"),
            std::string::npos)
      << status.warnings()[0].message_en;

  intake.mutable_legal_status()->set_expires_on("2027-09-01");
  EXPECT_TRUE(plugin.Validate(sdk::Step::kPlan, plan, context).warnings().empty());
}

TEST(InterculturalLegalStatusExpiry, IntakeAndReviewLookAtTheCurrentPlan) {
  const v1::Plan plan = ValidPlan();
  v1::Intake intake = LegacyIntake();
  intake.mutable_legal_status()->set_expires_on("2027-05-04");
  const InterculturalPlugin plugin;

  sdk::CaseContext intake_context = Context("2026-10-01");  // an intake updated under the plan
  EXPECT_TRUE(plugin.Validate(sdk::Step::kIntake, intake, intake_context).warnings().empty());
  intake_context.plan = &plan;
  EXPECT_EQ(WarningCodes(plugin.Validate(sdk::Step::kIntake, intake, intake_context)),
            (Paths{"LEGAL_STATUS_EXPIRING"}));

  sdk::CaseContext review_context = Context(kReviewDate);
  review_context.intake = &intake;
  EXPECT_TRUE(
      plugin.Validate(sdk::Step::kReview, ValidReview(), review_context).warnings().empty());
  review_context.plan = &plan;
  EXPECT_EQ(WarningCodes(plugin.Validate(sdk::Step::kReview, ValidReview(), review_context)),
            (Paths{"LEGAL_STATUS_EXPIRING"}));
}

TEST(InterculturalLegalStatusExpiry, NoWarningWhileTheStepIsInvalid) {
  v1::Intake intake = WithStatus(v1::LEGAL_STATUS_KIND_VISA, "2025-09-01", "2026-10-01");
  intake.set_country_of_origin("");
  const sdk::Status status = CheckIntake(intake);
  EXPECT_EQ(Fields(status), (Paths{"country_of_origin"}));
  EXPECT_TRUE(status.warnings().empty());
}

}  // namespace
}  // namespace assist::intercultural
