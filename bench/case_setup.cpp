#include "case_setup.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

namespace assist::bench {
namespace {

using namespace assist::v1;

template <typename Call>
void MustSucceed(const char* what, Call call) {
  grpc::Status status = call();
  if (!status.ok()) {
    std::cerr << what << " failed: " << status.error_code() << " " << status.error_message()
              << "\n";
    std::exit(1);
  }
}

}  // namespace

void As(grpc::ClientContext& context, const char* token) {
  context.AddMetadata("authorization", std::string("Bearer ") + token);
}

long long PrepareCase(CaseService::Stub& api, int n) {
  Person person;
  MustSucceed("CreatePerson", [&] {
    grpc::ClientContext c;
    As(c, "dev-sopot-worker");
    CreatePersonRequest r;
    r.set_given_name("Bench" + std::to_string(n));
    r.set_family_name("Load");
    r.set_birth_date("1980-01-01");
    return api.CreatePerson(&c, r, &person);
  });
  Family family;
  MustSucceed("CreateFamily", [&] {
    grpc::ClientContext c;
    As(c, "dev-sopot-worker");
    CreateFamilyRequest r;
    r.set_name("Rodzina Load " + std::to_string(n));
    auto* parent = r.add_members();
    parent->set_person_id(person.id());
    parent->set_relation(FAMILY_RELATION_PARENT);
    return api.CreateFamily(&c, r, &family);
  });
  Case opened;
  MustSucceed("OpenCase", [&] {
    grpc::ClientContext c;
    As(c, "dev-sopot-worker");
    OpenCaseRequest r;
    r.set_type_id("family");
    r.set_family_id(family.id());
    r.set_referral_reason("load test");
    return api.OpenCase(&c, r, &opened);
  });
  Case ignored;
  MustSucceed("AssignAssistant", [&] {
    grpc::ClientContext c;
    As(c, "dev-sopot-head");
    AssignAssistantRequest r;
    r.set_case_id(opened.id());
    r.set_assistant_id(kAssistantId);
    return api.AssignAssistant(&c, r, &ignored);
  });
  MustSucceed("RecordConsent", [&] {
    grpc::ClientContext c;
    As(c, kAssistantToken);
    RecordConsentRequest r;
    r.set_case_id(opened.id());
    r.set_decision(CONSENT_STATE_GIVEN);
    return api.RecordConsent(&c, r, &ignored);
  });
  MustSucceed("SubmitIntake", [&] {
    grpc::ClientContext c;
    As(c, kAssistantToken);
    SubmitIntakeRequest r;
    r.set_case_id(opened.id());
    r.mutable_intake()->set_json(
        R"({"members": [{"name": "Bench Load", "birthDate": "1980-01-01",
            "role": "MEMBER_ROLE_ADULT", "relation": "RELATION_PARENT"}],
            "familyForm": "FAMILY_FORM_SINGLE_CARER", "legalBasis": "LEGAL_BASIS_FAMILY_CONSENT"})");
    return api.SubmitIntake(&c, r, &ignored);
  });
  return opened.id();
}

}  // namespace assist::bench
