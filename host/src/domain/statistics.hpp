#pragma once
// Yearly figures of one centre per assistance type, in the shape the centres report them
// ("22 assistants, 291 families in 2018"), plus the plugins' outcome indicators.
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

assist::v1::Statistics CentreStatistics(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry,
                                        const assist::v1::GetStatisticsRequest& request);

}  // namespace assist::host
