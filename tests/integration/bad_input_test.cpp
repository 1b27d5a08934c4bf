// Requests the host must refuse with the documented code (cases.proto, ARCHITECTURE.md "Errors"),
// leaving nothing behind: every test checks through the API that no partial row remains.
#include <gtest/gtest.h>

#include <algorithm>

#include "assist/v1/common.pb.h"
#include "case_steps.hpp"
#include "dynamic_payload.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

class BadInputTest : public HostTest {
 protected:
  // The case as the centre's social worker sees it.
  void ReadCase(std::int64_t case_id, v1::Case* out) {
    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(client(), Sopot().worker, case_id, &detail));
    *out = detail.case_();
  }

  grpc::Status SubmitIntake(std::int64_t case_id, const v1::Payload& payload) {
    v1::SubmitIntakeRequest request;
    request.set_case_id(case_id);
    *request.mutable_intake() = payload;
    v1::Case ignored;
    return client().Call(Sopot().assistant, &Cases::SubmitIntake, request, &ignored);
  }

  grpc::Status SubmitPlan(std::int64_t case_id, const v1::Payload& payload) {
    v1::SubmitPlanRequest request;
    request.set_case_id(case_id);
    *request.mutable_plan() = payload;
    v1::PlanVersion ignored;
    return client().Call(Sopot().assistant, &Cases::SubmitPlan, request, &ignored);
  }
};

bool Contains(const std::vector<std::string>& fields, std::string_view field) {
  return std::any_of(fields.begin(), fields.end(), [&](const std::string& f) {
    return f == field || f.ends_with("." + std::string(field));
  });
}

// `text` with the first `from` replaced by `to`.
std::string Replace(std::string text, std::string_view from, std::string_view to) {
  const std::size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST_P(BadInputTest, UnknownTypeIsInvalidArgumentOnTypeId) {
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family_id));
  v1::OpenCaseRequest request;
  request.set_type_id("no-such-type");
  request.set_family_id(family_id);
  request.set_referral_reason("parenting difficulties");
  v1::Case ignored;
  const grpc::Status status = client().Call(Sopot().worker, &Cases::OpenCase, request, &ignored);
  EXPECT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(Contains(ViolatedFields(status), "type_id")) << Describe(status);

  int cases = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), Sopot().head, &cases));
  EXPECT_EQ(cases, 0);
}

TEST_P(BadInputTest, TypeNotEnabledAtTheCentreIsFailedPrecondition) {
  // Jastrzębia enables family only. Any other loaded type is refused; and family too once the
  // head disables it.
  v1::ListAssistanceTypesResponse loaded;
  ASSERT_TRUE(IsOk(client().Call(Jastrzebia().worker, &Platform::ListAssistanceTypes,
                                 v1::ListAssistanceTypesRequest(), &loaded)));
  std::vector<std::string> refused;
  for (const v1::AssistanceType& type : loaded.types()) {
    if (type.id() != "family") refused.push_back(type.id());
  }
  v1::CentreAssistanceTypeRequest disable;
  disable.set_centre_id(std::string(kJastrzebia));
  disable.set_type_id("family");
  v1::Centre centre;
  ASSERT_TRUE(
      IsOk(client().Call(Jastrzebia().head, &Platform::DisableAssistanceType, disable, &centre)));
  EXPECT_EQ(std::count(centre.enabled_types().begin(), centre.enabled_types().end(), "family"), 0);
  refused.push_back("family");

  std::int64_t family_id = 0;
  std::int64_t anna_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Jastrzebia(), &family_id, &anna_id));
  for (const std::string& type : refused) {
    v1::OpenCaseRequest request;
    request.set_type_id(type);
    // Family assistance is for a family, the other types for one person.
    if (type == "family") {
      request.set_family_id(family_id);
    } else {
      request.set_person_id(anna_id);
    }
    request.set_referral_reason("parenting difficulties");
    v1::Case ignored;
    EXPECT_TRUE(HasCode(client().Call(Jastrzebia().worker, &Cases::OpenCase, request, &ignored),
                        StatusCode::FAILED_PRECONDITION))
        << "type " << type;
  }
  int cases = -1;
  ASSERT_NO_FATAL_FAILURE(CountCases(client(), Jastrzebia().head, &cases));
  EXPECT_EQ(cases, 0);
}

