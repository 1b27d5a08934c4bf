// Street outreach before a case exists, as a client meets it: a streetworker records whom they met
// by a pseudonym or a description, with no name and no consent; the contacts join the person's
// case once they are identified and consent; other centres see none of it. On both backends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <assist/plugin/date.hpp>

#include "case_steps.hpp"
#include "homelessness_steps.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;
using testing::ElementsAre;
using testing::UnorderedElementsAre;

class OutreachTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  static v1::RecordOutreachContactRequest AtTheStation() {
    v1::RecordOutreachContactRequest r;
    r.set_type_id("homelessness");
    r.set_pseudonym("Pan Rysiek z dworca");
    r.set_identity_quality(v1::IDENTITY_QUALITY_PARTIAL_NAME);
    r.set_place("dworzec PKP, peron 2");
    r.add_needs_met(v1::OUTREACH_NEED_DRINK);
    r.add_needs_met(v1::OUTREACH_NEED_SHELTER_INFO);
    r.set_notes("sleeps in the tunnel; knows the night shelter but will not go");
    return r;
  }

  grpc::Status Record(const Identity& who, const v1::RecordOutreachContactRequest& r,
                      v1::OutreachContact* out = nullptr) {
    v1::OutreachContact ignored;
    return client().Call(who, &Cases::RecordOutreachContact, r, out ? out : &ignored);
  }

  std::vector<std::int64_t> Listed(const Identity& who, bool unlinked_only = false) {
    v1::ListOutreachContactsRequest r;
    r.set_unlinked_only(unlinked_only);
    v1::ListOutreachContactsResponse listed;
    EXPECT_TRUE(IsOk(client().Call(who, &Cases::ListOutreachContacts, r, &listed)));
    std::vector<std::int64_t> ids;
    for (const auto& c : listed.contacts()) ids.push_back(c.id());
    return ids;
  }

  grpc::Status Link(const Identity& who, std::int64_t case_id, std::vector<std::int64_t> ids,
                    v1::LinkOutreachContactsResponse* out = nullptr) {
    v1::LinkOutreachContactsRequest r;
    r.set_case_id(case_id);
    for (auto id : ids) r.add_contact_ids(id);
    v1::LinkOutreachContactsResponse ignored;
    return client().Call(who, &Cases::LinkOutreachContacts, r, out ? out : &ignored);
  }
};

TEST_P(OutreachTest, AStreetContactNeedsNoNameAndIsKeptForTheShortRetention) {
  v1::DescribeAssistanceTypeRequest describe;
  describe.set_id("homelessness");
  v1::DescribeAssistanceTypeResponse described;
  ASSERT_TRUE(
      IsOk(client().Call(staff_.worker, &Platform::DescribeAssistanceType, describe, &described)));
  EXPECT_TRUE(described.type().street_outreach());

  v1::OutreachContact met;
  ASSERT_TRUE(IsOk(Record(staff_.assistant, AtTheStation(), &met)));
  EXPECT_GT(met.id(), 0);
  EXPECT_EQ(met.contact_on(), DateFromToday(0));
  EXPECT_EQ(met.keep_until(), DateFromToday(90));  // the host's default retention
  EXPECT_EQ(met.case_id(), 0);
  EXPECT_EQ(met.recorded_by(), staff_.assistant.actor_id);
  EXPECT_THAT(met.needs_met(),
              ElementsAre(v1::OUTREACH_NEED_DRINK, v1::OUTREACH_NEED_SHELTER_INFO));
  // A description alone will do, on an earlier day.
  v1::RecordOutreachContactRequest unnamed = AtTheStation();
  unnamed.clear_pseudonym();
  unnamed.set_description("a woman of about 60 with a red trolley");
  unnamed.set_identity_quality(v1::IDENTITY_QUALITY_REFUSED);
  unnamed.set_contact_on(DateFromToday(-3));
  v1::OutreachContact second;
  ASSERT_TRUE(IsOk(Record(staff_.worker, unnamed, &second)));
  EXPECT_EQ(second.keep_until(), DateFromToday(87));
  EXPECT_THAT(Listed(staff_.auditor), ElementsAre(met.id(), second.id()));
  EXPECT_TRUE(Listed(Jastrzebia().head).empty());
}

