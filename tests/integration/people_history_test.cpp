// People and families over time through the API: a correction, a newborn joining and a member
// leaving, each audited with what it changed; a refused PESEL changes nothing; another centre's
// person and family are NOT_FOUND.
#include <gtest/gtest.h>

#include <string>

#include "case_steps.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

class PeopleHistoryTest : public HostTest {
 protected:
  v1::Person Create(const std::string& given, const std::string& birth,
                    const std::string& pesel = "") {
    v1::CreatePersonRequest request;
    request.set_given_name(given);
    request.set_family_name("Nowak");
    request.set_birth_date(birth);
    request.set_pesel(pesel);
    v1::Person person;
    EXPECT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::CreatePerson, request, &person)));
    return person;
  }

  // The detail of the newest row of the centre's trail for `rpc`.
  std::string NewestDetail(const std::string& rpc) {
    v1::ListAuditEventsRequest request;
    request.set_page_size(1000);
    v1::ListAuditEventsResponse response;
    EXPECT_TRUE(IsOk(client().Call(Sopot().head, &Audit::ListAuditEvents, request, &response)));
    std::string detail;
    for (const auto& event : response.events()) {
      if (event.rpc() == rpc) detail = event.detail();
    }
    return detail;
  }
};

TEST_P(PeopleHistoryTest, ACentreCorrectsPeopleAndFollowsTheFamily) {
  const std::string today = DateFromToday(0);
  const v1::Person anna = Create("Anna", "1980-05-01", "80050101234");
  const v1::Person piotr = Create("Piotr", "1978-02-03");
  const v1::Person baby = Create("Zosia", today);
  v1::CreateFamilyRequest create;
  create.set_name("Rodzina Nowak");
  for (const auto& [id, relation] : {std::pair{anna.id(), v1::FAMILY_RELATION_PARENT},
                                     std::pair{piotr.id(), v1::FAMILY_RELATION_PARENT}}) {
    auto* m = create.add_members();
    m->set_person_id(id);
    m->set_relation(relation);
  }
  v1::Family family;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::CreateFamily, create, &family)));

  // A correction: her name after marriage and the centre's file number.
  v1::UpdatePersonRequest correction;
  correction.set_id(anna.id());
  correction.set_family_name("Kowalska");
  correction.set_case_file_ref("OPS-2026/12");
  v1::Person corrected;
  ASSERT_TRUE(IsOk(client().Call(Sopot().head, &Cases::UpdatePerson, correction, &corrected)));
  EXPECT_EQ(corrected.family_name(), "Kowalska");
  ASSERT_EQ(corrected.history_size(), 1);
  EXPECT_EQ(corrected.history(0).family_name(), "Nowak");
  EXPECT_EQ(NewestDetail("UpdatePerson"),
            "person " + std::to_string(anna.id()) + " changed: family_name, case_file_ref");

  // A PESEL with a wrong check digit: refused, and nothing of the request is kept.
  v1::UpdatePersonRequest bad;
  bad.set_id(anna.id());
  bad.set_given_name("Joanna");
  bad.set_pesel("80050101235");
  v1::Person ignored;
  EXPECT_TRUE(HasCode(client().Call(Sopot().worker, &Cases::UpdatePerson, bad, &ignored),
                      grpc::StatusCode::INVALID_ARGUMENT));
  v1::GetPersonRequest get;
  get.set_id(anna.id());
  v1::Person read;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::GetPerson, get, &read)));
  EXPECT_EQ(read.given_name(), "Anna");
  EXPECT_EQ(read.pesel(), "80050101234");
  EXPECT_EQ(read.history_size(), 1);

  // A newborn joins; the father moves out.
  v1::UpdateFamilyRequest update;
  update.set_id(family.id());
  auto* born = update.add_changes();
  born->set_person_id(baby.id());
  born->set_change(v1::MEMBERSHIP_CHANGE_BORN);
  born->set_relation(v1::FAMILY_RELATION_CHILD);
  born->set_effective_on(today);
  auto* left = update.add_changes();
  left->set_person_id(piotr.id());
  left->set_change(v1::MEMBERSHIP_CHANGE_LEFT);
  left->set_effective_on(today);
  v1::Family updated;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::UpdateFamily, update, &updated)));
  ASSERT_EQ(updated.members_size(), 2);
  EXPECT_EQ(updated.members(0).person_id(), anna.id());
  EXPECT_EQ(updated.members(1).person_id(), baby.id());
  EXPECT_EQ(updated.history_size(), 2);
  EXPECT_EQ(NewestDetail("UpdateFamily"),
            "family " + std::to_string(family.id()) + " changed: members (person " +
                std::to_string(baby.id()) + " born " + today + ", person " +
                std::to_string(piotr.id()) + " left " + today + ")");
  // He cannot leave twice.
  const v1::MemberChange leave_again = *left;  // `left` goes with clear_changes()
  update.clear_changes();
  *update.add_changes() = leave_again;
  EXPECT_TRUE(HasCode(client().Call(Sopot().worker, &Cases::UpdateFamily, update, &updated),
                      grpc::StatusCode::FAILED_PRECONDITION));

  // Another centre finds neither.
  EXPECT_TRUE(HasCode(client().Call(Jastrzebia().worker, &Cases::UpdatePerson, correction, &read),
                      grpc::StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(client().Call(Jastrzebia().head, &Cases::UpdateFamily, update, &updated),
                      grpc::StatusCode::NOT_FOUND));
}

INSTANTIATE_BACKENDS(PeopleHistoryTest);

}  // namespace
}  // namespace assist::it
