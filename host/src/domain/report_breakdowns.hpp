#pragma once
// The family-support report's breakdowns of the figures of a period, for any type: how long the
// work has lasted and the intake facts the type declares (the families' children are counted
// with the people served, in store/statistics_repository.hpp).
#include <map>
#include <string>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"
#include "plugins/plugin_registry.hpp"
#include "store/period_report_repository.hpp"

namespace assist::host {

// Adds the breakdowns to `types` (by type id), in two grouped passes over the centre's cases
// served in `period` (of `type` alone when it is set).
void AddReportBreakdowns(Transaction& tx, const std::string& centre, const std::string& type,
                         const ReportPeriod& period, const PluginRegistry& registry,
                         std::map<std::string, assist::v1::TypeStatistics>& types);

}  // namespace assist::host
