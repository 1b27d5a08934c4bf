#include "integration_programme.hpp"

#include <string>

#include "checks.hpp"
#include "labels.hpp"
#include "legal_status.hpp"

namespace assist::intercultural {
namespace {

std::string Who(const StatusHolder& holder, bool polish) {
  if (!holder.name.empty()) return holder.name;
  return polish ? "Rodzina" : "The family";
}

}  // namespace

bool GrantsIntegrationProgramme(int kind) {
  return kind == v1::LEGAL_STATUS_KIND_REFUGEE ||
         kind == v1::LEGAL_STATUS_KIND_SUBSIDIARY_PROTECTION ||
         kind == v1::LEGAL_STATUS_KIND_INTERNATIONAL_PROTECTION;
}

void CheckIntegrationProgrammeApplications(const v1::Intake& intake,
                                           const sdk::CaseContext& context, sdk::Violations& v) {
  for (int i = 0; i < intake.members_size(); ++i) {
    const v1::Member& member = intake.members(i);
    const std::string path = sdk::At("members", i) + ".integration_programme_applied_on";
    const std::optional<sdk::Date> applied =
        v.OptionalDate(member.integration_programme_applied_on(), path);
    if (!applied) continue;
    const v1::LegalStatus& status =
        member.has_legal_status() ? member.legal_status() : intake.legal_status();
    if (!v.Require(GrantsIntegrationProgramme(status.kind()), path,
                   "is only recorded for a person granted refugee status or subsidiary protection",
                   "wpisuje się tylko u osoby ze statusem uchodźcy lub ochroną uzupełniającą")) {
      continue;
    }
    NotBefore(v, applied, sdk::ParseDate(status.granted_on()), true, path,
              "the date the status was granted", "data uzyskania statusu");
    NotAfterStep(v, applied, context, path);
  }
}

void WarnAboutIntegrationProgramme(const v1::Intake& intake, const sdk::CaseContext& context,
                                   sdk::Status& result) {
  if (!context.step_date.ok()) return;
  for (const StatusHolder& holder : StatusHolders(intake)) {
    if (!GrantsIntegrationProgramme(holder.status->kind())) continue;
    if (holder.member != nullptr && !holder.member->integration_programme_applied_on().empty()) {
      continue;
    }
    const std::optional<sdk::Date> granted = sdk::ParseDate(holder.status->granted_on());
    if (!granted) continue;
    const sdk::Date last = sdk::AddDays(*granted, kIntegrationProgrammeWindowDays);
    const Label kind = LegalStatusLabel(holder.status->kind());
    const std::string since = sdk::FormatDate(*granted);
    const std::string until = sdk::FormatDate(last);
    if (context.step_date <= last) {
      const std::string left = std::to_string(sdk::DaysBetween(context.step_date, last));
      result.AddWarning({"INTEGRATION_PROGRAMME_WINDOW_OPEN",
                         Who(holder, false) + " (" + std::string(kind.en) + " since " + since +
                             ") may apply for an individual integration programme until " + until +
                             ": " + left +
                             " days left (social assistance act, art. 92-93: within 60 days).",
                         Who(holder, true) + " (" + std::string(kind.pl) + " od " + since +
                             ") może złożyć wniosek o indywidualny program integracji do " + until +
                             ": zostało dni: " + left +
                             " (ustawa o pomocy społecznej, art. 92-93: w ciągu 60 "
                             "dni)."});
    } else if (!context.referred_on.ok() || last >= context.referred_on) {
      result.AddWarning({"INTEGRATION_PROGRAMME_WINDOW_PASSED",
                         "The 60 days in which " + Who(holder, false) + " (" +
                             std::string(kind.en) + " since " + since +
                             ") could apply for an individual integration programme " +
                             "ended on " + until +
                             ": check whether the application was made and record its "
                             "date.",
                         "Termin 60 dni na złożenie wniosku o indywidualny program integracji (" +
                             Who(holder, true) + ", " + std::string(kind.pl) + " od " + since +
                             ") upłynął " + until +
                             ": należy sprawdzić, czy wniosek złożono, i wpisać jego "
                             "datę."});
    }
  }
}

}  // namespace assist::intercultural