TEST_P(BadInputTest, PayloadOfAnotherMessageTypeIsInvalidArgument) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  v1::Person person;
  person.set_given_name("Anna");
  v1::Payload packed;
  *packed.mutable_any() = Pack(person);
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, packed), StatusCode::INVALID_ARGUMENT));

  // A valid intake under another type URL: the URL decides, not whether the bytes happen to
  // parse.
  DynamicPayloads types;
  ASSERT_NO_FATAL_FAILURE(DescribeFamily(client(), Sopot().worker, &types));
  std::string error;
  const auto intake = types.FromJson(family::kIntakeType, family::IntakeJson(), error);
  ASSERT_NE(intake, nullptr) << error;
  v1::Payload mislabelled;
  *mislabelled.mutable_any() = Pack(*intake);
  mislabelled.mutable_any()->set_type_url("type.googleapis.com/assist.v1.Person");
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, mislabelled), StatusCode::INVALID_ARGUMENT));

  // JSON naming a type that is not the step's.
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, JsonPayload(family::IntakeJson(), "assist.v1.Person")),
                      StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, JsonPayload(family::PlanJson("x"), family::kPlanType)),
                      StatusCode::INVALID_ARGUMENT));
  v1::Case after;
  ASSERT_NO_FATAL_FAILURE(ReadCase(case_id, &after));
  EXPECT_EQ(after.intake_version(), 0);

  // A plan needs an intake first; then the same checks hold for it.
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, JsonPayload(family::IntakeJson()))));
  EXPECT_TRUE(HasCode(SubmitPlan(case_id, packed), StatusCode::INVALID_ARGUMENT));
  *mislabelled.mutable_any() = Pack(*intake);
  EXPECT_TRUE(HasCode(SubmitPlan(case_id, mislabelled), StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(HasCode(SubmitPlan(case_id, JsonPayload(family::IntakeJson(), family::kIntakeType)),
                      StatusCode::INVALID_ARGUMENT));
  ASSERT_NO_FATAL_FAILURE(ReadCase(case_id, &after));
  EXPECT_EQ(after.intake_version(), 1);
  EXPECT_EQ(after.plan_version(), 0);
}

TEST_P(BadInputTest, MalformedOrAmbiguousJsonIsInvalidArgument) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  const std::string valid = family::IntakeJson();
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, JsonPayload(valid.substr(0, valid.size() / 2))),
                      StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(HasCode(
      SubmitIntake(case_id, JsonPayload(Replace(valid, "\"FAMILY_FORM_SINGLE_CARER\"", "3.5"))),
      StatusCode::INVALID_ARGUMENT));
  // An unknown field would be silently lost: refused, not ignored.
  EXPECT_TRUE(
      HasCode(SubmitIntake(case_id, JsonPayload(Replace(valid, "{", R"({"noSuchField": 1,)"))),
              StatusCode::INVALID_ARGUMENT));
  // Exactly one of any and json.
  v1::Payload both = JsonPayload(valid);
  *both.mutable_any() = Pack(v1::Person());
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, both), StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(HasCode(SubmitIntake(case_id, v1::Payload()), StatusCode::INVALID_ARGUMENT));

  v1::Case after;
  ASSERT_NO_FATAL_FAILURE(ReadCase(case_id, &after));
  EXPECT_EQ(after.intake_version(), 0);
  // The same intake, well-formed, is accepted: the refusals above were about the form.
  EXPECT_TRUE(IsOk(SubmitIntake(case_id, JsonPayload(valid))));
}

TEST_P(BadInputTest, InvalidIntakeListsEveryFieldViolationAtOnce) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  const grpc::Status status = SubmitIntake(case_id, JsonPayload(family::InvalidIntakeJson()));
  ASSERT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT));

  const std::optional<google::rpc::Status> rich = RichStatus(status);
  ASSERT_TRUE(rich.has_value()) << "no google.rpc.Status in grpc-status-details-bin";
  EXPECT_EQ(rich->code(), static_cast<int>(StatusCode::INVALID_ARGUMENT));
  const std::vector<std::string> fields = ViolatedFields(status);
  for (const std::string_view field : family::kInvalidIntakeFields) {
    EXPECT_TRUE(Contains(fields, field)) << field << " missing in " << Describe(status);
  }
  // The Polish descriptions travel beside the English ones (common.proto).
  const auto polish = std::find_if(
      rich->details().begin(), rich->details().end(),
      [](const google::protobuf::Any& any) { return any.Is<v1::LocalizedFieldViolations>(); });
  ASSERT_NE(polish, rich->details().end()) << "no assist.v1.LocalizedFieldViolations";
  v1::LocalizedFieldViolations localized;
  ASSERT_TRUE(polish->UnpackTo(&localized));
  EXPECT_EQ(localized.locale(), "pl");
  EXPECT_EQ(static_cast<std::size_t>(localized.field_violations_size()), fields.size());

  v1::Case after;
  ASSERT_NO_FATAL_FAILURE(ReadCase(case_id, &after));
  EXPECT_EQ(after.intake_version(), 0);
}

