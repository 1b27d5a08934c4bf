#include <gtest/gtest.h>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Fields;
using testing::Settings;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::CentreSettings& settings) {
  // As the host calls it when a centre enables the type: no case, only the centre and today.
  sdk::CaseContext context;
  context.centre_id = "mops-sopot";
  context.step_date = testing::D("2026-01-05");
  return DisabilityPlugin().Validate(sdk::Step::kSettings, settings, context);
}

void AddLimit(v1::CentreSettings& settings, int year, int hours) {
  v1::YearlyLimit* limit = settings.add_limits();
  limit->set_year(year);
  limit->set_max_hours_per_person(hours);
}

TEST(DisabilitySettings, ValidSettingsPass) {
  v1::CentreSettings settings = Settings(2026, 720);
  AddLimit(settings, 2027, 840);
  EXPECT_TRUE(Check(settings).ok());
  EXPECT_TRUE(Check(v1::CentreSettings()).ok());  // no limits: the default for every year
}

TEST(DisabilitySettings, BoundsAreInclusive) {
  v1::CentreSettings settings = Settings(2000, 1);
  AddLimit(settings, 2100, 8760);
  EXPECT_TRUE(Check(settings).ok());
}

TEST(DisabilitySettings, ReportsEveryViolationAtOnce) {
  v1::CentreSettings settings = Settings(1999, 0);
  AddLimit(settings, 2101, 8761);
  AddLimit(settings, 2026, 720);
  AddLimit(settings, 2026, 360);  // the same year again
  AddLimit(settings, 2027, -10);
  const sdk::Status status = Check(settings);
  EXPECT_EQ(status.code(), sdk::Code::kInvalidArgument);
  EXPECT_EQ(Fields(status), (Paths{"limits[0].max_hours_per_person", "limits[0].year",
                                   "limits[1].max_hours_per_person", "limits[1].year",
                                   "limits[3].year", "limits[4].max_hours_per_person"}));
  for (const auto& violation : status.violations()) {
    EXPECT_FALSE(violation.description_pl.empty()) << violation.field;
  }
}

TEST(DisabilitySettings, TierLimitsAreBoundedAndOptional) {
  v1::CentreSettings settings;
  v1::YearlyLimit* limit = settings.add_limits();
  limit->set_year(2026);
  limit->set_significant_multiple(840);
  limit->set_significant(720);
  limit->set_moderate_multiple(480);
  limit->set_moderate(360);
  limit->set_child(8760);
  EXPECT_TRUE(Check(settings).ok());  // no limit for every tier: each tier has its own
  limit->set_significant(8761);
  limit->set_child(-1);
  EXPECT_EQ(Fields(Check(settings)), (Paths{"limits[0].child", "limits[0].significant"}));
}

TEST(DisabilitySettings, AYearWithoutAnyLimitIsRefused) {
  v1::CentreSettings settings;
  settings.add_limits()->set_year(2026);
  const sdk::Status status = Check(settings);
  EXPECT_EQ(Fields(status), (Paths{"limits[0].max_hours_per_person"}));
  EXPECT_NE(testing::TextOf(status, "limits[0].max_hours_per_person").find("no limit"),
            std::string::npos);
}

}  // namespace
}  // namespace assist::disability
