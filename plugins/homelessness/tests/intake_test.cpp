#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::Context;
using testing::Fields;
using testing::kIntakeDate;
using testing::ValidIntake;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Intake& intake) {
  return HomelessnessPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

TEST(HomelessnessIntake, ValidIntakePassesWithoutWarnings) {
  const sdk::Status status = Check(ValidIntake());
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(HomelessnessIntake, ReportsEveryViolationAtOnce) {
  v1::Intake intake = ValidIntake();
  intake.set_sleeping_place(v1::SLEEPING_PLACE_UNSPECIFIED);
  intake.set_crisis_since("2026-09-02");  // after the intake
  intake.set_first_contact(static_cast<v1::FirstContact>(9));
  intake.mutable_addiction()->add_addictions(v1::ADDICTION_ALCOHOL);  // [1], already at [0]
  intake.mutable_incomes(1)->set_monthly_amount_pln(-5);
  intake.set_work_status(v1::WORK_STATUS_UNSPECIFIED);
  intake.add_documents_held(v1::DOCUMENT_UNSPECIFIED);
  intake.mutable_relatives(0)->clear_relation();
  intake.mutable_relatives(0)->set_contact(v1::FAMILY_CONTACT_STATE_UNSPECIFIED);

  const sdk::Status status = Check(intake);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status),
            (Paths{"addiction.addictions[1]", "crisis_since", "documents_held[1]", "first_contact",
                   "incomes[1].monthly_amount_pln", "relatives[0].contact", "relatives[0].relation",
                   "sleeping_place", "work_status"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_en.empty()) << violation.field;
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
  EXPECT_TRUE(status.warnings().empty());
}

TEST(HomelessnessIntake, CrisisDurationIsRequired) {
  v1::Intake intake = ValidIntake();
  intake.clear_crisis_duration();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"crisis_since"}));

  intake.set_crisis_since("01.10.2024");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"crisis_since"}));
  intake.set_crisis_since(std::string(kIntakeDate));  // began on the intake day
  EXPECT_TRUE(Check(intake).ok());
}

TEST(HomelessnessIntake, CrisisMonthsAsAnEstimate) {
  v1::Intake intake = ValidIntake();
  intake.set_crisis_months(0);  // replaces crisis_since: a one-of
  EXPECT_FALSE(intake.has_crisis_since());
  EXPECT_TRUE(Check(intake).ok());
  intake.set_crisis_months(720);
  EXPECT_TRUE(Check(intake).ok());
  intake.set_crisis_months(721);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"crisis_months"}));
  intake.set_crisis_months(-1);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"crisis_months"}));
}

TEST(HomelessnessIntake, OtherSleepingPlaceNeedsANote) {
  v1::Intake intake = ValidIntake();
  intake.set_sleeping_place(v1::SLEEPING_PLACE_OTHER);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"sleeping_place_note"}));
  intake.set_sleeping_place_note("Samochód na parkingu przy plaży");
  EXPECT_TRUE(Check(intake).ok());
}

TEST(HomelessnessIntake, TherapyOnlyWithAnAddiction) {
  v1::Intake intake = ValidIntake();
  intake.mutable_addiction()->set_in_therapy(true);
  EXPECT_TRUE(Check(intake).ok());
  intake.mutable_addiction()->clear_addictions();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"addiction.in_therapy"}));
}

TEST(HomelessnessIntake, IncomeRules) {
  v1::Intake intake = ValidIntake();
  intake.clear_incomes();
  EXPECT_EQ(Fields(Check(intake)), (Paths{"incomes"}));

  v1::Income* none = intake.add_incomes();
  none->set_source(v1::INCOME_SOURCE_NONE);
  EXPECT_TRUE(Check(intake).ok());
  none->set_monthly_amount_pln(100);
  EXPECT_EQ(Fields(Check(intake)), (Paths{"incomes[0].monthly_amount_pln"}));

  none->set_monthly_amount_pln(0);
  v1::Income* pension = intake.add_incomes();
  pension->set_source(v1::INCOME_SOURCE_PENSION);
  pension->set_monthly_amount_pln(50001);
  v1::Income* again = intake.add_incomes();
  again->set_source(v1::INCOME_SOURCE_PENSION);
  intake.add_incomes();  // no source
  EXPECT_EQ(Fields(Check(intake)), (Paths{"incomes[0].source", "incomes[1].monthly_amount_pln",
                                          "incomes[2].source", "incomes[3].source"}));
}

TEST(HomelessnessIntake, RepeatedAndUnknownCodes) {
  v1::Intake intake = ValidIntake();
  intake.add_unmet_basic_needs(v1::BASIC_NEED_HYGIENE);  // [2], already at [1]
  intake.add_unmet_basic_needs(static_cast<v1::BasicNeed>(77));
  intake.add_documents_held(v1::DOCUMENT_ID_CARD);
  EXPECT_EQ(Fields(Check(intake)),
            (Paths{"documents_held[1]", "unmet_basic_needs[2]", "unmet_basic_needs[3]"}));
}

TEST(HomelessnessIntake, HealthInsuranceDateIsADate) {
  v1::Intake intake = ValidIntake();
  intake.mutable_health()->set_health_insurance_until("2027-02-30");
  EXPECT_EQ(Fields(Check(intake)), (Paths{"health.health_insurance_until"}));
  // Not insured: nothing to give, and the intake is accepted (the programme warns).
  intake.mutable_health()->clear_health_insurance_until();
  EXPECT_TRUE(Check(intake).ok());
}

TEST(HomelessnessIntake, MissingIdentityDocumentWarns) {
  v1::Intake intake = ValidIntake();
  intake.clear_documents_held();
  intake.add_documents_held(v1::DOCUMENT_BIRTH_CERTIFICATE);
  sdk::Status status = Check(intake);
  EXPECT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"ID_DOCUMENT_MISSING"}));
  EXPECT_FALSE(status.warnings()[0].message_pl.empty());
  EXPECT_FALSE(status.warnings()[0].message_en.empty());

  intake.add_documents_held(v1::DOCUMENT_PASSPORT);
  EXPECT_TRUE(Check(intake).warnings().empty());
}

TEST(HomelessnessIntake, TextsAreLimited) {
  v1::Intake intake = ValidIntake();
  intake.mutable_health()->set_description(std::string(20001, 'x'));
  intake.set_last_registered_residence(std::string(201, 'x'));
  intake.mutable_addiction()->set_note(std::string(2001, 'x'));
  EXPECT_EQ(Fields(Check(intake)),
            (Paths{"addiction.note", "health.description", "last_registered_residence"}));
}

TEST(HomelessnessIntake, IsForOnePersonNotAFamily) {
  const sdk::Status status =
      HomelessnessPlugin().Validate(sdk::Step::kIntake, ValidIntake(),
                                    sdk::testing::Context(kIntakeDate, sdk::CaseSubject::kFamily));
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("one person"), std::string::npos) << status.message();
}

}  // namespace
}  // namespace assist::homelessness
