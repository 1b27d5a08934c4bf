// The staff register over real gRPC on both backends: registration and its uniqueness, whom
// AssignAssistant accepts (registered, of the case's centre, active, serving the type), and the
// caseload limits (the family type's 15, a centre's lower one, never a higher one).
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "assist/v1/staff.pb.h"
#include "case_steps.hpp"
#include "google/rpc/error_details.pb.h"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

// The metadata of the status's google.rpc.ErrorInfo (empty without one).
std::map<std::string, std::string> ErrorMetadata(const grpc::Status& status) {
  std::map<std::string, std::string> metadata;
  const auto rich = RichStatus(status);
  if (!rich) return metadata;
  for (const auto& any : rich->details()) {
    google::rpc::ErrorInfo info;
    if (any.UnpackTo(&info)) metadata.insert(info.metadata().begin(), info.metadata().end());
  }
  return metadata;
}

v1::StaffMember Assistant(const std::string& login, const std::string& type = "family") {
  v1::StaffMember member;
  member.set_login(login);
  member.set_full_name("Ewa Testowa " + login);
  member.set_function(v1::STAFF_FUNCTION_ASSISTANT);
  member.add_type_ids(type);
  member.set_employment_form(v1::EMPLOYMENT_FORM_CIVIL_CONTRACT);
  member.set_working_time_share(0.75);
  member.set_qualifications("pedagog; kurs asystenta rodziny");
  return member;
}

class StaffTest : public HostTest {
 protected:
  grpc::Status Register(const Identity& who, const v1::StaffMember& member,
                        v1::StaffMember* stored) {
    v1::RegisterStaffMemberRequest request;
    *request.mutable_member() = member;
    return client().Call(who, &Staff::RegisterStaffMember, request, stored);
  }

  // A new family of Sopot with an open family case, not assigned yet.
  void OpenSopotFamilyCase(std::int64_t* case_id) {
    std::int64_t family_id = 0;
    ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family_id));
    v1::Case opened;
    ASSERT_NO_FATAL_FAILURE(OpenFamilyCase(client(), Sopot(), family_id, &opened));
    *case_id = opened.id();
  }

  grpc::Status Assign(std::int64_t case_id, std::string_view assistant) {
    v1::AssignAssistantRequest request;
    request.set_case_id(case_id);
    request.set_assistant_id(std::string(assistant));
    v1::Case ignored;
    return client().Call(Sopot().head, &Cases::AssignAssistant, request, &ignored);
  }

  grpc::Status SetLimit(int limit, v1::CaseloadLimit* answer) {
    v1::SetCaseloadLimitRequest request;
    request.set_type_id("family");
    request.set_limit(limit);
    return client().Call(Sopot().head, &Staff::SetCaseloadLimit, request, answer);
  }

  // Opens `cases` family cases and assigns each to `assistant`; every assignment must pass.
  void AssignCases(int cases, std::string_view assistant) {
    for (int i = 0; i < cases; ++i) {
      std::int64_t case_id = 0;
      ASSERT_NO_FATAL_FAILURE(OpenSopotFamilyCase(&case_id));
      ASSERT_TRUE(IsOk(Assign(case_id, assistant))) << "assignment " << i + 1;
    }
  }

  int LoadOf(std::string_view login) {
    v1::ListCaseloadsRequest request;
    request.set_type_id("family");
    v1::ListCaseloadsResponse loads;
    EXPECT_TRUE(IsOk(client().Call(Sopot().head, &Staff::ListCaseloads, request, &loads)));
    for (const auto& load : loads.caseloads()) {
      if (load.login() == login) return load.open_cases();
    }
    return -1;
  }
};

