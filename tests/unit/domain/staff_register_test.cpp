// The staff register and the checks of AssignAssistant on a real database of each backend: the
// uniqueness the database holds, whom an assignment accepts, and the centre's caseload limit.
#include "domain/staff_register.hpp"

#include <gtest/gtest.h>

#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "store/staff_repository.hpp"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using namespace assist::v1;
using testing::As;

// The ErrorInfo reason of a status, or its code's name when it has none.
std::string ReasonOf(const grpc::Status& status) {
  google::rpc::Status details;
  if (details.ParseFromString(status.error_details())) {
    for (const auto& any : details.details()) {
      google::rpc::ErrorInfo info;
      if (any.UnpackTo(&info)) return info.reason();
    }
  }
  return StatusCodeName(status.error_code());
}

class StaffRegisterTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    SetUpWorkflow();
    if (IsSkipped() || HasFatalFailure()) return;
    staff_ = std::make_unique<StaffRegister>(*registry_);
  }

  template <typename F>
  grpc::Status StatusOf(F f) {
    try {
      Do(f);
      return grpc::Status::OK;
    } catch (const RpcError& e) {
      return e.status();
    }
  }

  long long OpenCase() {
    CreatePersonRequest p;
    p.set_given_name("Jan");
    p.set_family_name("Nowak");
    p.set_birth_date("1980-05-01");
    Person person = Do([&](Transaction& tx) { return CreatePerson(tx, worker_, p); });
    OpenCaseRequest r;
    r.set_type_id("testplug");
    r.set_person_id(person.id());
    r.set_referral_reason("debt");
    r.set_referred_on("2025-01-10");
    return Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, r); }).id();
  }

  grpc::Status Assign(long long case_id, const std::string& login,
                      AssignmentRole role = ASSIGNMENT_ROLE_UNSPECIFIED) {
    AssignAssistantRequest r;
    r.set_case_id(case_id);
    r.set_assistant_id(login);
    r.set_assigned_on("2025-01-15");
    r.set_role(role);
    return StatusOf([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, r); });
  }

  std::unique_ptr<StaffRegister> staff_;
};

TEST_P(StaffRegisterTest, TheDatabaseHoldsOneLoginPerCentre) {
  StaffMember again;
  again.set_centre_id("north");
  again.set_login("asia");
  again.set_full_name("Another Asia");
  EXPECT_THROW(Do([&](Transaction& tx) {
                 InsertStaffMember(tx, again, "2025-02-01T00:00:00Z");
                 return 0;
               }),
               soci::soci_error);
  again.set_centre_id("south");  // the same login in another centre is another member
  Do([&](Transaction& tx) {
    InsertStaffMember(tx, again, "2025-02-01T00:00:00Z");
    return 0;
  });
  EXPECT_EQ(Count("SELECT COUNT(*) FROM staff_members WHERE login = 'asia'"), 2);
}

