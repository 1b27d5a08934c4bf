// The assignment history over real gRPC on both backends: a reassignment ends the old primary's
// assignment and the case leaves them (NOT_FOUND, out of their lists, its family too); a
// co-assistant and a substitute see the case while assigned and not after EndAssignment; GetCase
// returns the history; the caseloads count primary and co-assistant assignments only; and the
// statistics count every assistant who held an assignment in the period.
#include <gtest/gtest.h>

#include <string>

#include "assist/v1/staff.pb.h"
#include "case_steps.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

class AssignmentHistoryTest : public HostTest {
 protected:
  // A Nowak family of Sopot referred `referred_days` from today, not assigned yet.
  void OpenCase(int referred_days, std::int64_t* case_id, std::int64_t* family_id = nullptr) {
    std::int64_t family = 0;
    ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family));
    v1::OpenCaseRequest open;
    open.set_type_id("family");
    open.set_family_id(family);
    open.set_referral_reason("parenting difficulties reported by the school");
    open.set_referred_on(DateFromToday(referred_days));
    v1::Case opened;
    ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::OpenCase, open, &opened)));
    *case_id = opened.id();
    if (family_id != nullptr) *family_id = family;
  }

  grpc::Status Assign(std::int64_t case_id, std::string_view login, int days,
                      v1::AssignmentRole role = v1::ASSIGNMENT_ROLE_UNSPECIFIED,
                      v1::Case* assigned = nullptr) {
    v1::AssignAssistantRequest request;
    request.set_case_id(case_id);
    request.set_assistant_id(std::string(login));
    request.set_assigned_on(DateFromToday(days));
    request.set_role(role);
    v1::Case ignored;
    return client().Call(Sopot().head, &Cases::AssignAssistant, request,
                         assigned != nullptr ? assigned : &ignored);
  }

  grpc::Status End(std::int64_t case_id, std::string_view login, int days) {
    v1::EndAssignmentRequest request;
    request.set_case_id(case_id);
    request.set_assistant_id(std::string(login));
    request.set_ended_on(DateFromToday(days));
    v1::Case ignored;
    return client().Call(Sopot().head, &Cases::EndAssignment, request, &ignored);
  }

  grpc::Status Read(const Identity& who, std::int64_t case_id) {
    v1::GetCaseRequest request;
    request.set_case_id(case_id);
    v1::CaseDetail ignored;
    return client().Call(who, &Cases::GetCase, request, &ignored);
  }

  grpc::Status ReadFamily(const Identity& who, std::int64_t family_id) {
    v1::GetFamilyRequest request;
    request.set_id(family_id);
    v1::Family ignored;
    return client().Call(who, &Cases::GetFamily, request, &ignored);
  }

  int Listed(const Identity& who, const std::string& assistant_filter = "") {
    v1::ListCasesRequest request;
    request.set_page_size(500);
    request.set_assistant_id(assistant_filter);
    v1::ListCasesResponse cases;
    EXPECT_TRUE(IsOk(client().Call(who, &Cases::ListCases, request, &cases)));
    return cases.cases_size();
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

  int AssistantsIn(int from_days, int to_days) {
    v1::GetStatisticsRequest request;
    request.set_type_id("family");
    request.set_from(DateFromToday(from_days));
    request.set_to(DateFromToday(to_days));
    v1::Statistics statistics;
    EXPECT_TRUE(IsOk(client().Call(Sopot().head, &Cases::GetStatistics, request, &statistics)));
    for (const auto& type : statistics.types()) {
      if (type.type_id() == "family") return type.assistants();
    }
    return -1;
  }

  std::vector<v1::CaseAssignment> History(std::int64_t case_id) {
    v1::CaseDetail detail;
    GetCase(client(), Sopot().head, case_id, &detail);
    return {detail.assignments().begin(), detail.assignments().end()};
  }
};