TEST_P(StaffTest, TheHeadRegistersStaffOnceAndTheCentreReadsThem) {
  v1::StaffMember stored;
  ASSERT_TRUE(IsOk(Register(Sopot().head, Assistant("sopot.ewa"), &stored)));
  EXPECT_EQ(stored.centre_id(), kSopot);
  EXPECT_EQ(stored.full_name(), "Ewa Testowa sopot.ewa");
  EXPECT_EQ(stored.employment_form(), v1::EMPLOYMENT_FORM_CIVIL_CONTRACT);
  EXPECT_DOUBLE_EQ(stored.working_time_share(), 0.75);
  EXPECT_TRUE(stored.active());
  ASSERT_EQ(stored.type_ids_size(), 1);
  EXPECT_EQ(stored.type_ids(0), "family");

  v1::StaffMember again;
  const grpc::Status duplicate = Register(Sopot().head, Assistant("sopot.ewa"), &again);
  EXPECT_TRUE(HasCode(duplicate, StatusCode::ALREADY_EXISTS));
  // The same login in another centre is another person.
  EXPECT_TRUE(IsOk(Register(Jastrzebia().head, Assistant("sopot.ewa"), &again)));
  EXPECT_EQ(again.centre_id(), kJastrzebia);

  EXPECT_TRUE(HasCode(Register(Sopot().worker, Assistant("sopot.other"), &again),
                      StatusCode::PERMISSION_DENIED));
  v1::StaffMember invalid = Assistant("sopot.bad");
  invalid.set_working_time_share(1.5);
  invalid.clear_type_ids();
  const grpc::Status refused = Register(Sopot().head, invalid, &again);
  EXPECT_TRUE(HasCode(refused, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(refused),
            (std::vector<std::string>{"member.working_time_share", "member.type_ids"}));

  v1::GetStaffMemberRequest get;
  get.set_login("sopot.ewa");
  v1::StaffMember read;
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Staff::GetStaffMember, get, &read)));
  EXPECT_EQ(read.qualifications(), "pedagog; kurs asystenta rodziny");
  v1::ListStaffMembersRequest list;
  list.set_type_id("family");
  v1::ListStaffMembersResponse members;
  ASSERT_TRUE(IsOk(client().Call(Sopot().auditor, &Staff::ListStaffMembers, list, &members)));
  std::vector<std::string> logins;
  for (const auto& member : members.members()) logins.push_back(member.login());
  EXPECT_EQ(logins, (std::vector<std::string>{"sopot.assistant", "sopot.assistant2", "sopot.ewa"}));
}

TEST_P(StaffTest, AssignmentTakesOnlyAnActiveAssistantOfTheCentreServingTheType) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(OpenSopotFamilyCase(&case_id));

  for (std::string_view stranger : {Jastrzebia().assistant.actor_id, std::string_view("nobody")}) {
    const grpc::Status status = Assign(case_id, stranger);
    EXPECT_TRUE(HasCode(status, StatusCode::NOT_FOUND)) << stranger;
    EXPECT_EQ(ViolatedFields(status), std::vector<std::string>{"assistant_id"}) << stranger;
  }

  v1::StaffMember stored;
  ASSERT_TRUE(IsOk(Register(Sopot().head, Assistant("sopot.disability", "disability"), &stored)));
  const grpc::Status other_type = Assign(case_id, "sopot.disability");
  EXPECT_TRUE(HasCode(other_type, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(other_type), "ASSISTANCE_TYPE_NOT_SERVED");
  EXPECT_EQ(ErrorMetadata(other_type)["type_id"], "family");

  const grpc::Status worker = Assign(case_id, Sopot().worker.actor_id);
  EXPECT_TRUE(HasCode(worker, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(worker), "NOT_AN_ASSISTANT");

  // The operator deactivates the second assistant: the register keeps them, assignments stop.
  v1::UpdateStaffMemberRequest deactivate;
  *deactivate.mutable_member() = Assistant(std::string(Sopot().other_assistant.actor_id));
  deactivate.mutable_member()->set_centre_id(std::string(kSopot));
  deactivate.mutable_member()->set_active(false);
  ASSERT_TRUE(IsOk(client().Call(Operator(), &Staff::UpdateStaffMember, deactivate, &stored)));
  EXPECT_FALSE(stored.active());
  const grpc::Status inactive = Assign(case_id, Sopot().other_assistant.actor_id);
  EXPECT_TRUE(HasCode(inactive, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(inactive), "STAFF_MEMBER_INACTIVE");
  EXPECT_EQ(PreconditionTypes(inactive), std::vector<std::string>{"STAFF_MEMBER_INACTIVE"});

  EXPECT_TRUE(IsOk(Assign(case_id, Sopot().assistant.actor_id)));
}

TEST_P(StaffTest, TheSixteenthFamilyOfOneAssistantIsRefused) {
  ASSERT_NO_FATAL_FAILURE(AssignCases(15, Sopot().assistant.actor_id));
  EXPECT_EQ(LoadOf(Sopot().assistant.actor_id), 15);
  std::int64_t sixteenth = 0;
  ASSERT_NO_FATAL_FAILURE(OpenSopotFamilyCase(&sixteenth));
  const grpc::Status refused = Assign(sixteenth, Sopot().assistant.actor_id);
  EXPECT_TRUE(HasCode(refused, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(refused), "CASELOAD_LIMIT");
  auto metadata = ErrorMetadata(refused);
  EXPECT_EQ(metadata["current_load"], "15");
  EXPECT_EQ(metadata["limit"], "15");
  EXPECT_EQ(metadata["assistant_id"], Sopot().assistant.actor_id);
  // Nothing changed, and another assistant takes the family.
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), Sopot().head, sixteenth, &detail));
  EXPECT_EQ(detail.case_().assistant_id(), "");
  EXPECT_TRUE(IsOk(Assign(sixteenth, Sopot().other_assistant.actor_id)));
  EXPECT_EQ(LoadOf(Sopot().assistant.actor_id), 15);
  EXPECT_EQ(LoadOf(Sopot().other_assistant.actor_id), 1);
}

