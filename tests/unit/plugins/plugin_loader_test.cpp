#include "plugins/plugin_loader.hpp"

#include <gtest/gtest.h>

#include <assist/plugin/version.hpp>
#include <chrono>
#include <fstream>
#include <map>

#include "plugins/plugin_registry.hpp"
#include "test_support.hpp"

namespace assist::host {
namespace {

namespace fs = std::filesystem;

class PluginLoaderTest : public ::testing::Test {
 protected:
  // Copies fixture plugins into a fresh directory, so each test loads exactly what it names.
  fs::path Dir(std::initializer_list<const char*> fixtures) {
    for (const char* name : fixtures) {
      fs::copy_file(fs::path(ASSIST_FIXTURE_DIR) / (std::string(name) + ".so"),
                    dir_.path() / (std::string(name) + ".so"));
    }
    return dir_.path();
  }

  LoadReport LoadOne(const char* fixture) {
    std::vector<LoadReport> reports;
    auto plugins = LoadPlugins(Dir({fixture}), reports);
    EXPECT_EQ(reports.size(), 1u);
    EXPECT_EQ(plugins.size(), reports[0].loaded ? 1u : 0u);
    return reports.at(0);
  }

  testing::TempDir dir_;
};

TEST_F(PluginLoaderTest, LoadsAGoodPluginAndResolvesItsTypes) {
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(Dir({"fixture_good"}), reports);
  ASSERT_EQ(plugins.size(), 1u);
  EXPECT_TRUE(reports[0].loaded) << reports[0].reason;
  EXPECT_EQ(plugins[0]->info.id, "fixture_good");
  EXPECT_EQ(plugins[0]->sdk_version, std::to_string(sdk::kSdkVersionMajor) + "." +
                                         std::to_string(sdk::kSdkVersionMinor) + ".0");
  ASSERT_NE(plugins[0]->intake, nullptr);
  EXPECT_EQ(plugins[0]->intake->full_name(), "assist.v1.Person");
  EXPECT_EQ(plugins[0]->contact, nullptr);
  // The descriptor set carries the declaring file and its imports, imports first.
  ASSERT_GT(plugins[0]->files.file_size(), 0);
  EXPECT_EQ(plugins[0]->files.file(plugins[0]->files.file_size() - 1).name(),
            "assist/v1/cases.proto");
}

TEST_F(PluginLoaderTest, RefusesAnOlderSdkMajorNamingBothVersions) {
  auto report = LoadOne("fixture_old_major");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("incompatible SDK major version"), std::string::npos)
      << report.reason;
  EXPECT_NE(report.reason.find("plugin built with SDK 0."), std::string::npos) << report.reason;
  EXPECT_NE(report.reason.find("host provides SDK 1."), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, RefusesANewerSdkMajorNamingBothVersions) {
  auto report = LoadOne("fixture_new_major");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("incompatible SDK major version"), std::string::npos)
      << report.reason;
  EXPECT_NE(report.reason.find("plugin built with SDK 2.0.0"), std::string::npos) << report.reason;
  EXPECT_NE(report.reason.find("host provides SDK " + HostSdkVersion()), std::string::npos)
      << report.reason;
}

TEST_F(PluginLoaderTest, RefusesAPluginNeedingANewerSdkMinor) {
  auto report = LoadOne("fixture_new_minor");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("newer SDK"), std::string::npos) << report.reason;
  EXPECT_NE(report.reason.find("plugin built with SDK 1.99.0"), std::string::npos) << report.reason;
  EXPECT_NE(report.reason.find("accepts plugins built with SDK " + AcceptedSdkRange()),
            std::string::npos)
      << report.reason;
}

TEST_F(PluginLoaderTest, AcceptsAnotherPatchOfItsSdk) {
  auto report = LoadOne("fixture_other_patch");  // patches change no interface
  EXPECT_TRUE(report.loaded) << report.reason;
}

