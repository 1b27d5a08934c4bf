// School enrolment per child, and the warning for a child of compulsory school age who is not
// enrolled (Prawo oświatowe, art. 35 and 165).
#include "school_enrolment.hpp"

#include <gtest/gtest.h>

#include <string>

#include "fixtures.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {
namespace {

using testing::Context;
using testing::D;
using testing::Fields;
using testing::kIntakeDate;
using testing::ValidIntake;
using testing::ValidPlan;
using testing::ValidReview;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status CheckIntake(const v1::Intake& intake) {
  return InterculturalPlugin().Validate(sdk::Step::kIntake, intake, Context(kIntakeDate));
}

v1::Intake MaksymNotEnrolled(v1::NotEnrolledReason reason) {
  v1::Intake intake = ValidIntake();
  v1::SchoolEnrolment* school = intake.mutable_members(1)->mutable_school();
  school->Clear();
  school->set_not_enrolled_reason(reason);
  return intake;
}

TEST(InterculturalSchool, CompulsorySchoolAgeFromSeptemberOfTheYearTheChildTurnsSeven) {
  EXPECT_FALSE(OfCompulsorySchoolAge(D("2019-12-31"), D("2026-08-31")));
  EXPECT_TRUE(OfCompulsorySchoolAge(D("2019-12-31"), D("2026-09-01")));  // still 6
  EXPECT_FALSE(OfCompulsorySchoolAge(D("2020-01-01"), D("2026-09-01")));
  EXPECT_TRUE(OfCompulsorySchoolAge(D("2008-09-01"), D("2026-08-31")));
  EXPECT_FALSE(OfCompulsorySchoolAge(D("2008-09-01"), D("2026-09-01")));  // 18 that day
}

TEST(InterculturalSchool, WarnsForAChildOfSchoolAgeWhoIsNotEnrolledNamingTheChild) {
  const sdk::Status status = CheckIntake(MaksymNotEnrolled(v1::NOT_ENROLLED_REASON_AWAITING_PLACE));
  ASSERT_TRUE(status.ok());
  ASSERT_EQ(WarningCodes(status), (Paths{"CHILD_NOT_ENROLLED"}));
  EXPECT_NE(status.warnings()[0].message_en.find("Maksym Kovalenko (born 2014-02-03)"),
            std::string::npos);
  EXPECT_NE(status.warnings()[0].message_en.find("waiting for a place"), std::string::npos);
  EXPECT_NE(status.warnings()[0].message_pl.find("oczekuje na miejsce"), std::string::npos);
}

TEST(InterculturalSchool, AChildWithNoEnrolmentRecordedIsWarnedAbout) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(1)->clear_school();
  EXPECT_EQ(WarningCodes(CheckIntake(intake)), (Paths{"CHILD_NOT_ENROLLED"}));
}

TEST(InterculturalSchool, NoWarningBelowSchoolAgeOrWhenEnrolled) {
  EXPECT_TRUE(CheckIntake(ValidIntake()).warnings().empty());  // Sofiia is 4, no record
}

TEST(InterculturalSchool, EnrolledNeedsSchoolGradeAndDate) {
  v1::Intake intake = ValidIntake();
  v1::SchoolEnrolment* school = intake.mutable_members(1)->mutable_school();
  school->clear_school();
  school->clear_grade();
  school->set_enrolled_from("2026-09-02");  // after the intake
  school->set_not_enrolled_reason(v1::NOT_ENROLLED_REASON_OTHER);
  EXPECT_EQ(Fields(CheckIntake(intake)),
            (Paths{"members[1].school.enrolled_from", "members[1].school.grade",
                   "members[1].school.not_enrolled_reason", "members[1].school.school"}));
}

TEST(InterculturalSchool, NotEnrolledNeedsAReasonAndOtherANote) {
  v1::Intake intake = MaksymNotEnrolled(v1::NOT_ENROLLED_REASON_UNSPECIFIED);
  intake.mutable_members(1)->mutable_school()->set_school("SP 8");
  EXPECT_EQ(Fields(CheckIntake(intake)),
            (Paths{"members[1].school.not_enrolled_reason", "members[1].school.school"}));
  v1::Intake other = MaksymNotEnrolled(v1::NOT_ENROLLED_REASON_OTHER);
  EXPECT_EQ(Fields(CheckIntake(other)), (Paths{"members[1].school.note"}));
  other.mutable_members(1)->mutable_school()->set_note("Rodzina czeka na przeprowadzkę");
  EXPECT_TRUE(CheckIntake(other).ok());
}

TEST(InterculturalSchool, OnlyAChildsEnrolmentIsRecorded) {
  v1::Intake intake = ValidIntake();
  *intake.mutable_members(0)->mutable_school() = intake.members(1).school();
  EXPECT_EQ(Fields(CheckIntake(intake)), (Paths{"members[0].school"}));
}

TEST(InterculturalSchool, ReviewWarnsOnceTheChildReachesSchoolAge) {
  v1::Intake intake = ValidIntake();
  intake.mutable_members(2)->set_birth_date("2019-10-01");  // Sofiia turns 7 in 2026
  const v1::Plan plan = ValidPlan();
  sdk::CaseContext context = Context("2026-08-31");
  context.intake = &intake;
  context.plan = &plan;
  const InterculturalPlugin plugin;
  EXPECT_TRUE(plugin.Validate(sdk::Step::kReview, ValidReview(), context).warnings().empty());
  context.step_date = D("2026-09-01");
  EXPECT_EQ(WarningCodes(plugin.Validate(sdk::Step::kReview, ValidReview(), context)),
            (Paths{"CHILD_NOT_ENROLLED"}));
}

}  // namespace
}  // namespace assist::intercultural