TEST_P(AssignmentHistoryTest, AReassignmentMovesTheCaseToTheNewAssistantAndKeepsTheOld) {
  const Identity& first = Sopot().assistant;
  const Identity& second = Sopot().other_assistant;
  std::int64_t case_id = 0, family_id = 0;
  ASSERT_NO_FATAL_FAILURE(OpenCase(-60, &case_id, &family_id));
  ASSERT_TRUE(IsOk(Assign(case_id, first.actor_id, -50)));
  EXPECT_TRUE(IsOk(Read(first, case_id)));
  EXPECT_TRUE(HasCode(Read(second, case_id), StatusCode::NOT_FOUND));
  // The current primary again, and a new primary before the current one began, are refused.
  const grpc::Status again = Assign(case_id, first.actor_id, -40);
  EXPECT_TRUE(HasCode(again, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(again), "ALREADY_ASSIGNED");
  const grpc::Status earlier = Assign(case_id, second.actor_id, -51);
  EXPECT_TRUE(HasCode(earlier, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(earlier), std::vector<std::string>{"assigned_on"});

  v1::Case reassigned;
  ASSERT_TRUE(
      IsOk(Assign(case_id, second.actor_id, -20, v1::ASSIGNMENT_ROLE_PRIMARY, &reassigned)));
  EXPECT_EQ(reassigned.assistant_id(), second.actor_id);
  EXPECT_EQ(reassigned.assigned_on(), DateFromToday(-20));

  EXPECT_TRUE(HasCode(Read(first, case_id), StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(ReadFamily(first, family_id), StatusCode::NOT_FOUND));
  EXPECT_EQ(Listed(first), 0);
  EXPECT_TRUE(IsOk(Read(second, case_id)));
  EXPECT_TRUE(IsOk(ReadFamily(second, family_id)));
  EXPECT_EQ(Listed(second), 1);
  EXPECT_EQ(Listed(Sopot().head, std::string(first.actor_id)), 0);
  EXPECT_EQ(Listed(Sopot().head, std::string(second.actor_id)), 1);
  EXPECT_EQ(LoadOf(first.actor_id), 0);
  EXPECT_EQ(LoadOf(second.actor_id), 1);

  const auto history = History(case_id);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].assistant_id(), first.actor_id);
  EXPECT_EQ(history[0].full_name(), AssistantFullName(Sopot()));
  EXPECT_EQ(history[0].role(), v1::ASSIGNMENT_ROLE_PRIMARY);
  EXPECT_EQ(history[0].from_on(), DateFromToday(-50));
  EXPECT_EQ(history[0].to_on(), DateFromToday(-21));  // the day before the new primary's first
  EXPECT_EQ(history[0].assigned_by(), Sopot().head.actor_id);
  EXPECT_EQ(history[0].ended_by(), Sopot().head.actor_id);
  EXPECT_EQ(history[1].assistant_id(), second.actor_id);
  EXPECT_EQ(history[1].role(), v1::ASSIGNMENT_ROLE_PRIMARY);
  EXPECT_EQ(history[1].from_on(), DateFromToday(-20));
  EXPECT_EQ(history[1].to_on(), "");

  // Both worked on the family in a period that spans the reassignment; one before it.
  EXPECT_EQ(AssistantsIn(-60, -10), 2);
  EXPECT_EQ(AssistantsIn(-60, -25), 1);
  EXPECT_EQ(AssistantsIn(-15, 0), 1);
}

TEST_P(AssignmentHistoryTest, ACoAssistantAndASubstituteSeeTheCaseOnlyWhileAssigned) {
  const Identity& primary = Sopot().assistant;
  const Identity& helper = Sopot().other_assistant;
  std::int64_t case_id = 0, family_id = 0;
  ASSERT_NO_FATAL_FAILURE(OpenCase(-30, &case_id, &family_id));
  const grpc::Status alone = Assign(case_id, helper.actor_id, -30, v1::ASSIGNMENT_ROLE_SUBSTITUTE);
  EXPECT_TRUE(HasCode(alone, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(alone), "NO_PRIMARY_ASSISTANT");
  ASSERT_TRUE(IsOk(Assign(case_id, primary.actor_id, -30)));

  ASSERT_TRUE(IsOk(Assign(case_id, helper.actor_id, -10, v1::ASSIGNMENT_ROLE_CO_ASSISTANT)));
  EXPECT_TRUE(IsOk(Read(helper, case_id)));
  EXPECT_TRUE(IsOk(ReadFamily(helper, family_id)));
  EXPECT_EQ(Listed(helper), 1);
  EXPECT_EQ(LoadOf(helper.actor_id), 1);  // a co-assistant's case counts to their load
  EXPECT_TRUE(IsOk(Read(primary, case_id)));
  const grpc::Status twice = Assign(case_id, helper.actor_id, 0, v1::ASSIGNMENT_ROLE_SUBSTITUTE);
  EXPECT_EQ(ErrorReason(twice), "ALREADY_ASSIGNED");

  ASSERT_TRUE(IsOk(End(case_id, helper.actor_id, 0)));
  EXPECT_TRUE(HasCode(Read(helper, case_id), StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(ReadFamily(helper, family_id), StatusCode::NOT_FOUND));
  EXPECT_EQ(Listed(helper), 0);
  EXPECT_EQ(LoadOf(helper.actor_id), 0);

  ASSERT_TRUE(IsOk(Assign(case_id, helper.actor_id, 0, v1::ASSIGNMENT_ROLE_SUBSTITUTE)));
  EXPECT_TRUE(IsOk(Read(helper, case_id)));
  EXPECT_EQ(LoadOf(helper.actor_id), 0);  // a substitute's case does not
  const grpc::Status before = End(case_id, helper.actor_id, -1);
  EXPECT_TRUE(HasCode(before, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(before), std::vector<std::string>{"ended_on"});
  ASSERT_TRUE(IsOk(End(case_id, helper.actor_id, 0)));
  EXPECT_TRUE(HasCode(Read(helper, case_id), StatusCode::NOT_FOUND));
  EXPECT_TRUE(HasCode(End(case_id, helper.actor_id, 0), StatusCode::NOT_FOUND));

  // The primary's assignment ends only by another primary; it sees the case throughout.
  const grpc::Status primary_end = End(case_id, primary.actor_id, 0);
  EXPECT_TRUE(HasCode(primary_end, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(ErrorReason(primary_end), "PRIMARY_ENDS_BY_REASSIGNMENT");
  EXPECT_TRUE(IsOk(Read(primary, case_id)));
  EXPECT_EQ(Listed(primary), 1);

  const auto history = History(case_id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[0].role(), v1::ASSIGNMENT_ROLE_PRIMARY);
  EXPECT_EQ(history[0].to_on(), "");
  EXPECT_EQ(history[1].role(), v1::ASSIGNMENT_ROLE_CO_ASSISTANT);
  EXPECT_EQ(history[1].from_on(), DateFromToday(-10));
  EXPECT_EQ(history[1].to_on(), DateFromToday(0));
  EXPECT_EQ(history[2].role(), v1::ASSIGNMENT_ROLE_SUBSTITUTE);
  EXPECT_EQ(history[2].from_on(), DateFromToday(0));
  EXPECT_EQ(history[2].to_on(), DateFromToday(0));
  EXPECT_EQ(history[2].ended_by(), Sopot().head.actor_id);
}

TEST_P(AssignmentHistoryTest, PromotingTheCoAssistantEndsTheirCoAssignment) {
  const Identity& primary = Sopot().assistant;
  const Identity& helper = Sopot().other_assistant;
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(OpenCase(-30, &case_id));
  ASSERT_TRUE(IsOk(Assign(case_id, primary.actor_id, -30)));
  ASSERT_TRUE(IsOk(Assign(case_id, helper.actor_id, -30, v1::ASSIGNMENT_ROLE_CO_ASSISTANT)));
  ASSERT_TRUE(IsOk(Assign(case_id, helper.actor_id, -30, v1::ASSIGNMENT_ROLE_PRIMARY)));
  EXPECT_TRUE(HasCode(Read(primary, case_id), StatusCode::NOT_FOUND));
  EXPECT_TRUE(IsOk(Read(helper, case_id)));
  EXPECT_EQ(LoadOf(helper.actor_id), 1);
  const auto history = History(case_id);
  ASSERT_EQ(history.size(), 3u);
  // Both began on the day of the promotion: each ends that day.
  EXPECT_EQ(history[0].to_on(), DateFromToday(-30));
  EXPECT_EQ(history[1].to_on(), DateFromToday(-30));
  EXPECT_EQ(history[2].role(), v1::ASSIGNMENT_ROLE_PRIMARY);
  EXPECT_EQ(history[2].to_on(), "");
}

INSTANTIATE_BACKENDS(AssignmentHistoryTest);

}  // namespace
}  // namespace assist::it