TEST_P(StaffRegisterTest, RegistersOnceAndRefusesADuplicateLogin) {
  RegisterStaffMemberRequest r;
  StaffMember* m = r.mutable_member();
  m->set_login("celina");
  m->set_full_name("Celina Nowa");
  m->set_function(STAFF_FUNCTION_ASSISTANT);
  m->add_type_ids("testplug");
  m->set_employment_form(EMPLOYMENT_FORM_OTHER);
  m->set_working_time_share(0.25);
  StaffMember stored = Do([&](Transaction& tx) { return staff_->Register(tx, head_, r); });
  EXPECT_EQ(stored.centre_id(), "north");
  EXPECT_TRUE(stored.active());
  EXPECT_DOUBLE_EQ(stored.working_time_share(), 0.25);
  auto again = StatusOf([&](Transaction& tx) { return staff_->Register(tx, head_, r); });
  EXPECT_EQ(again.error_code(), grpc::StatusCode::ALREADY_EXISTS);
  // A head of another centre cannot register into north.
  m->set_centre_id("north");
  auto other = StatusOf(
      [&](Transaction& tx) { return staff_->Register(tx, As("h", "south", ROLE_HEAD), r); });
  EXPECT_EQ(other.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'RegisterStaffMember'"), 1);
}

TEST_P(StaffRegisterTest, AssignmentNeedsAnActiveRegisteredAssistantOfTheCentre) {
  const long long case_id = OpenCase();
  RegisterAssistant("sara", "south");
  RegisterAssistant("ola", "north", {"testplug"}, false);
  RegisterAssistant("ula", "north", {"othertype"});
  auto unknown = Assign(case_id, "nobody");
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Assign(case_id, "sara").error_code(), grpc::StatusCode::NOT_FOUND);
  auto inactive = Assign(case_id, "ola");
  EXPECT_EQ(inactive.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(inactive), "STAFF_MEMBER_INACTIVE");
  EXPECT_EQ(ReasonOf(Assign(case_id, "ula")), "ASSISTANCE_TYPE_NOT_SERVED");
  EXPECT_TRUE(Assign(case_id, "asia").ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE assistant_id = 'asia'"), 1);
}

TEST_P(StaffRegisterTest, ACentreLimitStopsTheNextAssignment) {
  // The test type declares no limit: any centre limit is allowed, and none applies until set.
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(Assign(OpenCase(), "asia").ok());
  SetCaseloadLimitRequest limit;
  limit.set_type_id("testplug");
  limit.set_limit(3);
  CaseloadLimit set =
      Do([&](Transaction& tx) { return staff_->SetCaseloadLimit(tx, head_, limit); });
  EXPECT_EQ(set.type_limit(), 0);
  EXPECT_EQ(set.limit(), 3);
  const long long fourth = OpenCase();
  auto refused = Assign(fourth, "asia");
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(ReasonOf(refused), "CASELOAD_LIMIT");
  EXPECT_TRUE(Assign(fourth, "basia").ok());

  ListCaseloadsResponse loads =
      Do([&](Transaction& tx) { return staff_->ListCaseloads(tx, head_, ListCaseloadsRequest()); });
  ASSERT_EQ(loads.caseloads_size(), 2);
  EXPECT_EQ(loads.caseloads(0).login(), "asia");
  EXPECT_EQ(loads.caseloads(0).open_cases(), 3);
  EXPECT_EQ(loads.caseloads(0).limit(), 3);
  EXPECT_EQ(loads.caseloads(1).open_cases(), 1);
  // The other centre's limit is its own.
  EXPECT_EQ(Do([&](Transaction& tx) { return staff_->EffectiveLimit(tx, "south", "testplug"); }),
            0);
}

// The loads count current primary and co-assistant assignments, not a substitute's; what an
// assistant sees follows their current assignments.
TEST_P(StaffRegisterTest, LoadsAndVisibilityFollowTheAssignmentHistory) {
  SetCaseloadLimitRequest limit;
  limit.set_type_id("testplug");
  limit.set_limit(2);
  Do([&](Transaction& tx) { return staff_->SetCaseloadLimit(tx, head_, limit); });
  const long long first = OpenCase(), second = OpenCase(), third = OpenCase();
  ASSERT_TRUE(Assign(first, "asia").ok());
  ASSERT_TRUE(Assign(first, "basia", ASSIGNMENT_ROLE_SUBSTITUTE).ok());
  ASSERT_TRUE(Assign(second, "basia").ok());
  ASSERT_TRUE(Assign(third, "asia").ok());
  ASSERT_TRUE(Assign(third, "basia", ASSIGNMENT_ROLE_CO_ASSISTANT).ok());  // load 1: first is not
  auto refused = Assign(OpenCase(), "basia");                              // load 2: second, third
  EXPECT_EQ(ReasonOf(refused), "CASELOAD_LIMIT");

  const Identity basia = As("basia", "north", ROLE_ASSISTANT);
  EXPECT_NO_THROW(Do([&](Transaction& tx) { return LoadVisibleCase(tx, basia, first); }));
  EndAssignmentRequest end;
  end.set_case_id(first);
  end.set_assistant_id("basia");
  Do([&](Transaction& tx) { return workflow_->EndAssignment(tx, head_, end); });
  auto gone = StatusOf([&](Transaction& tx) { return LoadVisibleCase(tx, basia, first); });
  EXPECT_EQ(gone.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_assignments WHERE login = 'basia' AND to_on = ''"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_events WHERE rpc = 'EndAssignment'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StaffRegisterTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
