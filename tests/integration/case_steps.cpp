#include "case_steps.hpp"

#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "family_payloads.hpp"
#include "rpc_status.hpp"

namespace assist::it {

using assist::v1::Case;
using google::protobuf::util::MessageDifferencer;

assist::v1::Payload JsonPayload(std::string json, std::string_view type) {
  assist::v1::Payload payload;
  payload.set_json(std::move(json));
  payload.set_type(std::string(type));
  return payload;
}

void DescribeType(Client& client, const Identity& who, std::string_view type_id,
                  DynamicPayloads* types, assist::v1::AssistanceType* type) {
  assist::v1::DescribeAssistanceTypeRequest request;
  request.set_id(std::string(type_id));
  assist::v1::DescribeAssistanceTypeResponse described;
  ASSERT_TRUE(IsOk(client.Call(who, &Platform::DescribeAssistanceType, request, &described)));
  EXPECT_EQ(described.type().id(), type_id);
  ASSERT_EQ(types->Load(described.descriptors()), "");
  if (type != nullptr) *type = described.type();
}

void ExpectPayload(const DynamicPayloads& types, const assist::v1::Payload& payload,
                   std::string_view type, const std::string& json) {
  EXPECT_EQ(payload.type(), type);
  EXPECT_TRUE(payload.any().type_url().ends_with("/" + std::string(type)))
      << payload.any().type_url();
  std::string error;
  const auto expected = types.FromJson(type, json, error);
  ASSERT_NE(expected, nullptr) << error;
  const auto from_any = types.Unpack(payload.any(), error);
  ASSERT_NE(from_any, nullptr) << error;
  EXPECT_TRUE(MessageDifferencer::Equals(*expected, *from_any))
      << "sent: " << expected->DebugString() << "got: " << from_any->DebugString();
  const auto from_json = types.FromJson(type, payload.json(), error);
  ASSERT_NE(from_json, nullptr) << error;
  EXPECT_TRUE(MessageDifferencer::Equals(*expected, *from_json)) << payload.json();
}

void DescribeFamily(Client& client, const Identity& who, DynamicPayloads* types) {
  ASSERT_NO_FATAL_FAILURE(DescribeType(client, who, "family", types));
  std::string error;
  ASSERT_NE(types->FromJson(family::kIntakeType, family::IntakeJson(), error), nullptr) << error;
}

void CreateNowakFamily(Client& client, const CentreStaff& staff, std::int64_t* family_id,
                       std::int64_t* anna_id) {
  assist::v1::CreatePersonRequest mother;
  mother.set_given_name("Anna");
  mother.set_family_name("Nowak");
  mother.set_birth_date("1988-04-12");
  assist::v1::CreatePersonRequest son;
  son.set_given_name("Jan");
  son.set_family_name("Nowak");
  son.set_birth_date("2015-09-01");
  assist::v1::Person anna;
  assist::v1::Person jan;
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::CreatePerson, mother, &anna)));
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::CreatePerson, son, &jan)));
  ASSERT_GT(anna.id(), 0);
  ASSERT_NE(anna.id(), jan.id());
  EXPECT_EQ(anna.centre_id(), staff.worker.centre_id);

  assist::v1::CreateFamilyRequest request;
  request.set_name("Rodzina Nowak");
  auto* parent = request.add_members();
  parent->set_person_id(anna.id());
  parent->set_relation(assist::v1::FAMILY_RELATION_PARENT);
  auto* child = request.add_members();
  child->set_person_id(jan.id());
  child->set_relation(assist::v1::FAMILY_RELATION_CHILD);
  assist::v1::Family family;
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::CreateFamily, request, &family)));
  ASSERT_GT(family.id(), 0);
  EXPECT_EQ(family.members_size(), 2);
  *family_id = family.id();
  if (anna_id != nullptr) *anna_id = anna.id();
}

void OpenFamilyCase(Client& client, const CentreStaff& staff, std::int64_t family_id,
                    Case* opened) {
  assist::v1::OpenCaseRequest request;
  request.set_type_id("family");
  request.set_family_id(family_id);
  request.set_referral_reason("parenting difficulties reported by the school");
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::OpenCase, request, opened)));
  ASSERT_GT(opened->id(), 0);
  EXPECT_EQ(opened->type_id(), "family");
  EXPECT_EQ(opened->family_id(), family_id);
  EXPECT_EQ(opened->status(), assist::v1::CASE_STATUS_OPEN);
  EXPECT_EQ(opened->centre_id(), staff.worker.centre_id);
}

void StartWork(Client& client, const CentreStaff& staff, std::int64_t case_id) {
  assist::v1::AssignAssistantRequest assign;
  assign.set_case_id(case_id);
  assign.set_assistant_id(std::string(staff.assistant.actor_id));
  Case assigned;
  ASSERT_TRUE(IsOk(client.Call(staff.head, &Cases::AssignAssistant, assign, &assigned)));
  EXPECT_EQ(assigned.assistant_id(), staff.assistant.actor_id);

  assist::v1::RecordConsentRequest consent;
  consent.set_case_id(case_id);
  consent.set_decision(assist::v1::CONSENT_STATE_GIVEN);
  consent.set_note("signed at the first home visit");
  Case consented;
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::RecordConsent, consent, &consented)));
  EXPECT_EQ(consented.consent(), assist::v1::CONSENT_STATE_GIVEN);
  EXPECT_FALSE(consented.work_started_on().empty());
}

void NewStartedFamilyCase(Client& client, const CentreStaff& staff, std::int64_t* case_id) {
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client, staff, &family_id));
  Case opened;
  ASSERT_NO_FATAL_FAILURE(OpenFamilyCase(client, staff, family_id, &opened));
  ASSERT_NO_FATAL_FAILURE(StartWork(client, staff, opened.id()));
  *case_id = opened.id();
}

void NewClosedFamilyCase(Client& client, const CentreStaff& staff, Case* closed) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client, staff, &case_id));
  assist::v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  Case ignored;
  ASSERT_TRUE(IsOk(client.Call(staff.assistant, &Cases::SubmitIntake, intake, &ignored)));
  assist::v1::SubmitPlanRequest plan;
  plan.set_case_id(case_id);
  *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
  assist::v1::PlanVersion version;
  ASSERT_TRUE(IsOk(client.Call(staff.assistant, &Cases::SubmitPlan, plan, &version)));
  assist::v1::CloseCaseRequest close;
  close.set_case_id(case_id);
  close.set_reason(assist::v1::CLOSURE_REASON_GOALS_ACHIEVED);
  *close.mutable_outcome() = JsonPayload(family::OutcomeJson());
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::CloseCase, close, closed)));
  ASSERT_EQ(closed->status(), assist::v1::CASE_STATUS_CLOSED);
}

void CountCases(Client& client, const Identity& who, int* count) {
  assist::v1::ListCasesRequest request;
  request.set_page_size(500);
  assist::v1::ListCasesResponse response;
  ASSERT_TRUE(IsOk(client.Call(who, &Cases::ListCases, request, &response)));
  EXPECT_TRUE(response.next_page_token().empty());
  *count = response.cases_size();
}

std::string DateFromToday(int days) {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day day{today + std::chrono::days{days}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

void GetCase(Client& client, const Identity& who, std::int64_t case_id,
             assist::v1::CaseDetail* detail) {
  assist::v1::GetCaseRequest request;
  request.set_case_id(case_id);
  ASSERT_TRUE(IsOk(client.Call(who, &Cases::GetCase, request, detail)));
  ASSERT_EQ(detail->case_().id(), case_id);
}

}  // namespace assist::it
