// A client with no code for any assistance type: for every type the host serves it reads the
// descriptors DescribeAssistanceType returns, finds every field and value labelled in Polish and
// English, builds each step's payload from the form options alone (examples, required flags, field
// types) and takes a case through its life with them, on both backends.
#include <google/protobuf/message.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <assist/plugin/date.hpp>
#include <assist/plugin/testing/form_examples.hpp>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "case_steps.hpp"
#include "dynamic_payload.hpp"
#include "host_test.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using sdk::testing::FillFromExamples;
using sdk::testing::FormProblems;

class GenericFormsTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  void RunCase(const std::string& type_id);
  // The payload of `type` built from its form options, checked as a client sees them.
  static void Build(const DynamicPayloads& types, const std::string& type, v1::Payload* payload);
  void OpenStartedCase(const std::string& type_id, std::int64_t* case_id);
};

void GenericFormsTest::Build(const DynamicPayloads& types, const std::string& type,
                             v1::Payload* payload) {
  std::unique_ptr<google::protobuf::Message> message = types.New(type);
  ASSERT_NE(message, nullptr) << type;
  const std::vector<std::string> problems = FormProblems(*message->GetDescriptor());
  EXPECT_TRUE(problems.empty()) << testing::PrintToString(problems);
  const std::vector<std::string> unfilled = FillFromExamples(*message, sdk::Today());
  EXPECT_TRUE(unfilled.empty()) << testing::PrintToString(unfilled);
  *payload->mutable_any() = Pack(*message);
}

void GenericFormsTest::OpenStartedCase(const std::string& type_id, std::int64_t* case_id) {
  v1::OpenCaseRequest open;
  open.set_type_id(type_id);
  open.set_referral_reason("referred by the social worker after a community interview");
  if (LifecyclePayloads(type_id).family_subject) {
    std::int64_t family_id = 0;
    ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), staff_, &family_id));
    open.set_family_id(family_id);
  } else {
    v1::CreatePersonRequest person;
    person.set_given_name("Marek");
    person.set_family_name("Zieliński");
    person.set_birth_date("1971-05-30");
    v1::Person created;
    ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CreatePerson, person, &created)));
    open.set_person_id(created.id());
  }
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::OpenCase, open, &opened)));
  *case_id = opened.id();
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), staff_, *case_id));
}

void GenericFormsTest::RunCase(const std::string& type_id) {
  v1::DescribeAssistanceTypeRequest describe;
  describe.set_id(type_id);
  v1::DescribeAssistanceTypeResponse described;
  ASSERT_TRUE(
      IsOk(client().Call(staff_.worker, &Platform::DescribeAssistanceType, describe, &described)));
  std::set<std::string> files;
  for (const auto& file : described.descriptors().file()) files.insert(file.name());
  EXPECT_TRUE(files.count("assist/v1/form_options.proto")) << "the options' own definitions";
  DynamicPayloads types;
  ASSERT_EQ(types.Load(described.descriptors()), "");
  const v1::AssistanceType& type = described.type();

  if (!type.settings_type().empty()) {
    v1::CentreAssistanceTypeRequest enable;
    enable.set_centre_id(std::string(kSopot));
    enable.set_type_id(type_id);
    ASSERT_NO_FATAL_FAILURE(Build(types, type.settings_type(), enable.mutable_settings()));
    v1::Centre centre;
    EXPECT_TRUE(IsOk(client().Call(staff_.head, &Platform::EnableAssistanceType, enable, &centre)));
  }
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(OpenStartedCase(type_id, &case_id));

  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  ASSERT_NO_FATAL_FAILURE(Build(types, type.intake_type(), intake.mutable_intake()));
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &with_intake)));

  v1::SubmitPlanRequest plan;
  plan.set_case_id(case_id);
  ASSERT_NO_FATAL_FAILURE(Build(types, type.plan_type(), plan.mutable_plan()));
  v1::PlanVersion version;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitPlan, plan, &version)));
  if (type.plan_requires_approval()) {  // in force once the head approves it
    v1::ApprovePlanRequest approve;
    approve.set_case_id(case_id);
    approve.set_version(version.version());
    approve.set_decision(v1::PLAN_DECISION_APPROVED);
    v1::PlanVersion approved;
    ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::ApprovePlan, approve, &approved)));
    EXPECT_TRUE(approved.in_force());
  }

  v1::RecordContactRequest contact;
  contact.set_case_id(case_id);
  contact.set_kind(v1::CONTACT_KIND_MEETING);
  contact.set_duration_minutes(150);
  if (!type.contact_type().empty()) {
    ASSERT_NO_FATAL_FAILURE(Build(types, type.contact_type(), contact.mutable_details()));
  }
  v1::Contact recorded;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordContact, contact, &recorded)));

  v1::RecordReviewRequest review;
  review.set_case_id(case_id);
  ASSERT_NO_FATAL_FAILURE(Build(types, type.review_type(), review.mutable_review()));
  v1::Review reviewed;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::RecordReview, review, &reviewed)));

  v1::CloseCaseRequest close;
  close.set_case_id(case_id);
  close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  ASSERT_NO_FATAL_FAILURE(Build(types, type.outcome_type(), close.mutable_outcome()));
  v1::Case closed;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CloseCase, close, &closed)));
  EXPECT_EQ(closed.status(), v1::CASE_STATUS_CLOSED);
}

TEST_P(GenericFormsTest, EveryTypeRunsACaseOnPayloadsBuiltFromItsDescriptorsAlone) {
  v1::ListAssistanceTypesResponse listed;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Platform::ListAssistanceTypes,
                                 v1::ListAssistanceTypesRequest(), &listed)));
  std::vector<std::string> ids;
  for (const auto& type : listed.types()) ids.push_back(type.id());
  std::vector<std::string> built = BuiltTypes();
  std::sort(ids.begin(), ids.end());
  std::sort(built.begin(), built.end());
  ASSERT_EQ(ids, built);
  for (const std::string& id : ids) {
    SCOPED_TRACE(id);
    RunCase(id);
  }
}

INSTANTIATE_BACKENDS(GenericFormsTest);

}  // namespace
}  // namespace assist::it
