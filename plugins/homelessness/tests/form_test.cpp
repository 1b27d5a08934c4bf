// The form options of the homelessness payloads: every field and value labelled, an example for
// every required field, and `required` exactly where the plugin's validation requires a field.
#include <gtest/gtest.h>

#include <assist/plugin/testing/case_context.hpp>
#include <assist/plugin/testing/form_agreement.hpp>
#include <string>
#include <vector>

#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

TEST(HomelessnessForms, AreCompleteAndRequireWhatValidationRequires) {
  const HomelessnessPlugin plugin;
  const std::vector<std::string> mismatches = sdk::testing::PluginFormMismatches(
      plugin, sdk::testing::Context("2026-09-01", sdk::CaseSubject::kPerson));
  EXPECT_TRUE(mismatches.empty()) << ::testing::PrintToString(mismatches);
}

}  // namespace
}  // namespace assist::homelessness
