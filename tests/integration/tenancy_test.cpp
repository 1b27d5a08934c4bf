// Two centres on one deployment, a town MOPS running four assistance types beside a rural GOPS
// running family assistance only: each sees its own people and cases, never the other's.
#include <gtest/gtest.h>

#include <set>

#include "case_steps.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

class TenancyTest : public HostTest {
 protected:
  // Ids of the cases `who` lists.
  void ListedCases(const Identity& who, std::set<std::int64_t>* ids) {
    v1::ListCasesRequest request;
    request.set_page_size(500);
    v1::ListCasesResponse response;
    ASSERT_TRUE(IsOk(client().Call(who, &Cases::ListCases, request, &response)));
    for (const v1::Case& c : response.cases()) {
      EXPECT_EQ(c.centre_id(), who.centre_id) << who.actor_id << " sees case " << c.id();
      ids->insert(c.id());
    }
  }

  void OpenCases(const CentreStaff& staff, int n, std::set<std::int64_t>* ids) {
    for (int i = 0; i < n; ++i) {
      std::int64_t family_id = 0;
      ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), staff, &family_id));
      v1::Case opened;
      ASSERT_NO_FATAL_FAILURE(OpenFamilyCase(client(), staff, family_id, &opened));
      ids->insert(opened.id());
    }
  }
};

TEST_P(TenancyTest, EachCentreListsOnlyItsOwnCases) {
  std::set<std::int64_t> sopot_cases;
  std::set<std::int64_t> jastrzebia_cases;
  ASSERT_NO_FATAL_FAILURE(OpenCases(Sopot(), 3, &sopot_cases));
  ASSERT_NO_FATAL_FAILURE(OpenCases(Jastrzebia(), 2, &jastrzebia_cases));

  for (const Identity& who : {Sopot().head, Sopot().worker, Sopot().auditor, Sopot().app}) {
    std::set<std::int64_t> listed;
    ASSERT_NO_FATAL_FAILURE(ListedCases(who, &listed));
    EXPECT_EQ(listed, sopot_cases) << who.actor_id;
  }
  for (const Identity& who : {Jastrzebia().head, Jastrzebia().worker, Jastrzebia().auditor}) {
    std::set<std::int64_t> listed;
    ASSERT_NO_FATAL_FAILURE(ListedCases(who, &listed));
    EXPECT_EQ(listed, jastrzebia_cases) << who.actor_id;
  }
}

TEST_P(TenancyTest, EachCentreSeesOnlyItselfAndItsPeople) {
  v1::CreatePersonRequest request;
  request.set_given_name("Zofia");
  request.set_family_name("Wiśniewska");
  request.set_birth_date("1950-01-31");
  v1::Person zofia;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::CreatePerson, request, &zofia)));

  v1::GetPersonRequest get;
  get.set_id(zofia.id());
  v1::Person read;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::GetPerson, get, &read)));
  EXPECT_EQ(read.family_name(), "Wiśniewska");
  EXPECT_TRUE(HasCode(client().Call(Jastrzebia().worker, &Cases::GetPerson, get, &read),
                      grpc::StatusCode::NOT_FOUND));
  // An assistant sees the people of the cases assigned to them, no one else of the centre.
  EXPECT_TRUE(HasCode(client().Call(Sopot().assistant, &Cases::GetPerson, get, &read),
                      grpc::StatusCode::NOT_FOUND));
  v1::OpenCaseRequest open;
  open.set_type_id("homelessness");
  open.set_person_id(zofia.id());
  open.set_referral_reason("sleeps in the allotment gardens");
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::OpenCase, open, &opened)));
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), Sopot(), opened.id()));
  EXPECT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::GetPerson, get, &read)));
  EXPECT_TRUE(HasCode(client().Call(Sopot().other_assistant, &Cases::GetPerson, get, &read),
                      grpc::StatusCode::NOT_FOUND));

  v1::ListCentresResponse centres;
  ASSERT_TRUE(IsOk(client().Call(Jastrzebia().head, &Platform::ListCentres,
                                 v1::ListCentresRequest(), &centres)));
  ASSERT_EQ(centres.centres_size(), 1);
  EXPECT_EQ(centres.centres(0).id(), kJastrzebia);
  v1::GetCentreRequest sopot;
  sopot.set_id(std::string(kSopot));
  v1::Centre centre;
  EXPECT_TRUE(HasCode(client().Call(Jastrzebia().head, &Platform::GetCentre, sopot, &centre),
                      grpc::StatusCode::NOT_FOUND));
  ASSERT_TRUE(IsOk(client().Call(Sopot().head, &Platform::GetCentre, sopot, &centre)));
  EXPECT_EQ(centre.municipality(), "Sopot");
  EXPECT_EQ(std::set<std::string>(centre.enabled_types().begin(), centre.enabled_types().end())
                .count("family"),
            1u);
}

INSTANTIATE_BACKENDS(TenancyTest);

}  // namespace
}  // namespace assist::it