TEST_P(StaffTest, ACentreSetsALowerLimitNeverAHigherOne) {
  v1::CaseloadLimit limit;
  const grpc::Status higher = SetLimit(16, &limit);
  EXPECT_TRUE(HasCode(higher, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(higher), std::vector<std::string>{"limit"});
  EXPECT_TRUE(HasCode(client().Call(Sopot().worker, &Staff::SetCaseloadLimit,
                                    v1::SetCaseloadLimitRequest(), &limit),
                      StatusCode::PERMISSION_DENIED));

  ASSERT_TRUE(IsOk(SetLimit(2, &limit)));
  EXPECT_EQ(limit.type_limit(), 15);
  EXPECT_EQ(limit.centre_limit(), 2);
  EXPECT_EQ(limit.limit(), 2);
  ASSERT_NO_FATAL_FAILURE(AssignCases(2, Sopot().assistant.actor_id));
  std::int64_t third = 0;
  ASSERT_NO_FATAL_FAILURE(OpenSopotFamilyCase(&third));
  const grpc::Status refused = Assign(third, Sopot().assistant.actor_id);
  EXPECT_EQ(ErrorReason(refused), "CASELOAD_LIMIT");
  EXPECT_EQ(ErrorMetadata(refused)["limit"], "2");
  EXPECT_EQ(ErrorMetadata(refused)["current_load"], "2");

  v1::ListCaseloadsResponse loads;
  ASSERT_TRUE(IsOk(
      client().Call(Sopot().auditor, &Staff::ListCaseloads, v1::ListCaseloadsRequest(), &loads)));
  bool seen = false;
  for (const auto& load : loads.caseloads()) {
    if (load.login() != Sopot().assistant.actor_id || load.type_id() != "family") continue;
    seen = true;
    EXPECT_EQ(load.open_cases(), 2);
    EXPECT_EQ(load.limit(), 2);
    EXPECT_EQ(load.full_name(), AssistantFullName(Sopot()));
  }
  EXPECT_TRUE(seen) << loads.DebugString();

  // Back to the type's limit: the third family is taken.
  ASSERT_TRUE(IsOk(SetLimit(0, &limit)));
  EXPECT_EQ(limit.limit(), 15);
  EXPECT_TRUE(IsOk(Assign(third, Sopot().assistant.actor_id)));
}

INSTANTIATE_BACKENDS(StaffTest);

}  // namespace
}  // namespace assist::it
