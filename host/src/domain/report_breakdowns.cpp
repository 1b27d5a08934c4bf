#include "domain/report_breakdowns.hpp"

#include <assist/plugin/date.hpp>

namespace assist::host {
namespace {

// Counts a span in its bucket: the work lasted from its start to the closure, or to the period's
// last day when the case was still open then.
void CountWorkLength(const WorkSpan& span, const std::string& last,
                     assist::v1::WorkLengths& lengths) {
  auto started = sdk::ParseDate(span.work_started_on);
  const bool closed_by_end = !span.closed_on.empty() && span.closed_on <= last;
  auto ended = sdk::ParseDate(closed_by_end ? span.closed_on : last);
  if (!started || !ended) return;
  if (*ended < sdk::AddMonths(*started, 3)) {
    lengths.set_under_3_months(lengths.under_3_months() + 1);
  } else if (*ended < sdk::AddMonths(*started, 12)) {
    lengths.set_from_3_to_12_months(lengths.from_3_to_12_months() + 1);
  } else if (*ended < sdk::AddMonths(*started, 24)) {
    lengths.set_from_1_to_2_years(lengths.from_1_to_2_years() + 1);
  } else {
    lengths.set_over_2_years(lengths.over_2_years() + 1);
  }
}

}  // namespace

void AddReportBreakdowns(Transaction& tx, const std::string& centre, const std::string& type,
                         const ReportPeriod& period, const PluginRegistry& registry,
                         std::map<std::string, assist::v1::TypeStatistics>& types) {
  for (const WorkSpan& span : ServedWorkSpans(tx, centre, type, period)) {
    CountWorkLength(span, period.last, *types[span.type_id].mutable_work_lengths());
  }
  for (const auto& [key, count] : ServedFlagCounts(tx, centre, type, period)) {
    const auto& [type_id, code] = key;
    auto* flag = types[type_id].add_flags();
    flag->set_code(code);
    flag->set_cases(count.cases);
    flag->set_families(count.families);
    if (const LoadedPlugin* plugin = registry.Find(type_id)) {
      for (const ReportFlagRule& rule : plugin->reporting.flags) {
        if (rule.code != code) continue;
        flag->set_label_pl(rule.label_pl);
        flag->set_label_en(rule.label_en);
      }
    }
  }
}

}  // namespace assist::host
