// The 60-day window to apply for an individual integration programme after refugee status or
// subsidiary protection is granted (social assistance act, art. 92-93).
#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::LegacyIntake;
using testing::ValidIntake;
using testing::ValidReview;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

// Olena granted `kind` on `granted_on`; the intake is dated 2026-09-01, the case referred on
// 2026-08-20.
v1::Intake Granted(v1::LegalStatusKind kind, const std::string& granted_on) {
  v1::Intake intake = ValidIntake();
  v1::LegalStatus* status = intake.mutable_members(0)->mutable_legal_status();
  status->set_kind(kind);
  status->set_granted_on(granted_on);
  status->clear_expires_on();
  return intake;
}

sdk::Status CheckIntake(const v1::Intake& intake) {
  return InterculturalPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(InterculturalIntegrationProgramme, WarnsWhileTheWindowIsOpenWithTheDaysLeft) {
  for (auto kind : {v1::LEGAL_STATUS_KIND_REFUGEE, v1::LEGAL_STATUS_KIND_SUBSIDIARY_PROTECTION,
                    v1::LEGAL_STATUS_KIND_INTERNATIONAL_PROTECTION}) {
    // Granted 2026-08-01: the 60 days end on 2026-09-30, 29 days after the intake.
    const sdk::Status status = CheckIntake(Granted(kind, "2026-08-01"));
    ASSERT_TRUE(status.ok()) << kind;
    ASSERT_EQ(WarningCodes(status), (Paths{"INTEGRATION_PROGRAMME_WINDOW_OPEN"})) << kind;
    const sdk::Warning& warning = status.warnings()[0];
    EXPECT_NE(warning.message_en.find("Olena Kovalenko"), std::string::npos);
    EXPECT_NE(warning.message_en.find("until 2026-09-30: 29 days left"), std::string::npos)
        << warning.message_en;
    EXPECT_NE(warning.message_pl.find("zostało dni: 29"), std::string::npos);
  }
}

TEST(InterculturalIntegrationProgramme, TheLastDayIsSixtyDaysAfterTheGrant) {
  EXPECT_EQ(WarningCodes(CheckIntake(Granted(v1::LEGAL_STATUS_KIND_REFUGEE, "2026-07-03"))),
            (Paths{"INTEGRATION_PROGRAMME_WINDOW_OPEN"}));  // ends on the intake day
  EXPECT_EQ(WarningCodes(CheckIntake(Granted(v1::LEGAL_STATUS_KIND_REFUGEE, "2026-07-02"))),
            (Paths{"INTEGRATION_PROGRAMME_WINDOW_PASSED"}));  // ended 2026-08-31
}

TEST(InterculturalIntegrationProgramme, PassedOnlyWhenTheWindowClosedWhileTheCaseWasOpen) {
  // Closed 2026-08-19, the day before the referral: the centre could not have helped.
  EXPECT_TRUE(CheckIntake(Granted(v1::LEGAL_STATUS_KIND_REFUGEE, "2026-06-20")).warnings().empty());
  EXPECT_EQ(WarningCodes(CheckIntake(Granted(v1::LEGAL_STATUS_KIND_REFUGEE, "2026-06-21"))),
            (Paths{"INTEGRATION_PROGRAMME_WINDOW_PASSED"}));
}

TEST(InterculturalIntegrationProgramme, OtherStatusesHaveNoWindow) {
  EXPECT_TRUE(CheckIntake(Granted(v1::LEGAL_STATUS_KIND_PERMANENT_RESIDENCE, "2026-08-01"))
                  .warnings()
                  .empty());
  EXPECT_TRUE(CheckIntake(Granted(v1::LEGAL_STATUS_KIND_PROTECTION_APPLICANT, "2026-08-01"))
                  .warnings()
                  .empty());
}

TEST(InterculturalIntegrationProgramme, ARecordedApplicationEndsTheWarnings) {
  v1::Intake intake = Granted(v1::LEGAL_STATUS_KIND_REFUGEE, "2026-08-01");
  intake.mutable_members(0)->set_integration_programme_applied_on("2026-08-20");
  const sdk::Status status = CheckIntake(intake);
  EXPECT_TRUE(status.ok());
  EXPECT_TRUE(status.warnings().empty());
}

TEST(InterculturalIntegrationProgramme, TheApplicationDateIsChecked) {
  v1::Intake intake = Granted(v1::LEGAL_STATUS_KIND_REFUGEE, "2026-08-01");
  intake.mutable_members(0)->set_integration_programme_applied_on("2026-07-31");
  EXPECT_EQ(Fields(CheckIntake(intake)), (Paths{"members[0].integration_programme_applied_on"}));
  intake.mutable_members(0)->set_integration_programme_applied_on("2026-09-02");
  EXPECT_EQ(Fields(CheckIntake(intake)), (Paths{"members[0].integration_programme_applied_on"}));
  v1::Intake no_protection = ValidIntake();  // temporary protection: no programme
  no_protection.mutable_members(0)->set_integration_programme_applied_on("2026-08-20");
  EXPECT_EQ(Fields(CheckIntake(no_protection)),
            (Paths{"members[0].integration_programme_applied_on"}));
}

TEST(InterculturalIntegrationProgramme, TheFamilysStatusOfTheEarlierFormWarnsForTheFamily) {
  v1::Intake intake = LegacyIntake();
  intake.mutable_legal_status()->set_kind(v1::LEGAL_STATUS_KIND_INTERNATIONAL_PROTECTION);
  intake.mutable_legal_status()->set_granted_on("2026-08-01");
  intake.mutable_legal_status()->clear_expires_on();
  const sdk::Status status = CheckIntake(intake);
  ASSERT_EQ(WarningCodes(status), (Paths{"INTEGRATION_PROGRAMME_WINDOW_OPEN"}));
  EXPECT_EQ(status.warnings()[0].message_en.rfind("The family", 0), 0u);
}

TEST(InterculturalIntegrationProgramme, ReviewAndPlanRemindWhileTheWindowIsOpen) {
  const v1::Intake intake = Granted(v1::LEGAL_STATUS_KIND_SUBSIDIARY_PROTECTION, "2026-08-01");
  const v1::Plan plan = testing::ValidPlan();
  const InterculturalPlugin plugin;
  sdk::CaseContext plan_context = Context(testing::kPlanDate);
  plan_context.intake = &intake;
  EXPECT_EQ(WarningCodes(plugin.Validate(sdk::Step::kPlan, plan, plan_context)),
            (Paths{"INTEGRATION_PROGRAMME_WINDOW_OPEN"}));
  sdk::CaseContext review_context = Context("2026-09-30");
  review_context.intake = &intake;
  review_context.plan = &plan;
  EXPECT_EQ(WarningCodes(plugin.Validate(sdk::Step::kReview, ValidReview(), review_context)),
            (Paths{"INTEGRATION_PROGRAMME_WINDOW_OPEN"}));
  review_context.step_date = testing::D("2026-10-01");
  EXPECT_EQ(WarningCodes(plugin.Validate(sdk::Step::kReview, ValidReview(), review_context)),
            (Paths{"INTEGRATION_PROGRAMME_WINDOW_PASSED"}));
}

}  // namespace
}  // namespace assist::intercultural