TEST_F(PluginLoaderTest, AcceptsAPluginBuiltWithAnOlderMinor) {
  // SDK 1.1 only appended to CaseContext, which the host builds: a 1.0 plugin reads what it knows.
  EXPECT_EQ(AcceptedSdkRange(), "1.0.0 to 1.6.x");
  auto report = LoadOne("fixture_old_minor");
  EXPECT_TRUE(report.loaded) << report.reason;
}

TEST_F(PluginLoaderTest, AcceptsAPluginBuiltWithSdk11) {
  // SDK 1.2 added headers only (TypedPlugin): a 1.1 plugin calls the same interface.
  auto report = LoadOne("fixture_sdk_1_1");
  EXPECT_TRUE(report.loaded) << report.reason;
}

TEST_F(PluginLoaderTest, NeverAsksAPluginOlderThanSdk13ForReportingRules) {
  // The same rules that make a 1.3 plugin refused are never read from a 1.2 one: its vtable has
  // no ReportingRules entry, so it loads with none.
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(Dir({"fixture_sdk_1_2_bad_reporting"}), reports);
  ASSERT_EQ(plugins.size(), 1u) << reports.at(0).reason;
  EXPECT_EQ(plugins[0]->reporting.closure_field, nullptr);
  EXPECT_TRUE(plugins[0]->reporting.platform_reasons.empty());
}

TEST_F(PluginLoaderTest, RefusesReportingRulesThatDoNotFitItsTypes) {
  auto report = LoadOne("fixture_bad_reporting");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("reporting rules do not fit its types"), std::string::npos)
      << report.reason;
  EXPECT_NE(report.reason.find("no_such_field"), std::string::npos) << report.reason;
}

// SDK 1.3 appended PluginInfo::max_open_cases_per_assistant: the host reads it from a plugin
// stamped 1.3 or later, and leaves it 0 (no limit) for an older one, whose struct ends before it.
TEST_F(PluginLoaderTest, ReadsTheCaseloadLimitOnlyFromPluginsThatHaveIt) {
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(
      Dir({"fixture_good", "fixture_old_minor", "fixture_sdk_1_1", "fixture_sdk_1_3"}), reports);
  ASSERT_EQ(plugins.size(), 4u);
  std::map<std::string, int> limits;
  for (const auto& plugin : plugins) {
    limits[plugin->info.id] = plugin->info.max_open_cases_per_assistant;
    // The fields every minor version has are read from each.
    EXPECT_EQ(plugin->info.display_name_en, "Fixture plugin") << plugin->info.id;
    EXPECT_EQ(plugin->info.intake_type, "assist.v1.Person") << plugin->info.id;
  }
  EXPECT_EQ(limits, (std::map<std::string, int>{{"fixture_good", 7},
                                                {"fixture_old_minor", 0},
                                                {"fixture_sdk_1_1", 0},
                                                {"fixture_sdk_1_3", 7}}));
}

// SDK 1.4 appended PluginInfo::plan_requires_approval: read from a plugin stamped 1.4 or later;
// an older one's plans are in force without approval (its struct ends before the field).
TEST_F(PluginLoaderTest, ReadsPlanApprovalOnlyFromPluginsThatHaveIt) {
  std::vector<LoadReport> reports;
  auto plugins =
      LoadPlugins(Dir({"fixture_good", "fixture_old_minor", "fixture_sdk_1_3"}), reports);
  ASSERT_EQ(plugins.size(), 3u);
  std::map<std::string, bool> required;
  for (const auto& plugin : plugins)
    required[plugin->info.id] = plugin->info.plan_requires_approval;
  EXPECT_EQ(required,
            (std::map<std::string, bool>{
                {"fixture_good", true}, {"fixture_old_minor", false}, {"fixture_sdk_1_3", false}}));
}

