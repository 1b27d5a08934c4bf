#include "assistant_statement.hpp"
#include "certificate.hpp"
#include "checks.hpp"
#include "disability_plugin.hpp"

namespace assist::disability {
namespace {

// Support hours go to a person with a current certificate: the one in the case's intake. A
// contact without hours (a phone call, the intake visit itself) needs neither.
void CheckHoursAreCovered(const v1::Contact& contact, const sdk::CaseContext& context,
                          sdk::Violations& v) {
  if (!(contact.hours_delivered() > 0)) return;
  if (context.intake == nullptr) {
    v.Add("hours_delivered",
          "cannot be recorded before the intake with the disability certificate (SubmitIntake)",
          "nie mogą być odnotowane przed rozpoznaniem z orzeczeniem o niepełnosprawności "
          "(SubmitIntake)");
    return;
  }
  const auto expiry = CurrentCertificateExpiry(context);
  if (expiry && context.step_date.ok() && *expiry < context.step_date) {
    const std::string until = sdk::FormatDate(*expiry);
    v.Add("hours_delivered",
          "cannot be recorded: the certificate expired on " + until +
              "; submit an intake with the renewed certificate first",
          "nie mogą być odnotowane: orzeczenie wygasło " + until +
              "; najpierw wprowadź rozpoznanie z nowym orzeczeniem");
  }
}

}  // namespace

sdk::Status DisabilityPlugin::ValidateContact(const v1::Contact& contact,
                                              const sdk::CaseContext& context) {
  sdk::Violations v;
  RequireHours(v, contact.hours_delivered(), 24, "hours_delivered");
  RequireUniqueCodes(v, contact.categories(), v1::Category_IsValid, "categories");
  if (v.empty()) CheckHoursAreCovered(contact, context, v);
  if (!v.empty() || !(contact.hours_delivered() > 0)) return v.ToStatus();
  return RequireAssistantStatement(context);
}

}  // namespace assist::disability
