#include "plugins/plugin_loader.hpp"

#include <gtest/gtest.h>

#include <assist/plugin/version.hpp>
#include <fstream>

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
  EXPECT_EQ(AcceptedSdkRange(), "1.0.0 to 1.1.x");
  auto report = LoadOne("fixture_old_minor");
  EXPECT_TRUE(report.loaded) << report.reason;
}

TEST_F(PluginLoaderTest, SurvivesALibraryThatAbortsWhenLoaded) {
  std::vector<LoadReport> reports;
  auto plugins = LoadPlugins(Dir({"fixture_aborts_on_load", "fixture_good"}), reports);
  ASSERT_EQ(reports.size(), 2u);
  EXPECT_FALSE(reports[0].loaded);
  EXPECT_NE(reports[0].reason.find("crashed while loading (signal 6"), std::string::npos)
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

TEST_F(PluginLoaderTest, AMissingDirectoryMeansNoPlugins) {
  std::vector<LoadReport> reports;
  EXPECT_TRUE(LoadPlugins(dir_.path() / "absent", reports).empty());
  EXPECT_TRUE(reports.empty());
}

}  // namespace
}  // namespace assist::host
