// Whose consent a case needs and what its consent says of them (domain/case_consent.hpp), without
// a database.
#include "domain/case_consent.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

using namespace assist::v1;

const sdk::Date kDay = *sdk::ParseDate("2025-03-01");

CasePerson Someone(long long id, const std::string& birth) {
  return {id, "Name" + std::to_string(id), "Nowak", birth};
}

StoredConsentDecision Decision(long long person, ConsentState state, const std::string& on,
                               ConsentGiver by = CONSENT_GIVER_SELF) {
  StoredConsentDecision d;
  d.person_id = person;
  d.decision = state;
  d.given_by = by;
  d.decided_on = on;
  return d;
}

TEST(CaseConsentTest, EighteenOnTheDayIsAnAdultAndAnUnknownBirthDateCountsAsOne) {
  EXPECT_FALSE(IsMinorOn("2007-03-01", kDay));
  EXPECT_TRUE(IsMinorOn("2007-03-02", kDay));
  EXPECT_FALSE(IsMinorOn("", kDay));
}

TEST(CaseConsentTest, AFamilyNeedsItsAdultsOrEveryoneWhenNoneIsAnAdult) {
  const std::vector<CasePerson> family = {Someone(1, "1985-01-01"), Someone(2, "2015-06-01"),
                                          Someone(3, "1987-02-02")};
  EXPECT_EQ(RequiredPeople(family, kDay), (std::vector<long long>{1, 3}));
  const std::vector<CasePerson> children = {Someone(4, "2010-01-01"), Someone(5, "2012-01-01")};
  EXPECT_EQ(RequiredPeople(children, kDay), (std::vector<long long>{4, 5}));
  EXPECT_TRUE(RequiredPeople({}, kDay).empty());
}

TEST(CaseConsentTest, GivenOnlyWhenEveryRequiredPersonGaveIt) {
  const std::vector<CasePerson> family = {Someone(1, "1985-01-01"), Someone(2, "2015-06-01"),
                                          Someone(3, "1987-02-02")};
  const auto required = RequiredPeople(family, kDay);
  std::vector<StoredConsentDecision> decisions = {Decision(1, CONSENT_STATE_GIVEN, "2025-01-20")};
  std::string on;
  CaseConsent consent = ConsentOf(family, required, decisions);
  ASSERT_EQ(consent.people.size(), 2u);  // the child has no decision and is not needed
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_PENDING);
  EXPECT_EQ(on, "");
  ASSERT_EQ(Missing(consent).size(), 1u);
  EXPECT_EQ(Missing(consent)[0]->person_id(), 3);

  decisions.push_back(Decision(3, CONSENT_STATE_GIVEN, "2025-01-25"));
  consent = ConsentOf(family, required, decisions);
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_GIVEN);
  EXPECT_EQ(on, "2025-01-25");  // the day the last consent needed came
  EXPECT_TRUE(Missing(consent).empty());
}

TEST(CaseConsentTest, OnePersonsWithdrawalWithdrawsTheCasesConsentAndStopsTheWork) {
  const std::vector<CasePerson> family = {Someone(1, "1985-01-01"), Someone(3, "1987-02-02")};
  const std::vector<StoredConsentDecision> decisions = {
      Decision(1, CONSENT_STATE_GIVEN, "2025-01-20"),
      Decision(3, CONSENT_STATE_GIVEN, "2025-01-20"),
      Decision(3, CONSENT_STATE_WITHDRAWN, "2025-02-10")};
  const CaseConsent consent = ConsentOf(family, RequiredPeople(family, kDay), decisions);
  std::string on;
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_WITHDRAWN);
  EXPECT_EQ(on, "2025-02-10");
  ASSERT_EQ(Missing(consent).size(), 1u);
  EXPECT_EQ(Describe(*Missing(consent)[0]), "Name3 Nowak (person 3)");
}

TEST(CaseConsentTest, AMinorsRefusalByAParentCountsThoughTheirConsentIsNotNeeded) {
  const std::vector<CasePerson> family = {Someone(1, "1985-01-01"), Someone(2, "2015-06-01")};
  const std::vector<StoredConsentDecision> decisions = {
      Decision(1, CONSENT_STATE_GIVEN, "2025-01-20"),
      Decision(2, CONSENT_STATE_REFUSED, "2025-01-21", CONSENT_GIVER_PARENT)};
  const CaseConsent consent = ConsentOf(family, RequiredPeople(family, kDay), decisions);
  ASSERT_EQ(consent.people.size(), 2u);
  EXPECT_FALSE(consent.people[1].required());
  EXPECT_EQ(consent.people[1].given_by(), CONSENT_GIVER_PARENT);
  std::string on;
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_REFUSED);
  EXPECT_EQ(Missing(consent).size(), 1u);
}

// A decision from before consent per person (no person) stands for each required person until
// their own is recorded.
TEST(CaseConsentTest, ACaseLevelDecisionOfBeforeStandsForEachRequiredPerson) {
  const std::vector<CasePerson> family = {Someone(1, "1985-01-01"), Someone(3, "1987-02-02")};
  std::vector<StoredConsentDecision> decisions = {
      Decision(0, CONSENT_STATE_GIVEN, "2024-05-05", CONSENT_GIVER_UNSPECIFIED)};
  CaseConsent consent = ConsentOf(family, RequiredPeople(family, kDay), decisions);
  ASSERT_EQ(consent.people.size(), 2u);
  EXPECT_TRUE(consent.people[0].case_level());
  EXPECT_EQ(consent.people[0].state(), CONSENT_STATE_GIVEN);
  std::string on;
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_GIVEN);
  EXPECT_EQ(on, "2024-05-05");

  decisions.push_back(Decision(3, CONSENT_STATE_WITHDRAWN, "2025-02-01"));
  consent = ConsentOf(family, RequiredPeople(family, kDay), decisions);
  EXPECT_FALSE(consent.people[1].case_level());
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_WITHDRAWN);
  // With no one to need it (a family with no current member), the case's decision is the state.
  consent = ConsentOf({}, {}, decisions);
  EXPECT_TRUE(consent.people.empty());
  EXPECT_EQ(Summarise(consent, on), CONSENT_STATE_GIVEN);
}

}  // namespace
}  // namespace assist::host
