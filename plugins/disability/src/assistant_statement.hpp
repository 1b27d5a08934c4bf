#pragma once
// The assistant's statement (oświadczenie asystenta) that they are not a member of the
// participant's family, their legal guardian, nor live with them: the programme "Asystencja
// osobista osoby z niepełnosprawnością" does not let such a person provide the service. It is
// recorded in the plan; support hours are accepted only from the day it was made.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>

namespace assist::disability {

// The plan's statement: given, named, dated not after the plan's day, and confirmed.
void CheckAssistantStatement(const v1::Plan& plan, const sdk::CaseContext& context,
                             sdk::Violations& v);

// OK when the case's current plan holds a confirmed statement made on or before the step's day;
// else FAILED_PRECONDITION with reason ASSISTANT_STATEMENT_MISSING.
sdk::Status RequireAssistantStatement(const sdk::CaseContext& context);

}  // namespace assist::disability
