#include "domain/statistics.hpp"

#include <map>
#include <string>

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plugin_bridge.hpp"
#include "domain/report_breakdowns.hpp"
#include "domain/report_period.hpp"
#include "domain/request_checks.hpp"
#include "store/statistics_repository.hpp"

namespace assist::host {
namespace {

using google::protobuf::Message;

void FillIndicators(Transaction& tx, const std::string& centre, const LoadedPlugin& plugin,
                    const PeriodBounds& y, assist::v1::TypeStatistics& out) {
  std::vector<std::unique_ptr<Message>> outcomes;
  for (const auto& json : OutcomesClosedInPeriod(tx, centre, plugin.info.id, y)) {
    outcomes.push_back(FromStoredJson(json, *plugin.outcome));
  }
  std::vector<const Message*> views;
  views.reserve(outcomes.size());
  for (const auto& each : outcomes) views.push_back(each.get());
  for (const auto& s : SummarizeOutcomes(plugin, views)) {
    auto* i = out.add_indicators();
    i->set_code(s.code);
    i->set_label_pl(s.label_pl);
    i->set_label_en(s.label_en);
    i->set_cases(s.cases);
    i->set_mean_before(s.mean_before);
    i->set_mean_after(s.mean_after);
    i->set_improved(s.improved);
  }
}

}  // namespace

assist::v1::Statistics StatisticsOf(Transaction& tx, const Identity& who,
                                    const PluginRegistry& registry,
                                    const assist::v1::GetStatisticsRequest& request) {
  const ReportPeriod period = PeriodOf(request);
  std::vector<const LoadedPlugin*> types;
  if (!request.type_id().empty()) {
    types.push_back(&LoadedType(registry, request.type_id()));
  } else {
    for (const auto& plugin : registry.all()) types.push_back(plugin.get());
  }
  const PeriodBounds bounds{period.first, period.last};
  assist::v1::Statistics stats;
  stats.set_centre_id(who.centre_id);
  stats.set_year(request.year());
  stats.set_period_from(period.first);
  stats.set_period_to(period.last);
  auto counts = CountCasesOfPeriod(tx, who.centre_id, request.type_id(), bounds);
  AddReportBreakdowns(tx, who.centre_id, request.type_id(), period, registry, counts);
  for (const LoadedPlugin* plugin : types) {
    assist::v1::TypeStatistics type;
    if (auto found = counts.find(plugin->info.id); found != counts.end()) {
      type = std::move(found->second);
    }
    type.set_type_id(plugin->info.id);
    if (type.cases_served() == 0 && request.type_id().empty()) continue;
    FillIndicators(tx, who.centre_id, *plugin, bounds, type);
    *stats.add_types() = std::move(type);
  }
  return stats;
}

assist::v1::Statistics CentreStatistics(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry,
                                        const assist::v1::GetStatisticsRequest& request) {
  assist::v1::Statistics stats = StatisticsOf(tx, who, registry, request);
  AppendAudit(tx, who, "GetStatistics", 0, AuditAction::kRead,
              "statistics " + StatisticsPeriodText(request, stats));
  return stats;
}

std::string StatisticsPeriodText(const assist::v1::GetStatisticsRequest& request,
                                 const assist::v1::Statistics& stats) {
  return IsWholeYear(request) ? std::to_string(request.year())
                              : stats.period_from() + ".." + stats.period_to();
}

}  // namespace assist::host
