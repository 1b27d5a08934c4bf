#pragma once
// Yearly figures of one centre per assistance type, in the shape the centres report them
// ("22 assistants, 291 families in 2018"), plus the plugins' outcome indicators.
#include <string>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

// The figures, without the audit row (RenderStatisticsReport writes its own).
assist::v1::Statistics StatisticsOf(Transaction& tx, const Identity& who,
                                    const PluginRegistry& registry,
                                    const assist::v1::GetStatisticsRequest& request);

assist::v1::Statistics CentreStatistics(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry,
                                        const assist::v1::GetStatisticsRequest& request);

// How the audit rows name the period: "2025" for a whole year, else "2025-01-01..2025-06-30".
std::string StatisticsPeriodText(const assist::v1::GetStatisticsRequest& request,
                                 const assist::v1::Statistics& stats);

}  // namespace assist::host
