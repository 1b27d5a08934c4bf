// statistics: the yearly figures of the caller's centre per assistance type.
#include <chrono>
#include <cstdio>
#include <memory>

#include "commands/commands.hpp"
#include "output.hpp"

namespace assistctl {
namespace {

int CurrentYear() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

std::string Mean(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

void PrintStatistics(std::ostream& out, const assist::v1::Statistics& stats) {
  out << "centre " << stats.centre_id() << ", year " << stats.year() << "\n\n";
  Table types({"TYPE", "SERVED", "OPENED", "CLOSED", "OPEN AT YEAR END", "FAMILIES", "PEOPLE",
               "ASSISTANTS"});
  Table indicators({"TYPE", "INDICATOR", "CASES", "MEAN BEFORE", "MEAN AFTER", "IMPROVED"});
  Table closures({"TYPE", "CLOSURE REASON", "CASES"});
  for (const auto& t : stats.types()) {
    types.Add({t.type_id(), std::to_string(t.cases_served()), std::to_string(t.cases_opened()),
               std::to_string(t.cases_closed()), std::to_string(t.open_at_year_end()),
               std::to_string(t.families_served()), std::to_string(t.people_served()),
               std::to_string(t.assistants())});
    for (const auto& i : t.indicators()) {
      if (i.cases() == 0) continue;  // --json lists them all; people want the rated ones
      indicators.Add({t.type_id(), i.code() + " (" + i.label_en() + ")", std::to_string(i.cases()),
                      Mean(i.mean_before()), Mean(i.mean_after()), std::to_string(i.improved())});
    }
    for (const auto& c : t.closures()) {
      closures.Add({t.type_id(),
                    EnumWords(assist::v1::ClosureReason_Name(c.reason()), "CLOSURE_REASON_"),
                    std::to_string(c.cases())});
    }
  }
  types.Print(out);
  out << "\noutcome indicators of the cases closed in " << stats.year() << ":";
  if (indicators.empty()) {
    out << " none rated\n";
  } else {
    out << "\n";
    indicators.Print(out);
  }
  if (!closures.empty()) {
    out << "\nclosures:\n";
    closures.Print(out);
  }
}

}  // namespace

void AddStatisticsCommand(CLI::App& app, Session& session) {
  auto* statistics = app.add_subcommand(
      "statistics", "Yearly figures of your centre per assistance type, with outcome indicators");
  auto request = std::make_shared<assist::v1::GetStatisticsRequest>();
  auto year = std::make_shared<int>(0);
  statistics->add_option("--year", *year, "the year (default the current one)")
      ->check(CLI::Range(1990, 2200));
  statistics->add_option("--type", *request->mutable_type_id(), "only this assistance type");
  statistics->callback([&session, request, year] {
    request->set_year(*year != 0 ? *year : CurrentYear());
    auto& connection = session.connection();
    const auto stats = connection.Call("GetStatistics", connection.cases(),
                                       &assist::v1::CaseService::Stub::GetStatistics, *request);
    if (session.json()) return PrintJson(session.out(), stats);
    PrintStatistics(session.out(), stats);
  });
}

}  // namespace assistctl
