#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "homelessness_plugin.hpp"

namespace assist::homelessness {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidContact;
using testing::WarningCodes;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Contact& contact, sdk::CaseState state) {
  sdk::CaseContext context = Context("2027-10-02");
  context.state = state;
  return HomelessnessPlugin().Validate(sdk::Step::kContact, contact, context);
}

v1::Contact MonitoringCheck(v1::HousingStatus status, bool returned) {
  v1::Contact contact;
  contact.set_place_type(v1::CONTACT_PLACE_HOME);
  contact.set_housing_status(status);
  contact.set_returned_to_homelessness(returned);
  return contact;
}

TEST(HomelessnessContact, StreetworkContactPasses) {
  const sdk::Status status = Check(ValidContact(), sdk::CaseState::kOpen);
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(status.warnings().empty());
  EXPECT_TRUE(Check(v1::Contact(), sdk::CaseState::kOpen).ok());  // every field is optional
}

TEST(HomelessnessContact, CodesAreKnownAndNeedsListedOnce) {
  v1::Contact contact = ValidContact();
  contact.set_place_type(static_cast<v1::ContactPlace>(40));
  contact.add_basic_needs_provided(v1::BASIC_NEED_FOOD);  // [2], already at [0]
  contact.add_basic_needs_provided(v1::BASIC_NEED_UNSPECIFIED);
  EXPECT_EQ(Fields(Check(contact, sdk::CaseState::kOpen)),
            (Paths{"basic_needs_provided[2]", "basic_needs_provided[3]", "place_type"}));
}

TEST(HomelessnessContact, MonitoringFieldsOnlyDuringMonitoring) {
  const v1::Contact check = MonitoringCheck(v1::HOUSING_STATUS_STREET, true);
  EXPECT_EQ(Fields(Check(check, sdk::CaseState::kOpen)),
            (Paths{"housing_status", "returned_to_homelessness"}));
  EXPECT_TRUE(Check(check, sdk::CaseState::kMonitoring).ok());
}

TEST(HomelessnessContact, MonitoringCheckNeedsTheHousingStatus) {
  v1::Contact contact = ValidContact();
  EXPECT_EQ(Fields(Check(contact, sdk::CaseState::kMonitoring)), (Paths{"housing_status"}));
  contact.set_housing_status(static_cast<v1::HousingStatus>(12));
  EXPECT_EQ(Fields(Check(contact, sdk::CaseState::kMonitoring)), (Paths{"housing_status"}));
  contact.set_housing_status(v1::HOUSING_STATUS_UNKNOWN);
  EXPECT_TRUE(Check(contact, sdk::CaseState::kMonitoring).ok());
}

TEST(HomelessnessContact, AReturnNeedsAStreetOrShelterStatus) {
  for (v1::HousingStatus status :
       {v1::HOUSING_STATUS_OWN_OR_RENTED, v1::HOUSING_STATUS_SOCIAL_HOUSING,
        v1::HOUSING_STATUS_SUPPORTED_HOUSING, v1::HOUSING_STATUS_INSTITUTION,
        v1::HOUSING_STATUS_UNKNOWN}) {
    EXPECT_EQ(Fields(Check(MonitoringCheck(status, true), sdk::CaseState::kMonitoring)),
              (Paths{"returned_to_homelessness"}))
        << v1::HousingStatus_Name(status);
    EXPECT_TRUE(Check(MonitoringCheck(status, false), sdk::CaseState::kMonitoring).ok());
  }
  EXPECT_TRUE(
      Check(MonitoringCheck(v1::HOUSING_STATUS_SHELTER, true), sdk::CaseState::kMonitoring).ok());
}

TEST(HomelessnessContact, AReturnToHomelessnessWarns) {
  const sdk::Status returned =
      Check(MonitoringCheck(v1::HOUSING_STATUS_STREET, true), sdk::CaseState::kMonitoring);
  EXPECT_TRUE(returned.ok());
  ASSERT_EQ(WarningCodes(returned), (Paths{"RETURNED_TO_HOMELESSNESS"}));
  EXPECT_FALSE(returned.warnings()[0].message_pl.empty());

  const sdk::Status housed =
      Check(MonitoringCheck(v1::HOUSING_STATUS_SOCIAL_HOUSING, false), sdk::CaseState::kMonitoring);
  EXPECT_TRUE(housed.warnings().empty());
}

}  // namespace
}  // namespace assist::homelessness
