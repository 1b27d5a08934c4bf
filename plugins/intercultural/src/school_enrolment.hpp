#pragma once
// A child's school enrolment, and the warning for a child of compulsory school age who is not
// enrolled. Foreign children are under compulsory schooling as Polish children are (Prawo
// oświatowe, art. 165 ust. 1); it starts with the school year of the calendar year in which the
// child turns 7 and lasts until the end of primary school, at most until 18 (art. 35 ust. 1).
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>

namespace assist::intercultural {

// Whether a child born on `birth` is of compulsory school age on `on`: from 1 September of the
// year the child turns 7 until the day before the 18th birthday.
bool OfCompulsorySchoolAge(const sdk::Date& birth, const sdk::Date& on);

// members[i].school: only for a child; enrolled needs school, grade and enrolled_from (not after
// the step) and no reason; not enrolled needs a reason and none of the three; "other" a note.
void CheckSchoolEnrolments(const v1::Intake& intake, const sdk::CaseContext& context,
                           sdk::Violations& v);

// CHILD_NOT_ENROLLED for each child of compulsory school age on the step's date who is not
// recorded as enrolled, naming the child and the reason given.
void WarnAboutChildrenNotEnrolled(const v1::Intake& intake, const sdk::Date& step_date,
                                  sdk::Status& result);

}  // namespace assist::intercultural