TEST_P(BadInputTest, InvalidPlanLeavesNoNewVersion) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, JsonPayload(family::IntakeJson()))));
  ASSERT_TRUE(IsOk(SubmitPlan(case_id, JsonPayload(family::PlanJson("goal")))));

  const grpc::Status status =
      SubmitPlan(case_id, JsonPayload(R"({"agreedWithFamilyOn": "2024-02-01"})"));
  EXPECT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT));
  EXPECT_TRUE(Contains(ViolatedFields(status), "goals")) << Describe(status);

  v1::Case after;
  ASSERT_NO_FATAL_FAILURE(ReadCase(case_id, &after));
  EXPECT_EQ(after.plan_version(), 1);
  v1::ListPlanVersionsRequest list;
  list.set_case_id(case_id);
  v1::ListPlanVersionsResponse versions;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::ListPlanVersions, list, &versions)));
  EXPECT_EQ(versions.versions_size(), 1);
  v1::GetPlanRequest get;
  get.set_case_id(case_id);
  get.set_version(2);
  v1::PlanVersion ignored;
  EXPECT_TRUE(HasCode(client().Call(Sopot().worker, &Cases::GetPlan, get, &ignored),
                      StatusCode::NOT_FOUND));
}

TEST_P(BadInputTest, StepsBeforeConsentAreFailedPrecondition) {
  std::int64_t family_id = 0;
  ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), Sopot(), &family_id));
  v1::Case opened;
  ASSERT_NO_FATAL_FAILURE(OpenFamilyCase(client(), Sopot(), family_id, &opened));
  v1::AssignAssistantRequest assign;
  assign.set_case_id(opened.id());
  assign.set_assistant_id(std::string(Sopot().assistant.actor_id));
  v1::Case assigned;
  ASSERT_TRUE(IsOk(client().Call(Sopot().head, &Cases::AssignAssistant, assign, &assigned)));

  const grpc::Status early = SubmitIntake(opened.id(), JsonPayload(family::IntakeJson()));
  EXPECT_TRUE(HasCode(early, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(early), std::vector<std::string>{"CONSENT_MISSING"});
  v1::RecordConsentRequest refuse;
  refuse.set_case_id(opened.id());
  refuse.set_decision(v1::CONSENT_STATE_REFUSED);
  v1::Case refused;
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::RecordConsent, refuse, &refused)));
  const grpc::Status after_refusal = SubmitIntake(opened.id(), JsonPayload(family::IntakeJson()));
  EXPECT_TRUE(HasCode(after_refusal, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(after_refusal), std::vector<std::string>{"CONSENT_REFUSED"});
  EXPECT_TRUE(HasCode(SubmitPlan(opened.id(), JsonPayload(family::PlanJson("goal"))),
                      StatusCode::FAILED_PRECONDITION));
  v1::RenderDocumentRequest document;
  document.set_case_id(opened.id());
  document.set_kind("court_opinion");
  v1::CaseDocument ignored;
  const grpc::Status render =
      client().Call(Sopot().worker, &Cases::RenderDocument, document, &ignored);
  EXPECT_TRUE(HasCode(render, StatusCode::FAILED_PRECONDITION));
  EXPECT_EQ(PreconditionTypes(render), std::vector<std::string>{"CONSENT_REFUSED"});

  v1::Case after;
  ASSERT_NO_FATAL_FAILURE(ReadCase(opened.id(), &after));
  EXPECT_EQ(after.consent(), v1::CONSENT_STATE_REFUSED);
  EXPECT_EQ(after.intake_version(), 0);
  EXPECT_EQ(after.plan_version(), 0);
  EXPECT_EQ(after.work_started_on(), "");
}

TEST_P(BadInputTest, ClosingWithoutTheOutcomeIsRefused) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  ASSERT_TRUE(IsOk(SubmitIntake(case_id, JsonPayload(family::IntakeJson()))));
  v1::CloseCaseRequest close;
  close.set_case_id(case_id);
  close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  v1::Case ignored;
  const grpc::Status status = client().Call(Sopot().worker, &Cases::CloseCase, close, &ignored);
  EXPECT_TRUE(status.error_code() == StatusCode::INVALID_ARGUMENT ||
              status.error_code() == StatusCode::FAILED_PRECONDITION)
      << "the outcome is required once an intake exists; got " << Describe(status);

  v1::Case after;
  ASSERT_NO_FATAL_FAILURE(ReadCase(case_id, &after));
  EXPECT_EQ(after.status(), v1::CASE_STATUS_OPEN);
  EXPECT_EQ(after.closed_on(), "");
}

