#include <set>
#include <string>

#include "checks.hpp"
#include "intercultural_plugin.hpp"

namespace assist::intercultural {

sdk::Status InterculturalPlugin::ValidateContact(const v1::Contact& contact,
                                                 const sdk::CaseContext& context) {
  sdk::Violations v;
  std::set<std::string> used;
  CheckLanguageCodes(contact.languages_used(), "languages_used", v, used);
  // Unset means the assistant did not record how the contact was interpreted.
  RequireOptionalEnum(v, contact.interpretation(), v1::Interpretation_IsValid, "interpretation");
  for (int i = 0; i < contact.topics_size(); ++i) {
    RequireEnum(v, contact.topics(i), v1::SupportArea_IsValid, sdk::At("topics", i));
  }

  sdk::Status status = v.ToStatus();
  if (!status.ok()) return status;
  v1::Intake intake_copy;
  const v1::Intake* intake = sdk::As(context.intake, intake_copy);
  // A relative, often a child, interpreting for the family is no substitute for an interpreter.
  if (intake != nullptr && intake->interpreter_needed() &&
      (contact.interpretation() == v1::INTERPRETATION_NONE ||
       contact.interpretation() == v1::INTERPRETATION_FAMILY_MEMBER)) {
    const bool relative = contact.interpretation() == v1::INTERPRETATION_FAMILY_MEMBER;
    const std::string& language = intake->interpreter_language();
    status.AddWarning({"INTERPRETER_NOT_USED",
                       "The family needs an interpreter (" + language + "), but " +
                           (relative ? "a family member interpreted instead."
                                     : "the contact was held without one."),
                       "Rodzina potrzebuje tłumacza (" + language + "), a " +
                           (relative ? "zamiast niego tłumaczył członek rodziny."
                                     : "kontakt odbył się bez niego.")});
  }
  return status;
}

}  // namespace assist::intercultural
