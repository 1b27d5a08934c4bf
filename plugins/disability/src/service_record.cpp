#include "service_record.hpp"

#include <assist/disability/v1/disability.pb.h>
#include <assist/v1/form_options.pb.h>

#include <assist/plugin/message_cast.hpp>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "hours_budget.hpp"

namespace assist::disability {
namespace {

// Hours as a Polish reader writes them: "2,5", "12", "0,25".
std::string PolishHours(double hours) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", hours);
  std::string text = buf;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  for (char& c : text) {
    if (c == '.') c = ',';
  }
  return text;
}

std::string CategoryLabel(int category) {
  const auto* value = v1::Category_descriptor()->FindValueByNumber(category);
  if (value == nullptr) return std::to_string(category);
  const std::string& label = value->options().GetExtension(assist::v1::value_form).label_pl();
  return label.empty() ? std::string(value->name()) : label;
}

std::string Categories(const v1::Contact& contact) {
  std::string text;
  for (int category : contact.categories()) {
    text += (text.empty() ? "" : "; ") + CategoryLabel(category);
  }
  return text.empty() ? "-" : text;
}

std::string CertificateLine(const sdk::CaseContext& context) {
  v1::Intake copy;
  const v1::Intake* intake = sdk::As(context.intake, copy);
  if (intake == nullptr) return "brak rozpoznania";
  const v1::Certificate& certificate = intake->certificate();
  const auto* level = v1::CertificateLevel_descriptor()->FindValueByNumber(certificate.level());
  std::string text =
      level != nullptr ? level->options().GetExtension(assist::v1::value_form).label_pl() : "";
  if (certificate.multiple_disability()) text += ", niepełnosprawność sprzężona";
  if (!certificate.reference().empty()) text += ", nr " + certificate.reference();
  text += certificate.indefinite() ? ", na stałe" : ", ważne do " + certificate.valid_until();
  return text;
}

struct Line {
  std::string date;
  double hours;
  std::string categories;
};

}  // namespace

sdk::Status RenderServiceRecord(const sdk::CaseRecord& record, std::string& text) {
  if (!record.period_from || !record.period_to || record.context == nullptr) {
    return sdk::Status::FailedPrecondition(
        "the monthly service record covers one month: name it (RenderDocumentRequest.month, "
        "YYYY-MM)");
  }
  const sdk::Date from = *record.period_from;
  const sdk::Date to = *record.period_to;
  const sdk::Date year_start{from.year() / std::chrono::January / 1};
  std::vector<Line> lines;
  double month_total = 0;
  double year_total = 0;
  for (const sdk::CaseRecord::Contact& contact : record.contacts) {
    v1::Contact copy;
    const v1::Contact* details = sdk::As(contact.details, copy);
    if (details == nullptr || !(details->hours_delivered() > 0)) continue;
    if (contact.on < year_start || to < contact.on) continue;
    year_total += details->hours_delivered();
    if (contact.on < from) continue;
    month_total += details->hours_delivered();
    lines.push_back(
        {sdk::FormatDate(contact.on), details->hours_delivered(), Categories(*details)});
  }

  const sdk::CaseContext& context = *record.context;
  const int year = static_cast<int>(from.year());
  const Tier tier = TierOf(context.intake);
  const int limit = MaxHoursPerPerson(context.settings, year, tier);
  const double left = year_total >= limit ? 0.0 : limit - year_total;

  std::ostringstream out;
  out << "KARTA REALIZACJI USŁUG ASYSTENCJI OSOBISTEJ\n"
      << "Program „Asystencja osobista osoby z niepełnosprawnością”\n\n"
      << "Okres: " << sdk::FormatDate(from) << " – " << sdk::FormatDate(to) << "\n"
      << "Uczestnik: " << record.subject << "\n"
      << "Asystent: "
      << (record.assistant_name.empty() ? record.assistant_id : record.assistant_name) << "\n"
      << "Orzeczenie: " << CertificateLine(context) << "\n"
      << "Roczny limit godzin w " << year << " r.: " << limit << " (" << DescribeTier(tier).pl
      << ")\n\n"
      << "Lp. | Data | Liczba godzin | Zakres usług\n";
  if (lines.empty()) out << "W tym miesiącu nie zrealizowano usług.\n";
  int number = 0;
  for (const Line& line : lines) {
    out << ++number << ". | " << line.date << " | " << PolishHours(line.hours) << " | "
        << line.categories << "\n";
  }
  out << "\nRazem w miesiącu: " << PolishHours(month_total) << " godz.\n"
      << "Zrealizowano w " << year << " r. do końca okresu: " << PolishHours(year_total)
      << " godz.; pozostało z limitu: " << PolishHours(left) << " godz.\n\n"
      << "Potwierdzam zrealizowanie usług asystencji osobistej w wymiarze podanym powyżej.\n\n"
      << "..............................................\n"
      << "Data i podpis uczestnika (opiekuna prawnego)\n\n"
      << "..............................................\n"
      << "Data i podpis asystenta\n\n"
      << "..............................................\n"
      << "Data i podpis koordynatora w ośrodku\n";
  text = out.str();
  return sdk::Status::Ok();
}

}  // namespace assist::disability