// SDK 1.5 appended PluginInfo::street_outreach: read from a plugin stamped 1.5 or later, while a
// 1.4 plugin keeps its plan approval.
TEST_F(PluginLoaderTest, ReadsStreetOutreachOnlyFromPluginsThatHaveIt) {
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(Dir({"fixture_good", "fixture_sdk_1_4", "fixture_sdk_1_3"}), reports);
  ASSERT_EQ(plugins.size(), 3u);
  std::map<std::string, std::pair<bool, bool>> declared;  // outreach, approval
  for (const auto& plugin : plugins) {
    declared[plugin->info.id] = {plugin->info.street_outreach, plugin->info.plan_requires_approval};
  }
  EXPECT_EQ(declared,
            (std::map<std::string, std::pair<bool, bool>>{{"fixture_good", {true, true}},
                                                          {"fixture_sdk_1_4", {false, true}},
                                                          {"fixture_sdk_1_3", {false, false}}}));
}

// SDK 1.6 appended PluginInfo::ordered_work_flag; it must name one of the type's report flags.
TEST_F(PluginLoaderTest, ReadsTheOrderedWorkFlagOnlyFromPluginsThatHaveIt) {
  std::vector<LoadReport> reports;
  auto plugins =
      LoadPlugins(Dir({"fixture_ordered_work", "fixture_sdk_1_5_ordered_work"}), reports);
  ASSERT_EQ(plugins.size(), 2u);
  std::map<std::string, std::string> declared;
  for (const auto& plugin : plugins) declared[plugin->info.id] = plugin->info.ordered_work_flag;
  EXPECT_EQ(declared, (std::map<std::string, std::string>{{"fixture_ordered_work", "ordered"},
                                                          {"fixture_sdk_1_5_ordered_work", ""}}));
}

TEST_F(PluginLoaderTest, RefusesAnOrderedWorkFlagItDoesNotDeclare) {
  auto report = LoadOne("fixture_ordered_work_undeclared");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("ordered_work_flag \"ordered\" is not one of its report flags"),
            std::string::npos)
      << report.reason;
}

TEST_F(PluginLoaderTest, SurvivesALibraryThatAbortsWhenLoaded) {
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(Dir({"fixture_aborts_on_load", "fixture_good"}), reports);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_FALSE(reports[0].loaded);
  EXPECT_NE(reports[0].reason.find("crashed while loading (signal 6"), std::string::npos)
      << reports[0].reason;
  // What the library said last is quoted, not a guess at the cause.
  EXPECT_NE(reports[0].reason.find("fixture: aborting in a static initialiser"), std::string::npos)
      << reports[0].reason;
  ASSERT_EQ(plugins.size(), 1u);
  EXPECT_EQ(plugins[0]->info.id, "fixture_good");
}

