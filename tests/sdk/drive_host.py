#!/usr/bin/python3
"""Drives the INSTALLED assist-host with plugins built outside the repository (tools/test-sdk.sh).

  drive_host.py --prefix PREFIX --plugin-dir DIR --work DIR --scaffolded NAME

Starts PREFIX/bin/assist-host on a fresh SQLite database for a centre that runs "streetwork" and
the scaffolded type; walks a streetwork case and a case of the scaffolded type over gRPC (stubs
generated from PREFIX/share/assist/proto), checks that bad payloads come back as INVALID_ARGUMENT
with the plugins' field violations, stops the host and reads the plugins' own tables. Uses only
Debian's python3-grpcio and python3-protobuf. Exits non-zero at the first failed check.
"""
import argparse
import calendar
import datetime
import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading

PROTOS = ["assist/v1/form_options.proto", "assist/v1/common.proto", "assist/v1/platform.proto", "assist/v1/staff.proto",
          "assist/v1/cases.proto",
          "google/rpc/status.proto", "google/rpc/error_details.proto"]
CENTRE = "mops-boleslawiec"
TOKENS = {"head": "ROLE_HEAD", "worker": "ROLE_SOCIAL_WORKER", "streetworker": "ROLE_ASSISTANT"}


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("  ok:", what)


def add_months(date, months):
    """As the SDK's AddMonths: a day the target month lacks becomes its last day."""
    month = date.month - 1 + months
    year, month = date.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(date.day, calendar.monthrange(year, month)[1]))


def write_config(path, scaffolded):
    lines = ['allow_static_tokens: true  # a throwaway host on loopback',
             'bootstrap_centres { id: "%s" name: "MOPS w Bolesławcu" municipality: "Bolesławiec"'
             ' enabled_types: ["streetwork", "%s"]'
             ' staff { login: "boleslawiec.streetworker" full_name: "Stefan Uliczny"'
             ' function: STAFF_FUNCTION_ASSISTANT type_ids: ["streetwork", "%s"]'
             ' employment_form: EMPLOYMENT_FORM_EMPLOYMENT_CONTRACT } }'
             % (CENTRE, scaffolded, scaffolded)]
    for who, role in TOKENS.items():
        lines.append('static_tokens { token: "sdk-test-%s" actor_id: "boleslawiec.%s"'
                     ' centre_id: "%s" role: %s }' % (who, who, CENTRE, role))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


class Host:
    """The installed host as a child process, from its ready line to a clean SIGTERM stop."""

    def __init__(self, args):
        config = os.path.join(args.work, "host.textproto")
        write_config(config, args.scaffolded)
        self.db = os.path.join(args.work, "assist.db")
        self.log_path = os.path.join(args.work, "host.log")
        self.log = open(self.log_path, "w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [os.path.join(args.prefix, "bin", "assist-host"), "--config", config,
             "--listen", "127.0.0.1:0", "--db", self.db, "--plugin-dir", args.plugin_dir],
            cwd=args.work, stdout=subprocess.PIPE, stderr=self.log, text=True)
        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(l) for l in self.proc.stdout],
                         daemon=True).start()
        try:
            line = lines.get(timeout=60)
        except queue.Empty:
            line = ""
        prefix = "assist-host: listening on "
        if not line.startswith(prefix):
            self.stop()
            raise AssertionError("the host did not start:\n" + self.logged())
        self.address = line[len(prefix):].strip()

    def logged(self):
        with open(self.log_path, encoding="utf-8") as f:
            return f.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


def generate_stubs(prefix, out_dir):
    proto_dir = os.path.join(prefix, "share", "assist", "proto")
    os.makedirs(out_dir, exist_ok=True)
    subprocess.run(["protoc", "-I", proto_dir, "--python_out", out_dir, "--grpc_out", out_dir,
                    "--plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin"] + PROTOS, check=True)
    sys.path.insert(0, out_dir)


