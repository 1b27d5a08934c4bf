#pragma once
// For a plugin's unit tests: reading what Validate and SummarizeOutcomes return, so that tests
// compare field paths and warning codes as sorted lists.
#include <algorithm>
#include <assist/plugin/plugin.hpp>
#include <assist/plugin/status.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace assist::sdk::testing {

// The violated field paths, sorted, so tests compare them as a set.
inline std::vector<std::string> Fields(const Status& status) {
  std::vector<std::string> fields;
  for (const auto& violation : status.violations()) fields.push_back(violation.field);
  std::sort(fields.begin(), fields.end());
  return fields;
}

// The warning codes, sorted.
inline std::vector<std::string> WarningCodes(const Status& status) {
  std::vector<std::string> codes;
  for (const auto& warning : status.warnings()) codes.push_back(warning.code);
  std::sort(codes.begin(), codes.end());
  return codes;
}

// "<English> | <Polish>" of the first violation of `field`; empty when there is none.
inline std::string TextOf(const Status& status, const std::string& field) {
  for (const auto& violation : status.violations()) {
    if (violation.field == field) {
      return violation.description_en + " | " + violation.description_pl;
    }
  }
  return "";
}

// The summary of the indicator `code`; throws std::out_of_range when there is none.
inline const IndicatorSummary& FindSummary(const std::vector<IndicatorSummary>& summaries,
                                           const std::string& code) {
  for (const auto& summary : summaries) {
    if (summary.code == code) return summary;
  }
  throw std::out_of_range("no indicator " + code);
}

}  // namespace assist::sdk::testing
