#include <gtest/gtest.h>

#include <limits>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::TextOf;
using testing::ValidContact;
using testing::ValidIntake;
using Paths = std::vector<std::string>;

// A contact on `day` of a case whose intake is `intake` (none: not submitted yet) and whose plan
// (with the assistant's statement of 2026-09-15) is ValidPlan.
sdk::Status CheckOn(const v1::Contact& contact, const v1::Intake* intake,
                    std::string_view day = "2026-10-02") {
  const v1::Plan plan = testing::ValidPlan();
  sdk::CaseContext context = Context(day);
  context.intake = intake;
  context.plan = &plan;
  return DisabilityPlugin().Validate(sdk::Step::kContact, contact, context);
}

// A contact on `day` of a case with the valid intake and `plan` (nullptr: none yet).
sdk::Status CheckWithPlan(const v1::Contact& contact, const v1::Plan* plan,
                          std::string_view day = "2026-10-02") {
  const v1::Intake intake = ValidIntake();
  sdk::CaseContext context = Context(day);
  context.intake = &intake;
  context.plan = plan;
  return DisabilityPlugin().Validate(sdk::Step::kContact, contact, context);
}

std::string Reason(const sdk::Status& status) {
  return status.refusal() != nullptr ? status.refusal()->code : "";
}

sdk::Status Check(const v1::Contact& contact) {
  const v1::Intake intake = ValidIntake();  // certificate valid until 2027-12-31
  return CheckOn(contact, &intake);
}

TEST(DisabilityContact, ValidContactPasses) {
  EXPECT_TRUE(Check(ValidContact()).ok());
  EXPECT_TRUE(Check(v1::Contact()).ok());  // no hours, no categories: e.g. a phone call
}

TEST(DisabilityContact, HoursBetweenZeroAndADay) {
  v1::Contact contact = ValidContact();
  contact.set_hours_delivered(24);
  EXPECT_TRUE(Check(contact).ok());
  for (double hours : {-0.5, 24.25, std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity()}) {
    contact.set_hours_delivered(hours);
    EXPECT_EQ(Fields(Check(contact)), (Paths{"hours_delivered"})) << hours;
  }
}

TEST(DisabilityContact, CategoriesAreKnownAndListedOnce) {
  v1::Contact contact = ValidContact();
  contact.add_categories(v1::CATEGORY_SHOPPING);  // [2], already at [0]
  contact.add_categories(v1::CATEGORY_UNSPECIFIED);
  contact.add_categories(static_cast<v1::Category>(40));
  contact.set_hours_delivered(30);
  EXPECT_EQ(Fields(Check(contact)),
            (Paths{"categories[2]", "categories[3]", "categories[4]", "hours_delivered"}));
}

TEST(DisabilityContact, HoursNeedTheIntakeWithTheCertificate) {
  const sdk::Status status = CheckOn(ValidContact(), nullptr);
  EXPECT_EQ(Fields(status), (Paths{"hours_delivered"}));
  EXPECT_NE(TextOf(status, "hours_delivered").find("SubmitIntake"), std::string::npos);
  v1::Contact call = ValidContact();
  call.set_hours_delivered(0);  // a phone call before the intake is fine
  EXPECT_TRUE(CheckOn(call, nullptr).ok());
}

TEST(DisabilityContact, NoHoursAfterTheCertificateExpired) {
  v1::Intake intake = ValidIntake();
  intake.mutable_certificate()->set_valid_until("2026-10-01");
  EXPECT_TRUE(CheckOn(ValidContact(), &intake, "2026-10-01").ok()) << "valid on its last day";
  const sdk::Status status = CheckOn(ValidContact(), &intake, "2026-10-02");
  EXPECT_EQ(Fields(status), (Paths{"hours_delivered"}));
  EXPECT_NE(TextOf(status, "hours_delivered").find("expired on 2026-10-01"), std::string::npos);
  EXPECT_NE(TextOf(status, "hours_delivered").find("wygasło 2026-10-01"), std::string::npos);
  intake.mutable_certificate()->clear_valid_until();
  intake.mutable_certificate()->set_indefinite(true);
  EXPECT_TRUE(CheckOn(ValidContact(), &intake, "2040-01-01").ok());
}

TEST(DisabilityContact, HoursNeedTheAssistantsStatementInThePlan) {
  const sdk::Status without_plan = CheckWithPlan(ValidContact(), nullptr);
  EXPECT_EQ(without_plan.code(), sdk::Code::kFailedPrecondition);
  EXPECT_EQ(Reason(without_plan), "ASSISTANT_STATEMENT_MISSING");
  EXPECT_NE(without_plan.message().find("not a family member"), std::string::npos);
  ASSERT_NE(without_plan.refusal(), nullptr);
  EXPECT_NE(without_plan.refusal()->message_pl.find("członkiem rodziny"), std::string::npos);

  v1::Plan plan = testing::ValidPlan();
  plan.clear_assistant_statement();  // a plan stored before the statement was asked
  EXPECT_EQ(Reason(CheckWithPlan(ValidContact(), &plan)), "ASSISTANT_STATEMENT_MISSING");

  v1::Contact call = ValidContact();
  call.set_hours_delivered(0);  // a phone call is no service: no statement needed
  EXPECT_TRUE(CheckWithPlan(call, nullptr).ok());
}

TEST(DisabilityContact, HoursOnlyFromTheDayOfTheStatement) {
  const v1::Plan plan = testing::ValidPlan();  // statement of 2026-09-15
  EXPECT_TRUE(CheckWithPlan(ValidContact(), &plan, "2026-09-15").ok());
  const sdk::Status before = CheckWithPlan(ValidContact(), &plan, "2026-09-14");
  EXPECT_EQ(Reason(before), "ASSISTANT_STATEMENT_MISSING");
  EXPECT_NE(before.message().find("2026-09-15"), std::string::npos) << before.message();
  EXPECT_EQ(
      before.refusal_details(),
      (std::vector<std::pair<std::string, std::string>>{{"statement_signed_on", "2026-09-15"}}));
}

}  // namespace
}  // namespace assist::disability
