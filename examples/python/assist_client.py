#!/usr/bin/python3
"""A minimal external application talking to assist-host from Python.

Uses only Debian's python3-grpcio and python3-protobuf: the stubs are generated into a temporary
directory with protoc and grpc_python_plugin (Debian's protobuf-compiler-grpc) on every run.

  /usr/bin/python3 examples/python/assist_client.py [HOST:PORT]

Against the dev configuration (deploy/config/dev.textproto) it lists the assistance types,
registers a family at the Sopot centre and walks its case from referral to the first plan.
"""
import datetime
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROTOS = ["assist/v1/common.proto", "assist/v1/platform.proto", "assist/v1/staff.proto",
          "assist/v1/cases.proto",
          "google/rpc/status.proto", "google/rpc/error_details.proto"]


def generate_stubs(out_dir):
    subprocess.run(["protoc", "-I", os.path.join(REPO, "proto"), "--python_out", out_dir,
                    "--grpc_out", out_dir, "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin"]
                   + PROTOS, check=True)
    sys.path.insert(0, out_dir)


def main():
    address = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:50051"
    with tempfile.TemporaryDirectory() as stubs:
        generate_stubs(stubs)
        import grpc
        from assist.v1 import cases_pb2 as cases, cases_pb2_grpc, common_pb2 as common
        from assist.v1 import platform_pb2 as platform, platform_pb2_grpc

        channel = grpc.insecure_channel(address)
        platform_api = platform_pb2_grpc.PlatformServiceStub(channel)
        case_api = cases_pb2_grpc.CaseServiceStub(channel)

        def as_(token):
            return [("authorization", "Bearer " + token)]

        types = platform_api.ListAssistanceTypes(platform.ListAssistanceTypesRequest(),
                                                 metadata=as_("dev-sopot-worker"))
        for t in types.types:
            print(f"type {t.id:14} {t.display_name_pl} (intake: {t.intake_type})")

        worker, head = as_("dev-sopot-worker"), as_("dev-sopot-head")
        mother = case_api.CreatePerson(cases.CreatePersonRequest(
            given_name="Anna", family_name="Nowak", birth_date="1988-04-12"), metadata=worker)
        child = case_api.CreatePerson(cases.CreatePersonRequest(
            given_name="Ola", family_name="Nowak", birth_date="2015-09-01"), metadata=worker)
        family = case_api.CreateFamily(cases.CreateFamilyRequest(name="Rodzina Nowak", members=[
            cases.FamilyMember(person_id=mother.id, relation=cases.FAMILY_RELATION_PARENT),
            cases.FamilyMember(person_id=child.id, relation=cases.FAMILY_RELATION_CHILD)]),
            metadata=worker)
        case = case_api.OpenCase(cases.OpenCaseRequest(
            type_id="family", family_id=family.id,
            referral_reason="zaległości czynszowe, trudności wychowawcze"), metadata=worker)
        case_api.AssignAssistant(cases.AssignAssistantRequest(
            case_id=case.id, assistant_id="sopot.assistant"), metadata=head)

        assistant = as_("dev-sopot-assistant")
        intake = {"members": [
            {"name": "Anna Nowak", "birthDate": "1988-04-12", "role": "MEMBER_ROLE_ADULT",
             "relation": "RELATION_PARENT"},
            {"name": "Ola Nowak", "birthDate": "2015-09-01", "role": "MEMBER_ROLE_CHILD",
             "relation": "RELATION_CHILD"}],
            "familyForm": "FAMILY_FORM_SINGLE_CARER", "legalBasis": "LEGAL_BASIS_FAMILY_CONSENT",
            "problemAreas": ["PROBLEM_AREA_DEBT"]}
        try:
            case_api.SubmitIntake(cases.SubmitIntakeRequest(
                case_id=case.id, intake=common.Payload(json=json.dumps(intake))), metadata=assistant)
        except grpc.RpcError as e:  # no consent yet: the host names the missing step
            print("before consent:", e.code().name, "-", e.details())

        case_api.RecordConsent(cases.RecordConsentRequest(
            case_id=case.id, decision=cases.CONSENT_STATE_GIVEN), metadata=assistant)
        case = case_api.SubmitIntake(cases.SubmitIntakeRequest(
            case_id=case.id, intake=common.Payload(json=json.dumps(intake))), metadata=assistant)
        print(f"case {case.id}: intake v{case.intake_version}, next review due {case.next_review_due}")

        in_a_month = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
        plan = {"agreedWithFamilyOn": datetime.date.today().isoformat(), "goals": [{
            "area": "GOAL_AREA_HOUSEHOLD_BUDGET", "description": "spłata zaległości czynszowych",
            "actions": [{"description": "plan spłaty z administracją", "performer":
                         "PERFORMER_FAMILY_MEMBER", "performerName": "Anna Nowak",
                         "deadline": in_a_month}]}]}
        version = case_api.SubmitPlan(cases.SubmitPlanRequest(
            case_id=case.id, plan=common.Payload(json=json.dumps(plan))), metadata=assistant)
        print(f"plan version {version.version} stored; warnings: "
              f"{[w.message_en for w in version.warnings]}")


if __name__ == "__main__":
    main()
