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

// A contact on `day` of a case whose intake is `intake` (none: not submitted yet).
sdk::Status CheckOn(const v1::Contact& contact, const v1::Intake* intake,
                    std::string_view day = "2026-10-02") {
  sdk::CaseContext context = Context(day);
  context.intake = intake;
  return DisabilityPlugin().Validate(sdk::Step::kContact, contact, context);
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

}  // namespace
}  // namespace assist::disability
