#include "domain/statistics_report.hpp"

#include <cstdio>
#include <vector>

namespace assist::host {
namespace {

struct Line {
  std::string label;  // Polish
  std::string value;
};

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

std::string ClosureLabel(assist::v1::ClosureReason reason) {
  switch (reason) {
    case assist::v1::CLOSURE_REASON_GOALS_ACHIEVED:
      return "osiągnięcie celów";
    case assist::v1::CLOSURE_REASON_CONSENT_WITHDRAWN:
      return "wycofanie zgody";
    case assist::v1::CLOSURE_REASON_MOVED_AWAY:
      return "zmiana miejsca zamieszkania";
    case assist::v1::CLOSURE_REASON_COURT_DECISION:
      return "decyzja sądu";
    case assist::v1::CLOSURE_REASON_NO_COOPERATION:
      return "brak współpracy";
    case assist::v1::CLOSURE_REASON_TRANSFERRED:
      return "przekazanie do innego ośrodka";
    case assist::v1::CLOSURE_REASON_DEATH:
      return "zgon";
    default:
      return "inny";
  }
}

std::string EmploymentLabel(assist::v1::EmploymentForm form) {
  switch (form) {
    case assist::v1::EMPLOYMENT_FORM_EMPLOYMENT_CONTRACT:
      return "umowa o pracę";
    case assist::v1::EMPLOYMENT_FORM_CIVIL_CONTRACT:
      return "umowa zlecenie";
    case assist::v1::EMPLOYMENT_FORM_OTHER:
      return "inna forma";
    default:
      return "spoza rejestru pracowników";
  }
}

std::vector<Line> Lines(const assist::v1::TypeStatistics& t) {
  auto n = [](int value) { return std::to_string(value); };
  std::vector<Line> lines = {
      {"Sprawy prowadzone w okresie", n(t.cases_served())},
      {"Sprawy rozpoczęte w okresie", n(t.cases_opened())},
      {"Sprawy zakończone w okresie", n(t.cases_closed())},
      {"Sprawy trwające na koniec okresu", n(t.open_at_year_end())},
      {"Rodziny objęte wsparciem", n(t.families_served())},
      {"Osoby objęte wsparciem", n(t.people_served())},
      {"Dzieci w rodzinach objętych wsparciem", n(t.children_served())},
      {"Asystenci prowadzący sprawy", n(t.assistants())},
      {"Czas pracy z asystentem: do 3 miesięcy", n(t.work_lengths().under_3_months())},
      {"Czas pracy z asystentem: od 3 do 12 miesięcy", n(t.work_lengths().from_3_to_12_months())},
      {"Czas pracy z asystentem: od 1 roku do 2 lat", n(t.work_lengths().from_1_to_2_years())},
      {"Czas pracy z asystentem: powyżej 2 lat", n(t.work_lengths().over_2_years())},
  };
  for (const auto& by_form : t.assistants_by_employment()) {
    lines.push_back(
        {"Asystenci: " + EmploymentLabel(by_form.employment_form()), n(by_form.assistants())});
  }
  for (const auto& flag : t.flags()) {
    const std::string label = flag.label_pl().empty() ? flag.code() : flag.label_pl();
    lines.push_back({label + ": sprawy", n(flag.cases())});
    lines.push_back({label + ": rodziny", n(flag.families())});
  }
  for (const auto& closure : t.closures()) {
    lines.push_back({"Zakończenie: " + ClosureLabel(closure.reason()), n(closure.cases())});
  }
  for (const auto& i : t.indicators()) {
    lines.push_back({i.label_pl() + ": ocenione sprawy", n(i.cases())});
    lines.push_back({i.label_pl() + ": średnia przed", Number(i.mean_before())});
    lines.push_back({i.label_pl() + ": średnia po", Number(i.mean_after())});
    lines.push_back({i.label_pl() + ": poprawa", n(i.improved())});
  }
  return lines;
}

std::string TypeName(const PluginRegistry& registry, const std::string& type_id) {
  const LoadedPlugin* plugin = registry.Find(type_id);
  return plugin == nullptr || plugin->info.display_name_pl.empty() ? type_id
                                                                   : plugin->info.display_name_pl;
}

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char ch : text) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (const auto& field : fields) {
    if (!row.empty()) row += ',';
    row += CsvField(field);
  }
  return row + "\r\n";
}

}  // namespace

std::string StatisticsCsv(const assist::v1::Statistics& stats, const std::string& centre_name,
                          const PluginRegistry& registry) {
  std::string csv =
      CsvRow({"Ośrodek", "Okres od", "Okres do", "Rodzaj asysty", "Pozycja", "Wartość"});
  for (const auto& t : stats.types()) {
    for (const Line& line : Lines(t)) {
      csv += CsvRow({centre_name, stats.period_from(), stats.period_to(),
                     TypeName(registry, t.type_id()), line.label, line.value});
    }
  }
  return csv;
}

std::string StatisticsText(const assist::v1::Statistics& stats, const std::string& centre_name,
                           const PluginRegistry& registry) {
  std::string text = "SPRAWOZDANIE Z PRACY ASYSTENTÓW\n";
  text += "Ośrodek: " + centre_name + " (" + stats.centre_id() + ")\n";
  text += "Okres sprawozdawczy: od " + stats.period_from() + " do " + stats.period_to() + "\n";
  if (stats.types().empty()) text += "\nBrak spraw prowadzonych w okresie.\n";
  for (const auto& t : stats.types()) {
    text += "\n" + TypeName(registry, t.type_id()) + "\n";
    for (const Line& line : Lines(t)) text += "  " + line.label + ": " + line.value + "\n";
  }
  return text;
}

}  // namespace assist::host