class Api:
    """The three services with a caller per role, and the error details of a refused call."""

    def __init__(self, address):
        import grpc
        from assist.v1 import cases_pb2, cases_pb2_grpc, common_pb2, platform_pb2
        from assist.v1 import platform_pb2_grpc
        from google.rpc import error_details_pb2, status_pb2
        self.grpc, self.cases, self.common = grpc, cases_pb2, common_pb2
        self.platform = platform_pb2
        self.error_details, self.status = error_details_pb2, status_pb2
        channel = grpc.insecure_channel(address)
        self.platform_api = platform_pb2_grpc.PlatformServiceStub(channel)
        self.case_api = cases_pb2_grpc.CaseServiceStub(channel)

    @staticmethod
    def as_(who):
        return [("authorization", "Bearer sdk-test-" + who)]

    def json(self, payload):
        return self.common.Payload(json=json.dumps(payload))

    def refused(self, call, request, who):
        """The code and the BadRequest field paths of a call that must fail."""
        try:
            call(request, metadata=self.as_(who))
        except self.grpc.RpcError as e:
            fields = []
            for key, value in e.trailing_metadata() or ():
                if key != "grpc-status-details-bin":
                    continue
                for detail in self.status.Status.FromString(value).details:
                    bad = self.error_details.BadRequest()
                    if detail.Unpack(bad):
                        fields += [v.field for v in bad.field_violations]
            return e.code(), sorted(fields)
        raise AssertionError("the call succeeded but should have been refused")

    def open_case(self, type_id, given_name):
        person = self.case_api.CreatePerson(self.cases.CreatePersonRequest(
            given_name=given_name, family_name="Nowak", birth_date="1971-03-02"),
            metadata=self.as_("worker"))
        case = self.case_api.OpenCase(self.cases.OpenCaseRequest(
            type_id=type_id, person_id=person.id, referral_reason="nocuje na dworcu PKP"),
            metadata=self.as_("worker"))
        self.case_api.AssignAssistant(self.cases.AssignAssistantRequest(
            case_id=case.id, assistant_id="boleslawiec.streetworker"), metadata=self.as_("head"))
        return self.case_api.RecordConsent(self.cases.RecordConsentRequest(
            case_id=case.id, decision=self.cases.CONSENT_STATE_GIVEN),
            metadata=self.as_("streetworker"))


def walk_streetwork(api, today):
    """The out-of-tree example: a person sleeping rough, from the intake to a night shelter."""
    types = {t.id: t for t in api.platform_api.ListAssistanceTypes(
        api.platform.ListAssistanceTypesRequest(), metadata=api.as_("worker")).types}
    check("streetwork" in types and types["streetwork"].intake_type ==
          "assist.streetwork.v1.Intake", "ListAssistanceTypes lists streetwork and its intake type")
    described = api.platform_api.DescribeAssistanceType(
        api.platform.DescribeAssistanceTypeRequest(id="streetwork"), metadata=api.as_("worker"))
    check("assist/streetwork/v1/streetwork.proto" in [f.name for f in described.descriptors.file],
          "DescribeAssistanceType ships the plugin's own .proto")
    from assist.v1 import form_options_pb2
    streetwork = next(f for f in described.descriptors.file if f.package == "assist.streetwork.v1")
    intake_fields = next(m for m in streetwork.message_type if m.name == "Intake").field
    form = next(f for f in intake_fields if f.name == "first_met_on").options.Extensions[
        form_options_pb2.form]
    check(form.label_pl == "Data pierwszego spotkania" and form.required and form.example,
          "a Python client reads the plugin's form options: label, required, example")

    case = api.open_case("streetwork", "Marek")
    bad = {"firstMetOn": (today + datetime.timedelta(days=1)).isoformat(),
           "metAt": {"kind": "PLACE_KIND_OTHER"}, "monthsWithoutHome": -3,
           "needs": ["NEED_FOOD", "NEED_FOOD"]}
    code, fields = api.refused(api.case_api.SubmitIntake, api.cases.SubmitIntakeRequest(
        case_id=case.id, intake=api.json(bad)), "streetworker")
    check(code == api.grpc.StatusCode.INVALID_ARGUMENT and fields == [
        "intake.first_met_on", "intake.met_at.note", "intake.months_without_home",
        "intake.needs[1]", "intake.risk"],
        "a bad intake is INVALID_ARGUMENT naming every field the plugin refused: %s" % fields)

    intake = {"firstMetOn": (today - datetime.timedelta(days=10)).isoformat(),
              "metAt": {"kind": "PLACE_KIND_RAILWAY_STATION", "note": "dworzec PKP, poczekalnia"},
              "monthsWithoutHome": 14, "needs": ["NEED_FOOD", "NEED_MEDICAL_AID"],
              "risk": "RISK_HIGH"}
    case = api.case_api.SubmitIntake(api.cases.SubmitIntakeRequest(
        case_id=case.id, intake=api.json(intake)), metadata=api.as_("streetworker"))
    started = datetime.date.fromisoformat(case.work_started_on)
    check(case.intake_version == 1 and case.next_review_due == add_months(started, 1).isoformat(),
          "intake v1 at high risk: review due one month after the start of work (%s)"
          % case.next_review_due)

    plan = {"actions": [{"need": "NEED_NIGHT_SHELTER", "description": "miejsce w noclegowni",
                         "partner": "Noclegownia w Bolesławcu",
                         "deadline": (today + datetime.timedelta(days=14)).isoformat()}]}
    version = api.case_api.SubmitPlan(api.cases.SubmitPlanRequest(
        case_id=case.id, plan=api.json(plan)), metadata=api.as_("streetworker"))
    check(version.version == 1 and [w.code for w in version.warnings] ==
          ["NIGHT_SHELTER_NOT_ACCEPTED"], "plan v1 stored with the plugin's warning")

    contact = {"place": {"kind": "PLACE_KIND_ALLOTMENT_GARDENS"}, "personMet": True,
               "needsMet": ["NEED_FOOD", "NEED_CLOTHING"]}
    api.case_api.RecordContact(api.cases.RecordContactRequest(
        case_id=case.id, kind=api.cases.CONTACT_KIND_OUTREACH, duration_minutes=40,
        details=api.json(contact)), metadata=api.as_("streetworker"))
    not_met = {"place": {"kind": "PLACE_KIND_DUMP"}, "personMet": False, "needsMet": ["NEED_FOOD"]}
    code, fields = api.refused(api.case_api.RecordContact, api.cases.RecordContactRequest(
        case_id=case.id, kind=api.cases.CONTACT_KIND_OUTREACH, details=api.json(not_met)),
        "streetworker")
    check(code == api.grpc.StatusCode.INVALID_ARGUMENT and fields == ["details.needs_met"],
          "a street round that met no one cannot have met needs")

    api.case_api.RecordReview(api.cases.RecordReviewRequest(case_id=case.id, review=api.json(
        {"risk": "RISK_MODERATE", "assessment": "nocuje w noclegowni, przyjmuje pomoc"})),
        metadata=api.as_("streetworker"))
    closed = api.case_api.CloseCase(api.cases.CloseCaseRequest(
        case_id=case.id, reason=api.cases.CLOSURE_REASON_GOALS_ACHIEVED, outcome=api.json(
            {"result": "RESULT_NIGHT_SHELTER", "summary": "stałe miejsce w noclegowni"})),
        metadata=api.as_("streetworker"))
    check(closed.status == api.cases.CASE_STATUS_CLOSED, "the case closes with the outcome")
    return case.id