TEST_P(BadInputTest, OversizedFiltersAreInvalidArgument) {
  v1::ListCasesRequest cases;
  cases.set_assistant_id(std::string(300, 'a'));
  cases.set_type_id(std::string(100, 't'));
  v1::ListCasesResponse listed;
  const grpc::Status status = client().Call(Sopot().head, &Cases::ListCases, cases, &listed);
  EXPECT_TRUE(HasCode(status, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(status), (std::vector<std::string>{"type_id", "assistant_id"}));
  v1::ListAuditEventsRequest audit;
  audit.set_actor_id(std::string(300, 'a'));
  v1::ListAuditEventsResponse events;
  const grpc::Status audited =
      client().Call(Sopot().auditor, &Audit::ListAuditEvents, audit, &events);
  EXPECT_EQ(ViolatedFields(audited), std::vector<std::string>{"actor_id"}) << Describe(audited);
}

// PostgreSQL's client library would cut "Anna\0Evil" to "Anna" and answer OK; both backends
// must refuse it alike, in a request's own fields and inside a plugin payload (JSON \u0000).
TEST_P(BadInputTest, NulBytesInTextAreInvalidArgumentOnBothBackends) {
  v1::CreatePersonRequest person;
  person.set_given_name(std::string("Anna\0Evil", 9));
  person.set_family_name("Nowak");
  person.set_birth_date("1990-01-01");
  v1::Person created;
  const grpc::Status refused =
      client().Call(Sopot().worker, &Cases::CreatePerson, person, &created);
  EXPECT_TRUE(HasCode(refused, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(refused), std::vector<std::string>{"given_name"}) << Describe(refused);
  // Nor is a birth date no one served can have (issue 10: 0000-01-01 was stored).
  person.set_given_name("Anna");
  person.set_birth_date("0000-01-01");
  const grpc::Status ancient =
      client().Call(Sopot().worker, &Cases::CreatePerson, person, &created);
  EXPECT_EQ(ViolatedFields(ancient), std::vector<std::string>{"birth_date"}) << Describe(ancient);

  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  v1::RecordContactRequest contact;
  contact.set_case_id(case_id);
  contact.set_kind(v1::CONTACT_KIND_HOME_VISIT);
  contact.set_duration_minutes(30);
  contact.set_notes(std::string("visit\0hidden", 12));
  v1::Contact recorded;
  const grpc::Status notes =
      client().Call(Sopot().assistant, &Cases::RecordContact, contact, &recorded);
  EXPECT_TRUE(HasCode(notes, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(notes), std::vector<std::string>{"notes"}) << Describe(notes);

  const grpc::Status intake = SubmitIntake(
      case_id, JsonPayload(Replace(family::IntakeJson(), "Anna Nowak", "Anna\\u0000Evil")));
  EXPECT_TRUE(HasCode(intake, StatusCode::INVALID_ARGUMENT)) << Describe(intake);
  EXPECT_TRUE(Contains(ViolatedFields(intake), "members[0].name")) << Describe(intake);

  v1::ListContactsRequest list;
  list.set_case_id(case_id);
  v1::ListContactsResponse contacts;
  ASSERT_TRUE(IsOk(client().Call(Sopot().assistant, &Cases::ListContacts, list, &contacts)));
  EXPECT_EQ(contacts.contacts_size(), 0) << "a refused contact left a row";
}

// A PESEL is checked (digits, check digit, the birth date it holds) and is one person's per
// centre: a second registration names the first person instead of storing a duplicate.
TEST_P(BadInputTest, APeselIsCheckedAndRegisteredOnce) {
  v1::CreatePersonRequest person;
  person.set_given_name("Anna");
  person.set_family_name("Kowalska");
  person.set_birth_date("2002-07-08");
  person.set_pesel("02270803625");  // check digit 4
  v1::Person created;
  const grpc::Status refused =
      client().Call(Sopot().worker, &Cases::CreatePerson, person, &created);
  EXPECT_TRUE(HasCode(refused, StatusCode::INVALID_ARGUMENT));
  EXPECT_EQ(ViolatedFields(refused), std::vector<std::string>{"pesel"}) << Describe(refused);

  person.set_pesel("02270803624");
  ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::CreatePerson, person, &created)));
  EXPECT_EQ(created.pesel(), "02270803624");
  v1::Person again;
  const grpc::Status twice = client().Call(Sopot().worker, &Cases::CreatePerson, person, &again);
  EXPECT_TRUE(HasCode(twice, StatusCode::ALREADY_EXISTS)) << Describe(twice);
  EXPECT_EQ(ErrorReason(twice), "PERSON_EXISTS");
  EXPECT_NE(twice.error_message().find("person " + std::to_string(created.id())), std::string::npos)
      << Describe(twice);
  // Another centre registers the same person on its own; it learns nothing of Sopot's.
  v1::Person elsewhere;
  ASSERT_TRUE(IsOk(client().Call(Jastrzebia().worker, &Cases::CreatePerson, person, &elsewhere)));
  EXPECT_EQ(elsewhere.similar_person_ids_size(), 0);
}

INSTANTIATE_BACKENDS(BadInputTest);

}  // namespace
}  // namespace assist::it
