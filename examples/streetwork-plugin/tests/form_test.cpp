// The form options of the streetwork payloads: every field and value labelled, an example for every
// required field, and `required` exactly where the validators require a field.
#include <gtest/gtest.h>

#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/form_agreement.hpp>
#include <string>
#include <vector>

#include "streetwork_plugin.hpp"

namespace assist::streetwork {
namespace {

TEST(StreetworkForms, AreCompleteAndRequireWhatValidationRequires) {
  const StreetworkPlugin plugin;
  const std::vector<std::string> mismatches =
      sdk::testing::PluginFormMismatches(plugin, sdk::testing::Context("2026-09-01"));
  EXPECT_TRUE(mismatches.empty()) << ::testing::PrintToString(mismatches);
}

}  // namespace
}  // namespace assist::streetwork
