#include "assistant_statement.hpp"

#include <assist/plugin/message_cast.hpp>
#include <string>

#include "checks.hpp"

namespace assist::disability {

void CheckAssistantStatement(const v1::Plan& plan, const sdk::CaseContext& context,
                             sdk::Violations& v) {
  if (!v.Require(plan.has_assistant_statement(), "assistant_statement",
                 "is required: the assistant states that they are not a family member, legal "
                 "guardian or housemate of the participant",
                 "jest wymagane: asystent oświadcza, że nie jest członkiem rodziny, opiekunem "
                 "prawnym ani osobą zamieszkującą z uczestnikiem")) {
    return;
  }
  const v1::AssistantStatement& statement = plan.assistant_statement();
  v.RequireText(statement.assistant_name(), "assistant_statement.assistant_name", 200);
  const auto signed_on = v.RequireDate(statement.signed_on(), "assistant_statement.signed_on");
  NotAfterStep(v, signed_on, context, "assistant_statement.signed_on");
  v.Require(statement.not_family_member(), "assistant_statement.not_family_member",
            "must be confirmed: a family member, legal guardian or housemate of the participant "
            "may not be their assistant",
            "musi być potwierdzone: członek rodziny, opiekun prawny ani osoba zamieszkująca z "
            "uczestnikiem nie może być jego asystentem");
}

sdk::Status RequireAssistantStatement(const sdk::CaseContext& context) {
  v1::Plan copy;
  const v1::Plan* plan = sdk::As(context.plan, copy);
  if (plan != nullptr && plan->assistant_statement().not_family_member()) {
    const auto signed_on = sdk::ParseDate(plan->assistant_statement().signed_on());
    if (signed_on && *signed_on <= context.step_date) return sdk::Status::Ok();
    if (signed_on) {
      const std::string day = sdk::FormatDate(*signed_on);
      return sdk::Status::Refused(
          "ASSISTANT_STATEMENT_MISSING",
          "support hours before " + day +
              ", the day of the assistant's statement that they are not a family member of the "
              "participant, cannot be recorded",
          "godzin wsparcia sprzed " + day +
              ", dnia oświadczenia asystenta, że nie jest członkiem rodziny uczestnika, nie można "
              "odnotować",
          {{"statement_signed_on", day}});
    }
  }
  return sdk::Status::Refused(
      "ASSISTANT_STATEMENT_MISSING",
      "support hours need the assistant's statement that they are not a family member, legal "
      "guardian or housemate of the participant: record it in the plan (SubmitPlan) first",
      "godziny wsparcia wymagają oświadczenia asystenta, że nie jest członkiem rodziny, opiekunem "
      "prawnym ani osobą zamieszkującą z uczestnikiem: najpierw wpisz je do planu (SubmitPlan)");
}

}  // namespace assist::disability