TEST_F(PluginLoaderTest, RefusesAnotherCxxAbi) {
  auto report = LoadOne("fixture_other_cxx_abi");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("another C++ ABI"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, RefusesAnotherProtobufRuntime) {
  auto report = LoadOne("fixture_other_protobuf");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("protobuf 3000000"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, RefusesAFactoryReturningNothing) {
  auto report = LoadOne("fixture_factory_null");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("returned no plugin"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, SurvivesAFactoryThatThrows) {
  auto report = LoadOne("fixture_factory_throws");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("fails on purpose"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, SaysWhatTheConstructorThrewInsideTheSdkFactory) {
  auto report = LoadOne("fixture_sdk_factory_throws");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("the constructor threw: fixture constructor fails on purpose"),
            std::string::npos)
      << report.reason;
}

TEST_F(PluginLoaderTest, RefusesAPluginDeclaringATypeItDoesNotShip) {
  auto report = LoadOne("fixture_missing_type");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("assist.nowhere.v1.Intake"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, RefusesAMalformedTypeId) {
  auto report = LoadOne("fixture_bad_id");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("Bad Id!"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, RefusesALibraryThatIsNotAPlugin) {
  auto report = LoadOne("fixture_not_a_plugin");
  EXPECT_FALSE(report.loaded);
  EXPECT_NE(report.reason.find("not an assistance plugin"), std::string::npos) << report.reason;
}

TEST_F(PluginLoaderTest, RefusesAFileThatIsNotALibrary) {
  std::ofstream(dir_.path() / "notes.so") << "this is a text file, not ELF\n";
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(dir_.path(), reports);
  EXPECT_TRUE(plugins.empty());
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_NE(reports[0].reason.find("not a loadable library"), std::string::npos)
      << reports[0].reason;
}

TEST_F(PluginLoaderTest, RefusesADuplicateIdButKeepsTheFirstAndTheRest) {
  std::ofstream(dir_.path() / "broken.so") << "garbage";
  std::vector<LoadReport> reports;
  auto plugins =
      LoadPlugins(Dir({"fixture_good", "fixture_good_twin", "fixture_new_minor"}), reports);
  ASSERT_EQ(reports.size(), 4u);
  ASSERT_EQ(plugins.size(), 1u);
  EXPECT_EQ(plugins[0]->path, (dir_.path() / "fixture_good.so").string());
  const LoadReport& twin = reports[2];
  EXPECT_FALSE(twin.loaded);
  EXPECT_NE(twin.reason.find("duplicate assistance type id \"fixture_good\""), std::string::npos)
      << twin.reason;
  EXPECT_NE(twin.reason.find("fixture_good.so"), std::string::npos) << twin.reason;

  PluginRegistry registry(std::move(plugins));
  EXPECT_NE(registry.Find("fixture_good"), nullptr);
  EXPECT_EQ(registry.Find("fixture_new_minor"), nullptr);
}

TEST_F(PluginLoaderTest, AHangingPluginIsKilledAfterTheProbeTimeout) {
  Dir({"fixture_hangs_on_load", "fixture_good"});
  std::vector<LoadReport> reports;
  LoadOptions options;
  options.probe_timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  auto plugins = LoadPlugins(dir_.path(), reports, options);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_NE(reports[1].reason.find("did not finish loading within 300 ms"), std::string::npos)
      << reports[1].reason;
  ASSERT_EQ(plugins.size(), 1u);
  EXPECT_EQ(plugins[0]->info.id, "fixture_good");
}

TEST_F(PluginLoaderTest, LoopingAndDanglingLinksAreRefusedAndTheRestLoad) {
  Dir({"fixture_good"});
  fs::create_symlink("loop.so", dir_.path() / "loop.so");
  fs::create_symlink("nowhere.so", dir_.path() / "dangling.so");
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(dir_.path(), reports);
  ASSERT_EQ(plugins.size(), 1u);
  std::map<std::string, std::string> reasons;
  for (const auto& report : reports) reasons[fs::path(report.path).filename()] = report.reason;
  EXPECT_NE(reasons["loop.so"].find("symbolic links"), std::string::npos) << reasons["loop.so"];
  EXPECT_FALSE(reasons["dangling.so"].empty());
}

TEST_F(PluginLoaderTest, WritableByOthersIsRefusedInProductionAndWarnedInDevelopment) {
  Dir({"fixture_good"});
  fs::permissions(dir_.path() / "fixture_good.so", fs::perms::others_write, fs::perm_options::add);
  std::vector<LoadReport> reports;
  EXPECT_TRUE(LoadPlugins(dir_.path(), reports).empty());
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_NE(reports[0].reason.find("writable by users other than its owner (mode 0"),
            std::string::npos)
      << reports[0].reason;

  LoadOptions development;
  development.refuse_writable_by_others = false;
  reports.clear();
  EXPECT_EQ(LoadPlugins(dir_.path(), reports, development).size(), 1u);

  fs::permissions(dir_.path() / "fixture_good.so", fs::perms::others_write,
                  fs::perm_options::remove);
  fs::permissions(dir_.path(), fs::perms::group_write, fs::perm_options::add);
  reports.clear();
  EXPECT_TRUE(LoadPlugins(dir_.path(), reports).empty()) << "a group-writable directory";
}

TEST_F(PluginLoaderTest, AMissingDirectoryMeansNoPlugins) {
  std::vector<LoadReport> reports;
  EXPECT_TRUE(LoadPlugins(dir_.path() / "absent", reports).empty());
  EXPECT_TRUE(reports.empty());
}

}  // namespace
}  // namespace assist::host
