#include "non_cooperation_notice.hpp"

#include <assist/family/v1/family.pb.h>

#include <assist/plugin/message_cast.hpp>
#include <sstream>

#include "checks.hpp"

namespace assist::family {
namespace {

const char* CooperationPl(int cooperation) {
  switch (cooperation) {
    case v1::COOPERATION_REFUSED_MEETING:
      return "odmowa spotkania";
    case v1::COOPERATION_ABSENT:
      return "nieobecność na uzgodnionym spotkaniu";
    case v1::COOPERATION_REFUSED_ACTIONS:
      return "odmowa realizacji działań z planu pracy";
    default:
      return "brak współpracy";
  }
}

// The contacts at which the family did not cooperate, oldest first; returns how many.
int WriteRefusals(std::ostream& out, const sdk::CaseRecord& record) {
  int refusals = 0;
  for (const auto& contact : record.contacts) {
    v1::Contact copy;
    const v1::Contact* details = sdk::As(contact.details, copy);
    if (details == nullptr || !IsNonCooperation(details->cooperation())) continue;
    ++refusals;
    out << "   - " << sdk::FormatDate(contact.on) << ": " << CooperationPl(details->cooperation());
    if (!contact.notes.empty()) out << " (" << contact.notes << ")";
    out << "\n";
  }
  return refusals;
}

}  // namespace

sdk::Status RenderNonCooperationNotice(const sdk::CaseRecord& record, std::string& text) {
  const sdk::CaseContext& context = *record.context;
  v1::Intake intake_copy;
  const v1::Intake* intake = sdk::As(context.intake, intake_copy);
  if (intake == nullptr) {
    return sdk::Status::FailedPrecondition("a notice to the court needs the intake first");
  }
  if (intake->legal_basis() != v1::LEGAL_BASIS_COURT_ORDER) {
    return sdk::Status::FailedPrecondition(
        "the family works with the assistant by its own consent, not by a court order: there is "
        "no court to notify (a family that no longer wants the work withdraws its consent)");
  }
  std::ostringstream refusals;
  const int count = WriteRefusals(refusals, record);
  if (count == 0) {
    return sdk::Status::FailedPrecondition(
        "no contact records that the family did not cooperate (Contact.cooperation): nothing to "
        "report to the court");
  }
  const v1::CourtOrder& order = intake->court_order();
  std::ostringstream out;
  out << order.court() << "\nSygn. akt " << order.reference() << "\n\n"
      << "ZAWIADOMIENIE O BRAKU WSPÓŁPRACY RODZINY Z ASYSTENTEM RODZINY\n\n"
      << "Postanowieniem z dnia " << order.issued_on() << " (sygn. akt " << order.reference()
      << ") Sąd zobowiązał rodzinę do pracy z asystentem rodziny (art. 109 § 2 pkt 1 Kodeksu "
         "rodzinnego i opiekuńczego). Zawiadamiamy, że rodzina nie współpracuje z asystentem "
         "rodziny.\n\n"
      << "Rodzina: " << record.subject << "\n"
      << "Asystent rodziny: "
      << (record.assistant_name.empty() ? record.assistant_id : record.assistant_name) << "\n"
      << "Praca z rodziną od: "
      << (context.work_started_on ? sdk::FormatDate(*context.work_started_on) : "nie rozpoczęto")
      << "\n\nKontakty, podczas których rodzina nie współpracowała (" << count << " z "
      << record.contacts.size() << " odnotowanych kontaktów):\n"
      << refusals.str();
  if (!record.reviews.empty()) {
    v1::Review copy;
    if (const v1::Review* review = sdk::As(record.reviews.back().review, copy)) {
      out << "\nOstatnia ocena sytuacji rodziny (" << sdk::FormatDate(record.reviews.back().on)
          << "): " << review->assessment() << "\n";
    }
  }
  out << "\nSporządzono dnia " << sdk::FormatDate(context.step_date) << ".\n";
  text = out.str();
  return sdk::Status::Ok();
}

}  // namespace assist::family
