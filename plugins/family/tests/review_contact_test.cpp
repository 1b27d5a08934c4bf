#include <gtest/gtest.h>

#include "family_plugin.hpp"
#include "fixtures.hpp"

namespace assist::family {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidContact;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::ValidReview;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status CheckReview(const v1::Review& review, const v1::Plan* plan) {
  sdk::CaseContext context = Context("2027-02-20");
  context.plan = plan;
  return FamilyPlugin().Validate(sdk::Step::kReview, review, context);
}

sdk::Status CheckContact(const v1::Contact& contact, const v1::Intake* intake) {
  sdk::CaseContext context = Context("2026-10-02");
  context.intake = intake;
  return FamilyPlugin().Validate(sdk::Step::kContact, contact, context);
}

TEST(FamilyReview, ValidReviewPasses) {
  const v1::Plan plan = ValidPlan();
  const sdk::Status status = CheckReview(ValidReview(), &plan);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
}

TEST(FamilyReview, ReportsEveryViolationAtOnce) {
  const v1::Plan plan = ValidPlan();  // areas: upbringing and care, household budget
  v1::Review review = ValidReview();
  review.clear_assessment();
  review.set_recommendation(v1::RECOMMENDATION_UNSPECIFIED);
  review.mutable_progress(0)->set_progress(v1::PROGRESS_UNSPECIFIED);
  v1::AreaProgress* not_in_plan = review.add_progress();
  not_in_plan->set_area(v1::GOAL_AREA_WORK);
  not_in_plan->set_progress(v1::PROGRESS_NONE);
  v1::AreaProgress* repeated = review.add_progress();
  repeated->set_area(v1::GOAL_AREA_UPBRINGING_AND_CARE);
  repeated->set_progress(v1::PROGRESS_ACHIEVED);

  const sdk::Status status = CheckReview(review, &plan);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"assessment", "progress[0].progress", "progress[1].area",
                                   "progress[2].area", "recommendation"}));
}

TEST(FamilyReview, AreasAreNotCheckedAgainstAMissingPlan) {
  v1::Review review = ValidReview();
  review.mutable_progress(0)->set_area(v1::GOAL_AREA_WORK);
  EXPECT_TRUE(CheckReview(review, nullptr).ok());
}

TEST(FamilyReview, RiskToChildSafetyWarns) {
  const v1::Plan plan = ValidPlan();
  v1::Review review = ValidReview();
  review.set_risk_to_child_safety(true);
  const sdk::Status status = CheckReview(review, &plan);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(WarningCodes(status), (Paths{"CHILD_SAFETY_RISK"}));
}

TEST(FamilyContact, ValidContactPasses) {
  const v1::Intake intake = ValidIntake();
  EXPECT_TRUE(CheckContact(ValidContact(), &intake).ok());
  EXPECT_TRUE(CheckContact(v1::Contact(), &intake).ok());  // the details are optional
}

TEST(FamilyContact, MembersMustBeThoseOfTheIntake) {
  const v1::Intake intake = ValidIntake();
  v1::Contact contact = ValidContact();
  contact.add_present_members("Piotr Kowal");
  contact.add_present_members("");
  contact.add_topics(v1::GOAL_AREA_UNSPECIFIED);
  EXPECT_EQ(Fields(CheckContact(contact, &intake)),
            (Paths{"present_members[2]", "present_members[3]", "topics[1]"}));
  // Without an intake a name cannot be checked, but it still must be there.
  EXPECT_EQ(Fields(CheckContact(contact, nullptr)), (Paths{"present_members[3]", "topics[1]"}));
}

}  // namespace
}  // namespace assist::family
