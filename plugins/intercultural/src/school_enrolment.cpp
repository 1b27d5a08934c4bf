#include "school_enrolment.hpp"

#include <string>

#include "checks.hpp"

namespace assist::intercultural {
namespace {

constexpr int kSchoolStartAge = 7;
constexpr int kSchoolEndAge = 18;

struct ReasonText {
  const char* en;
  const char* pl;
};

ReasonText ReasonOf(int reason) {
  switch (reason) {
    case v1::NOT_ENROLLED_REASON_NOT_YET_APPLIED:
      return {"the family has not applied yet", "rodzina jeszcze nie złożyła wniosku"};
    case v1::NOT_ENROLLED_REASON_AWAITING_PLACE:
      return {"waiting for a place", "oczekuje na miejsce"};
    case v1::NOT_ENROLLED_REASON_REMOTE_SCHOOL_ABROAD:
      return {"learns remotely at a school of the country of origin",
              "uczy się zdalnie w szkole kraju pochodzenia"};
    case v1::NOT_ENROLLED_REASON_HEALTH:
      return {"health", "stan zdrowia"};
    case v1::NOT_ENROLLED_REASON_OTHER:
      return {"other", "inny"};
    default:
      return {"no enrolment recorded", "brak informacji o zapisie"};
  }
}

void CheckOne(const v1::SchoolEnrolment& school, const std::string& path,
              const sdk::CaseContext& context, sdk::Violations& v) {
  if (school.enrolled()) {
    v.RequireText(school.school(), path + ".school", 300);
    v.RequireText(school.grade(), path + ".grade", 50);
    NotAfterStep(v, v.RequireDate(school.enrolled_from(), path + ".enrolled_from"), context,
                 path + ".enrolled_from");
    v.Require(school.not_enrolled_reason() == 0, path + ".not_enrolled_reason",
              "is only given when the child is not enrolled",
              "podaje się tylko, gdy dziecko nie jest zapisane");
  } else {
    for (const auto& [text, field] :
         {std::pair{&school.school(), ".school"}, std::pair{&school.grade(), ".grade"},
          std::pair{&school.enrolled_from(), ".enrolled_from"}}) {
      v.Require(text->empty(), path + field, "is only given when the child is enrolled",
                "podaje się tylko, gdy dziecko jest zapisane");
    }
    if (RequireEnum(v, school.not_enrolled_reason(), v1::NotEnrolledReason_IsValid,
                    path + ".not_enrolled_reason") &&
        school.not_enrolled_reason() == v1::NOT_ENROLLED_REASON_OTHER) {
      v.RequireText(school.note(), path + ".note", 2000);
      return;
    }
  }
  LimitText(v, school.note(), path + ".note", 2000);
}

}  // namespace

bool OfCompulsorySchoolAge(const sdk::Date& birth, const sdk::Date& on) {
  const sdk::Date first = (birth.year() + std::chrono::years{kSchoolStartAge}) /
                          std::chrono::September / std::chrono::day{1};
  return first <= on && on < sdk::AddMonths(birth, 12 * kSchoolEndAge);
}

void CheckSchoolEnrolments(const v1::Intake& intake, const sdk::CaseContext& context,
                           sdk::Violations& v) {
  for (int i = 0; i < intake.members_size(); ++i) {
    const v1::Member& member = intake.members(i);
    if (!member.has_school()) continue;
    const std::string path = sdk::At("members", i) + ".school";
    if (!v.Require(member.role() == v1::MEMBER_ROLE_CHILD, path, "is only recorded for a child",
                   "wpisuje się tylko dla dziecka")) {
      continue;
    }
    CheckOne(member.school(), path, context, v);
  }
}

void WarnAboutChildrenNotEnrolled(const v1::Intake& intake, const sdk::Date& step_date,
                                  sdk::Status& result) {
  if (!step_date.ok()) return;
  for (const v1::Member& member : intake.members()) {
    if (member.role() != v1::MEMBER_ROLE_CHILD || member.school().enrolled()) continue;
    const std::optional<sdk::Date> birth = sdk::ParseDate(member.birth_date());
    if (!birth || !OfCompulsorySchoolAge(*birth, step_date)) continue;
    const ReasonText reason = ReasonOf(member.school().not_enrolled_reason());
    result.AddWarning(
        {"CHILD_NOT_ENROLLED",
         member.name() + " (born " + member.birth_date() +
             ") is of compulsory school age and is not enrolled at a school (" + reason.en +
             "): help the family enrol the child (Prawo oświatowe, art. 35 and 165).",
         member.name() + " (ur. " + member.birth_date() +
             ") podlega obowiązkowi szkolnemu i nie jest zapisane do szkoły (" + reason.pl +
             "): należy pomóc rodzinie zapisać dziecko (Prawo oświatowe, art. 35 i 165)."});
  }
}

}  // namespace assist::intercultural
