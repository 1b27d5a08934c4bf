#pragma once
// The figures of a period as a document of one centre: CSV (one row per figure, for a
// spreadsheet) or a printable text, both with Polish headings as the report to the voivode has.
#include <string>

#include "assist/v1/cases.pb.h"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

std::string StatisticsCsv(const assist::v1::Statistics& stats, const std::string& centre_name,
                          const PluginRegistry& registry);

std::string StatisticsText(const assist::v1::Statistics& stats, const std::string& centre_name,
                           const PluginRegistry& registry);

}  // namespace assist::host