TEST_P(OutreachTest, BadContactsAreRefusedFieldByFieldAndWriteNothing) {
  v1::RecordOutreachContactRequest bad;
  bad.set_type_id("family");  // a type without street outreach
  bad.set_contact_on(DateFromToday(1));
  bad.add_needs_met(v1::OUTREACH_NEED_FOOD);
  bad.add_needs_met(v1::OUTREACH_NEED_FOOD);
  const grpc::Status refused = Record(staff_.worker, bad);
  ASSERT_TRUE(HasCode(refused, StatusCode::INVALID_ARGUMENT));
  EXPECT_THAT(ViolatedFields(refused),
              UnorderedElementsAre("type_id", "contact_on", "pseudonym", "identity_quality",
                                   "place", "needs_met[1]"));
  v1::RecordOutreachContactRequest no_needs = AtTheStation();
  no_needs.clear_needs_met();
  EXPECT_THAT(ViolatedFields(Record(staff_.worker, no_needs)), ElementsAre("needs_met"));
  // Jastrzębia does not run the homelessness type.
  const grpc::Status elsewhere = Record(Jastrzebia().worker, AtTheStation());
  EXPECT_TRUE(HasCode(elsewhere, StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(PreconditionTypes(elsewhere), ElementsAre("TYPE_NOT_ENABLED"));
  // The auditor records nothing.
  EXPECT_TRUE(HasCode(Record(staff_.auditor, AtTheStation()), StatusCode::PERMISSION_DENIED));
  EXPECT_TRUE(Listed(staff_.head).empty());
}

TEST_P(OutreachTest, ContactsJoinTheCaseOnceThePersonIsIdentifiedAndConsents) {
  v1::OutreachContact first, second;
  ASSERT_TRUE(IsOk(Record(staff_.assistant, AtTheStation(), &first)));
  ASSERT_TRUE(IsOk(Record(staff_.assistant, AtTheStation(), &second)));
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewHomelessnessCase(client(), staff_, &case_id));  // consent given

  // All or nothing: one contact that does not exist refuses the link of both.
  const grpc::Status missing = Link(staff_.assistant, case_id, {first.id(), second.id() + 1000});
  EXPECT_TRUE(HasCode(missing, StatusCode::NOT_FOUND));
  EXPECT_THAT(ViolatedFields(missing), ElementsAre("contact_ids[1]"));
  EXPECT_EQ(Listed(staff_.head, true).size(), 2u);
  // Another centre's head cannot reach the case.
  EXPECT_TRUE(HasCode(Link(Jastrzebia().head, case_id, {first.id()}), StatusCode::NOT_FOUND));

  v1::LinkOutreachContactsResponse linked;
  ASSERT_TRUE(IsOk(Link(staff_.assistant, case_id, {first.id(), second.id()}, &linked)));
  ASSERT_EQ(linked.contacts_size(), 2);
  EXPECT_EQ(linked.contacts(0).case_id(), case_id);
  EXPECT_GT(linked.contacts(0).person_id(), 0);
  EXPECT_EQ(linked.contacts(0).keep_until(), "");  // kept as long as the case
  EXPECT_TRUE(Listed(staff_.head, true).empty());
  EXPECT_EQ(Listed(staff_.head).size(), 2u);
  const grpc::Status again = Link(staff_.assistant, case_id, {first.id()});
  EXPECT_TRUE(HasCode(again, StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(PreconditionTypes(again), ElementsAre("ALREADY_LINKED"));

  // A family case is no one person's.
  v1::OutreachContact third;
  ASSERT_TRUE(IsOk(Record(staff_.assistant, AtTheStation(), &third)));
  std::int64_t family_case = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), staff_, &family_case));
  const grpc::Status family = Link(staff_.head, family_case, {third.id()});
  EXPECT_TRUE(HasCode(family, StatusCode::FAILED_PRECONDITION));
  EXPECT_THAT(PreconditionTypes(family), ElementsAre("NOT_A_PERSON_CASE"));
  EXPECT_EQ(Listed(staff_.head, true), std::vector<std::int64_t>{third.id()});
}

INSTANTIATE_BACKENDS(OutreachTest);

}  // namespace
}  // namespace assist::it