def walk_scaffolded(api, today, type_id):
    """The plugin tools/new-plugin.sh wrote, untouched: a case from intake to outcome."""
    case = api.open_case(type_id, "Jan")
    code, fields = api.refused(api.case_api.SubmitIntake, api.cases.SubmitIntakeRequest(
        case_id=case.id, intake=api.json({})), "streetworker")
    check(code == api.grpc.StatusCode.INVALID_ARGUMENT and
          fields == ["intake.assessed_on", "intake.problems"],
          "%s: an empty intake is INVALID_ARGUMENT with its field violations" % type_id)
    api.case_api.SubmitIntake(api.cases.SubmitIntakeRequest(case_id=case.id, intake=api.json(
        {"assessedOn": today.isoformat(), "problems": ["brak pracy od 2 lat"]})),
        metadata=api.as_("streetworker"))
    api.case_api.SubmitPlan(api.cases.SubmitPlanRequest(case_id=case.id, plan=api.json(
        {"goals": [{"description": "staż w CIS", "deadline": add_months(today, 3).isoformat()}]})),
        metadata=api.as_("streetworker"))
    closed = api.case_api.CloseCase(api.cases.CloseCaseRequest(
        case_id=case.id, reason=api.cases.CLOSURE_REASON_GOALS_ACHIEVED, outcome=api.json(
            {"independence": {"before": 2, "after": 4}, "summary": "zatrudniony w CIS"})),
        metadata=api.as_("streetworker"))
    check(closed.status == api.cases.CASE_STATUS_CLOSED,
          "%s: intake, plan and outcome accepted" % type_id)
    return case.id


def check_tables(db, streetwork_case, scaffolded, scaffolded_case):
    """What the plugins' migrations and OnAccepted hooks wrote, read after the host stopped."""
    sql = sqlite3.connect(db)
    owners = {row[0] for row in sql.execute("SELECT owner FROM schema_migrations")}
    check({"streetwork", scaffolded} <= owners, "both plugins' migrations are recorded")
    rounds = sql.execute("SELECT place_kind, person_met, needs_met FROM streetwork_rounds"
                         " WHERE case_id = ?", (streetwork_case,)).fetchall()
    check(rounds == [(2, 1, 2)], "streetwork kept the accepted street round (only): %s" % rounds)
    ratings = sql.execute("SELECT indicator, before_rating, after_rating FROM %s_outcome_indicators"
                          " WHERE case_id = ?" % scaffolded, (scaffolded_case,)).fetchall()
    check(ratings == [("independence", 2, 4)], "%s stored its outcome indicators" % scaffolded)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag in ("--prefix", "--plugin-dir", "--work", "--scaffolded"):
        parser.add_argument(flag, required=True)
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    generate_stubs(args.prefix, os.path.join(args.work, "stubs"))

    host = Host(args)
    try:
        log = host.logged()
        for type_id in ("streetwork", args.scaffolded):
            check("plugin %s loaded from" % type_id in log, "the installed host loaded " + type_id)
        check(" refused: " not in log, "the host refused no plugin")
        api = Api(host.address)
        today = datetime.date.today()
        streetwork_case = walk_streetwork(api, today)
        scaffolded_case = walk_scaffolded(api, today, args.scaffolded)
    except BaseException:
        host.stop()
        print(host.logged(), file=sys.stderr)
        raise
    check(host.stop() == 0, "the host stops cleanly on SIGTERM")
    check_tables(host.db, streetwork_case, args.scaffolded, scaffolded_case)


if __name__ == "__main__":
    main()
