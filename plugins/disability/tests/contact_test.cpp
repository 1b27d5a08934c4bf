#include <gtest/gtest.h>

#include <limits>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::Fields;
using testing::ValidContact;
using Paths = std::vector<std::string>;

sdk::Status Check(const v1::Contact& contact) {
  return DisabilityPlugin().Validate(sdk::Step::kContact, contact, Context("2026-10-02"));
}

TEST(DisabilityContact, ValidContactPasses) {
  EXPECT_TRUE(Check(ValidContact()).ok());
  EXPECT_TRUE(Check(v1::Contact()).ok());  // no hours, no categories: e.g. a phone call
}

TEST(DisabilityContact, HoursBetweenZeroAndADay) {
  v1::Contact contact = ValidContact();
  contact.set_hours_delivered(24);
  EXPECT_TRUE(Check(contact).ok());
  for (double hours : {-0.5, 24.25, std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity()}) {
    contact.set_hours_delivered(hours);
    EXPECT_EQ(Fields(Check(contact)), (Paths{"hours_delivered"})) << hours;
  }
}

TEST(DisabilityContact, CategoriesAreKnownAndListedOnce) {
  v1::Contact contact = ValidContact();
  contact.add_categories(v1::CATEGORY_SHOPPING);  // [2], already at [0]
  contact.add_categories(v1::CATEGORY_UNSPECIFIED);
  contact.add_categories(static_cast<v1::Category>(40));
  contact.set_hours_delivered(30);
  EXPECT_EQ(Fields(Check(contact)),
            (Paths{"categories[2]", "categories[3]", "categories[4]", "hours_delivered"}));
}

}  // namespace
}  // namespace assist::disability
