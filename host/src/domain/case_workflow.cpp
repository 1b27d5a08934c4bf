#include "domain/case_workflow.hpp"

#include <assist/plugin/checks.hpp>
#include <assist/plugin/validation.hpp>

#include "domain/assignments.hpp"
#include "domain/case_rules.hpp"
#include "domain/case_store.hpp"
#include "domain/closure_reasons.hpp"
#include "domain/consent_steps.hpp"
#include "domain/data_rights.hpp"
#include "domain/errors.hpp"
#include "domain/ordered_work.hpp"
#include "domain/payload_codec.hpp"
#include "domain/people.hpp"
#include "domain/plan_approval.hpp"
#include "domain/plugin_bridge.hpp"
#include "domain/request_checks.hpp"
#include "domain/step_pipeline.hpp"
#include "domain/step_records.hpp"
#include "store/period_report_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using assist::v1::Case;
using google::protobuf::Message;

// Longest texts a request may carry, in bytes.
constexpr std::size_t kMaxReferralReasonBytes = 4000;
constexpr std::size_t kMaxConsentNoteBytes = 2000;
constexpr std::size_t kMaxPlaceBytes = 500;
constexpr std::size_t kMaxContactNotesBytes = 20000;

// A step's date may fall on the day of the earlier date it is checked against (sdk::NotBefore).
constexpr bool kSameDayOk = true;

// Stores a step's payload as version `version` of the case's `kind` document.
void StoreDocument(Transaction& tx, const Identity& who, long long case_id, DocumentKind kind,
                   int version, const Message& payload) {
  InsertDocument(tx, case_id, kind, version, payload.GetDescriptor()->full_name(),
                 ToStoredJson(payload), who.actor_id);
}

std::string CaseRef(const Case& c) { return "case " + std::to_string(c.id()); }

// RequireWorkAllowed, looking up whether the work is ordered only when consent would stop it.
void RequireWorkAllowed(Transaction& tx, const LoadedPlugin& plugin, const Case& c,
                        const CaseConsent& consent) {
  const bool ordered = !ConsentInPlace(c, consent) && WorkOrdered(tx, plugin, c);
  RequireWorkAllowed(c, consent, ordered);
}

}  // namespace

const LoadedPlugin& CaseWorkflow::PluginOf(const Case& c) const {
  const LoadedPlugin* plugin = registry_.Find(c.type_id());
  if (plugin == nullptr) {
    // The plugin was removed from the deployment while cases of its type exist.
    ThrowPrecondition("ASSISTANCE_TYPE_NOT_LOADED", "cases/" + std::to_string(c.id()),
                      "assistance type " + c.type_id() + " is not loaded on this host");
  }
  return *plugin;
}

Case CaseWorkflow::OpenCase(Transaction& tx, const Identity& who,
                            const assist::v1::OpenCaseRequest& request) const {
  const sdk::Date today = sdk::Today();
  sdk::Violations v;
  const LoadedPlugin* plugin = nullptr;
  if (v.Require(!request.type_id().empty(), "type_id", "is required", "jest wymagany")) {
    plugin = registry_.Find(request.type_id());
    v.Require(
        plugin != nullptr, "type_id",
        "no assistance type \"" + request.type_id() + "\" is loaded (see ListAssistanceTypes)",
        "rodzaj asysty \"" + request.type_id() +
            "\" nie jest załadowany (zob. ListAssistanceTypes)");
  }
  v.Require(request.subject_case() != assist::v1::OpenCaseRequest::SUBJECT_NOT_SET, "subject",
            "person_id or family_id is required", "wymagane jest person_id albo family_id");
  v.RequireText(request.referral_reason(), "referral_reason", kMaxReferralReasonBytes);
  sdk::Date referred_on = EffectiveDate(v, request.referred_on(), "referred_on", today);
  ThrowIfAny(v);

  if (!centres_.TypeEnabled(tx, who.centre_id, request.type_id())) {
    ThrowPrecondition("TYPE_NOT_ENABLED",
                      "centres/" + who.centre_id + "/types/" + request.type_id(),
                      "assistance type " + request.type_id() + " is not enabled at centre " +
                          who.centre_id + " (EnableAssistanceType)");
  }
  Case c;
  c.set_centre_id(who.centre_id);
  c.set_type_id(request.type_id());
  if (request.has_person_id()) {
    if (!PersonExists(tx, who.centre_id, request.person_id())) {
      ThrowNotFound("person", std::to_string(request.person_id()));
    }
    c.set_person_id(request.person_id());
  } else {
    if (!FamilyExists(tx, who.centre_id, request.family_id())) {
      ThrowNotFound("family", std::to_string(request.family_id()));
    }
    c.set_family_id(request.family_id());
  }
  const bool of_person = c.has_person_id();
  const long long subject_id = of_person ? c.person_id() : c.family_id();
  if (CountOpenCasesOfSubject(tx, who.centre_id, request.type_id(), of_person, subject_id) > 0) {
    ThrowAlreadyExists("an open " + request.type_id() + " case for this " +
                       (c.has_person_id() ? std::string("person") : std::string("family")));
  }
  c.set_status(assist::v1::CASE_STATUS_OPEN);
  c.set_referred_by(who.actor_id);
  c.set_referral_reason(request.referral_reason());
  c.set_referred_on(sdk::FormatDate(referred_on));
  c.set_consent(assist::v1::CONSENT_STATE_PENDING);
  c.set_created_at(NowTimestamp());
  c.set_updated_at(c.created_at());
  c.set_id(InsertCase(tx, c));
  PluginCall call(tx, *plugin, centres_, c, referred_on);
  RunStep(call, c, {});
  return SaveStepAndReload(tx, who, c, "OpenCase", "type " + c.type_id());
}

Case CaseWorkflow::AssignAssistant(Transaction& tx, const Identity& who,
                                   const assist::v1::AssignAssistantRequest& request) const {
  sdk::Violations v;
  v.Require(IsSafeId(request.assistant_id()), "assistant_id",
            "is required: letters, digits and . _ - @ only, at most 128",
            "jest wymagany: litery, cyfry i . _ - @, najwyżej 128 znaków");
  sdk::Date assigned_on = EffectiveDate(v, request.assigned_on(), "assigned_on", sdk::Today());
  v.Require(request.role() == assist::v1::ASSIGNMENT_ROLE_UNSPECIFIED ||
                assist::v1::AssignmentRole_IsValid(request.role()),
            "role", "must be PRIMARY, CO_ASSISTANT or SUBSTITUTE",
            "musi być PRIMARY, CO_ASSISTANT albo SUBSTITUTE");
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  sdk::NotBefore(v, assigned_on, sdk::ParseDate(c.referred_on()), kSameDayOk, "assigned_on",
                 "the referral", "skierowanie");
  ThrowIfAny(v);
  RequireOpen(c);
  const assist::v1::AssignmentRole role = RequestedRole(request.role());
  staff_.RequireAssignable(tx, c, request.assistant_id(), "assistant_id", role);
  const std::string detail =
      RecordAssignment(tx, who, c, request.assistant_id(), role, assigned_on, "assigned_on");
  if (role == assist::v1::ASSIGNMENT_ROLE_PRIMARY) {
    c.set_assistant_id(request.assistant_id());
    c.set_assigned_on(sdk::FormatDate(assigned_on));
    StartWorkIfConsented(c);
    PluginCall call(tx, PluginOf(c), centres_, c, assigned_on);
    RunStep(call, c, {});
  }
  return SaveStepAndReload(tx, who, c, "AssignAssistant", detail);
}

Case CaseWorkflow::EndAssignment(Transaction& tx, const Identity& who,
                                 const assist::v1::EndAssignmentRequest& request) const {
  sdk::Violations v;
  v.Require(IsSafeId(request.assistant_id()), "assistant_id",
            "is required: letters, digits and . _ - @ only, at most 128",
            "jest wymagany: litery, cyfry i . _ - @, najwyżej 128 znaków");
  sdk::Date ended_on = EffectiveDate(v, request.ended_on(), "ended_on", sdk::Today());
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  ThrowIfAny(v);
  const std::string detail =
      EndAssignmentOf(tx, who, c, request.assistant_id(), ended_on, "ended_on");
  return SaveStepAndReload(tx, who, c, "EndAssignment", detail);
}

Case CaseWorkflow::RecordConsent(Transaction& tx, const Identity& who,
                                 const assist::v1::RecordConsentRequest& request) const {
  using assist::v1::ConsentState;
  sdk::Violations v;
  const ConsentState decision = request.decision();
  v.Require(decision == assist::v1::CONSENT_STATE_GIVEN ||
                decision == assist::v1::CONSENT_STATE_REFUSED ||
                decision == assist::v1::CONSENT_STATE_WITHDRAWN,
            "decision", "must be GIVEN, REFUSED or WITHDRAWN",
            "musi być GIVEN, REFUSED albo WITHDRAWN");
  sdk::LimitText(v, request.note(), "note", kMaxConsentNoteBytes);
  v.Require(request.person_id() >= 0, "person_id", "must not be negative", "nie może być ujemne");
  CheckConsentGiver(v, request);
  const sdk::Date today = sdk::Today();
  sdk::Date decided_on = EffectiveDate(v, request.decided_on(), "decided_on", today);
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  sdk::NotBefore(v, decided_on, sdk::ParseDate(c.referred_on()), kSameDayOk, "decided_on",
                 "the referral", "skierowanie");
  ThrowIfAny(v);
  RequireOpen(c);
  const ConsentChange change = DecideConsent(tx, c, request, decided_on, today);
  c.set_consent(change.summary);
  c.set_consent_on(change.summary_on);
  StartWorkIfConsented(c);
  PluginCall call(tx, PluginOf(c), centres_, c, decided_on);
  RunStep(call, c, {},
          [&](const Message*) { StoreConsentChange(tx, who, c, change, request, decided_on); });
  return SaveStepAndReload(tx, who, c, "RecordConsent", change.detail);
}

Case CaseWorkflow::SubmitIntake(Transaction& tx, const Identity& who,
                                const assist::v1::SubmitIntakeRequest& request) const {
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  const CaseConsent consent = LoadCaseConsent(tx, c, sdk::Today());
  const LoadedPlugin& plugin = PluginOf(c);
  std::unique_ptr<Message> intake;
  bool ordered = false;
  if (!ConsentInPlace(c, consent) && !plugin.info.ordered_work_flag.empty()) {
    // The intake being submitted may be the one that records the court's order: it is what lets
    // a family that has not consented be worked with.
    intake = DecodePayload(request.intake(), *plugin.intake, "intake");
    ordered = OrdersWork(plugin, FlagsOf(plugin.reporting, *intake));
  }
  RequireWorkAllowed(c, consent, ordered);
  if (intake == nullptr) intake = DecodePayload(request.intake(), *plugin.intake, "intake");
  if (ordered && c.work_started_on().empty()) c.set_work_started_on(sdk::FormatDate(sdk::Today()));
  PluginCall call(tx, plugin, centres_, c, sdk::Today());
  auto step = RunStep(
      call, c, {sdk::Step::kIntake, std::move(intake), "intake"}, [&](const Message* payload) {
        c.set_intake_version(c.intake_version() + 1);
        StoreDocument(tx, who, c.id(), DocumentKind::kIntake, c.intake_version(), *payload);
        InsertIntakeFlags(tx, c.id(), c.intake_version(), FlagsOf(plugin.reporting, *payload));
      });
  return SaveStepAndReload(tx, who, c, "SubmitIntake",
                           "intake version " + std::to_string(c.intake_version()),
                           std::move(step.warnings));
}

assist::v1::PlanVersion CaseWorkflow::SubmitPlan(
    Transaction& tx, const Identity& who, const assist::v1::SubmitPlanRequest& request) const {
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  const LoadedPlugin& plugin = PluginOf(c);
  RequireWorkAllowed(tx, plugin, c, LoadCaseConsent(tx, c, sdk::Today()));
  RequireIntake(c);
  auto plan = DecodePayload(request.plan(), *plugin.plan, "plan");
  PluginCall call(tx, plugin, centres_, c, sdk::Today());
  assist::v1::PlanVersion version;
  auto step =
      RunStep(call, c, {sdk::Step::kPlan, std::move(plan), "plan"}, [&](const Message* payload) {
        c.set_plan_version(c.plan_version() + 1);
        StoreDocument(tx, who, c.id(), DocumentKind::kPlan, c.plan_version(), *payload);
        FillPayload(*payload, *version.mutable_plan());
      });
  version.set_case_id(c.id());
  version.set_version(c.plan_version());
  version.set_submitted_by(who.actor_id);
  version.set_submitted_at(NowTimestamp());
  AddWarnings(std::move(step.warnings), *version.mutable_warnings());
  DescribeApproval(tx, &plugin, c, version);
  SaveStep(tx, who, c, "SubmitPlan", "plan version " + std::to_string(c.plan_version()));
  return version;
}

assist::v1::PlanVersion CaseWorkflow::ApprovePlan(
    Transaction& tx, const Identity& who, const assist::v1::ApprovePlanRequest& request) const {
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  assist::v1::PlanVersion decided = DecidePlan(tx, who, PluginOf(c), c, request);
  // No plugin call: the decision is the head's, on a plan the plugin accepted when submitted.
  SaveStep(tx, who, c, "ApprovePlan",
           "plan version " + std::to_string(decided.version()) + " " +
               assist::v1::PlanApprovalState_Name(decided.approval().state()));
  return decided;
}

assist::v1::Contact CaseWorkflow::RecordContact(
    Transaction& tx, const Identity& who, const assist::v1::RecordContactRequest& request) const {
  sdk::Violations v;
  sdk::Date contact_on = EffectiveDate(v, request.contact_on(), "contact_on", sdk::Today());
  v.Require(request.kind() != assist::v1::CONTACT_KIND_UNSPECIFIED &&
                assist::v1::ContactKind_IsValid(request.kind()),
            "kind", "is required", "jest wymagany");
  v.Require(request.duration_minutes() >= 0 && request.duration_minutes() <= 24 * 60,
            "duration_minutes", "must be between 0 and 1440", "musi mieścić się między 0 a 1440");
  sdk::LimitText(v, request.place(), "place", kMaxPlaceBytes);
  sdk::LimitText(v, request.notes(), "notes", kMaxContactNotesBytes);
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  sdk::NotBefore(v, contact_on, sdk::ParseDate(c.referred_on()), kSameDayOk, "contact_on",
                 "the referral", "skierowanie");
  ThrowIfAny(v);
  // Contacts go on while the case is open, and while the family is monitored after closure.
  const CaseConsent consent = LoadCaseConsent(tx, c, sdk::Today());
  const LoadedPlugin& plugin = PluginOf(c);
  const bool monitored = c.status() == assist::v1::CASE_STATUS_MONITORING &&
                         (ConsentInPlace(c, consent) || WorkOrdered(tx, plugin, c));
  if (!monitored) RequireWorkAllowed(tx, plugin, c, consent);
  StepPayload details{sdk::Step::kContact, nullptr, "details"};
  if (!IsEmpty(request.details())) {
    if (plugin.contact == nullptr) {
      ThrowInvalid("details", "assistance type " + c.type_id() + " takes no contact details",
                   "rodzaj asysty " + c.type_id() + " nie przyjmuje szczegółów kontaktu");
    }
    details.message = DecodePayload(request.details(), *plugin.contact, "details");
  }
  PluginCall call(tx, plugin, centres_, c, contact_on);
  assist::v1::Contact contact;
  contact.set_case_id(c.id());
  contact.set_contact_on(sdk::FormatDate(contact_on));
  contact.set_kind(request.kind());
  contact.set_duration_minutes(request.duration_minutes());
  contact.set_place(request.place());
  contact.set_notes(request.notes());
  contact.set_recorded_by(who.actor_id);
  contact.set_recorded_at(NowTimestamp());
  auto step = RunStep(call, c, std::move(details), [&](const Message* payload) {
    contact.set_id(InsertContact(tx, contact, payload));
    if (payload != nullptr) FillPayload(*payload, *contact.mutable_details());
  });
  AddWarnings(std::move(step.warnings), *contact.mutable_warnings());
  SaveStep(tx, who, c, "RecordContact", "contact " + std::to_string(contact.id()));
  return contact;
}

assist::v1::Review CaseWorkflow::RecordReview(
    Transaction& tx, const Identity& who, const assist::v1::RecordReviewRequest& request) const {
  sdk::Violations v;
  sdk::Date reviewed_on = EffectiveDate(v, request.reviewed_on(), "reviewed_on", sdk::Today());
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  sdk::NotBefore(v, reviewed_on, sdk::ParseDate(c.work_started_on()), kSameDayOk, "reviewed_on",
                 "the start of work", "rozpoczęcie pracy");
  sdk::NotBefore(v, reviewed_on, sdk::ParseDate(c.last_review_on()), kSameDayOk, "reviewed_on",
                 "the previous review", "poprzednia ocena");
  ThrowIfAny(v);
  const LoadedPlugin& plugin = PluginOf(c);
  RequireWorkAllowed(tx, plugin, c, LoadCaseConsent(tx, c, sdk::Today()));
  RequirePlan(c);
  RequirePlanInForce(tx, plugin, c);  // a review assesses the plan the work follows
  auto review = DecodePayload(request.review(), *plugin.review, "review");
  c.set_last_review_on(sdk::FormatDate(reviewed_on));
  PluginCall call(tx, plugin, centres_, c, reviewed_on);
  assist::v1::Review out;
  out.set_case_id(c.id());
  out.set_reviewed_on(c.last_review_on());
  out.set_recorded_by(who.actor_id);
  out.set_recorded_at(NowTimestamp());
  auto step = RunStep(call, c, {sdk::Step::kReview, std::move(review), "review"},
                      [&](const Message* payload) {
                        // The row keeps the date this review sets. A review is not adopted and
                        // the case already carries its date, so this is the date RunStep ends with.
                        out.set_next_review_due(call.NextReviewDue());
                        out.set_id(InsertReview(tx, out, *payload));
                        FillPayload(*payload, *out.mutable_review());
                      });
  AddWarnings(std::move(step.warnings), *out.mutable_warnings());
  SaveStep(tx, who, c, "RecordReview", "review " + std::to_string(out.id()));
  return out;
}

Case CaseWorkflow::CloseCase(Transaction& tx, const Identity& who,
                             const assist::v1::CloseCaseRequest& request) const {
  sdk::Violations v;
  v.Require(request.reason() != assist::v1::CLOSURE_REASON_UNSPECIFIED &&
                assist::v1::ClosureReason_IsValid(request.reason()),
            "reason", "is required", "jest wymagany");
  sdk::Date closed_on = EffectiveDate(v, request.closed_on(), "closed_on", sdk::Today());
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  sdk::NotBefore(v, closed_on, sdk::ParseDate(c.referred_on()), kSameDayOk, "closed_on",
                 "the referral", "skierowanie");
  // Once there was an intake, the work has a result that must be recorded.
  bool outcome_required = c.intake_version() > 0;
  v.Require(!outcome_required || !IsEmpty(request.outcome()), "outcome",
            "is required once an intake was submitted", "jest wymagany po złożeniu diagnozy");
  ThrowIfAny(v);
  RequireOpen(c);
  const LoadedPlugin& plugin = PluginOf(c);
  c.set_status(assist::v1::CASE_STATUS_CLOSED);
  c.set_closed_on(sdk::FormatDate(closed_on));
  c.set_closure_reason(request.reason());
  StepPayload outcome{sdk::Step::kOutcome, nullptr, "outcome"};
  if (!IsEmpty(request.outcome())) {
    outcome.message = DecodePayload(request.outcome(), *plugin.outcome, "outcome");
    RequireMatchingClosureReason(plugin, request.reason(), *outcome.message);
  }
  PluginCall call(tx, plugin, centres_, c, closed_on);
  auto step = RunStep(call, c, std::move(outcome), [&](const Message* payload) {
    if (payload != nullptr) StoreDocument(tx, who, c.id(), DocumentKind::kOutcome, 1, *payload);
  });
  return SaveStepAndReload(tx, who, c, "CloseCase",
                           "closed: " + assist::v1::ClosureReason_Name(request.reason()),
                           std::move(step.warnings));
}

Case CaseWorkflow::StartMonitoring(Transaction& tx, const Identity& who,
                                   const assist::v1::StartMonitoringRequest& request) const {
  sdk::Violations v;
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  if (c.status() != assist::v1::CASE_STATUS_CLOSED) {
    ThrowPrecondition("CASE_NOT_CLOSED", "cases/" + std::to_string(c.id()),
                      "monitoring starts after the case is closed (CloseCase)");
  }
  std::optional<sdk::Date> until;
  const auto closed = sdk::ParseDate(c.closed_on());
  const std::optional<int> recommended = request.until().empty() && closed
                                             ? RecommendedMonitoringMonths(tx, PluginOf(c), c.id())
                                             : std::nullopt;
  if (recommended) {
    until = sdk::AddMonths(*closed, *recommended);  // the period the outcome recommends
  } else {
    until = v.RequireDate(request.until(), "until");
  }
  if (until) {
    v.Require(!closed || *until > *closed, "until",
              "must be after the closure date " + c.closed_on(),
              "musi być późniejsza niż data zamknięcia " + c.closed_on());
  }
  ThrowIfAny(v);
  c.set_status(assist::v1::CASE_STATUS_MONITORING);
  c.set_monitoring_until(sdk::FormatDate(*until));
  // No step for the plugin: monitoring has no payload and no review is due after closure.
  return SaveStepAndReload(
      tx, who, c, "StartMonitoring",
      "monitoring until " + c.monitoring_until() +
          (recommended ? " (" + std::to_string(*recommended) + " months recommended by the outcome)"
                       : ""));
}

Case CaseWorkflow::EndMonitoring(Transaction& tx, const Identity& who,
                                 const assist::v1::EndMonitoringRequest& request) const {
  Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  if (c.status() != assist::v1::CASE_STATUS_MONITORING) {
    ThrowPrecondition("CASE_NOT_MONITORED", "cases/" + std::to_string(c.id()),
                      CaseRef(c) + " is not being monitored (StartMonitoring)");
  }
  c.set_status(assist::v1::CASE_STATUS_MONITORING_ENDED);
  return SaveStepAndReload(tx, who, c, "EndMonitoring", "monitoring ended");
}

std::vector<long long> CaseWorkflow::EndLapsedMonitoring(Transaction& tx, const Identity& host,
                                                         const sdk::Date& today,
                                                         std::size_t limit) const {
  std::vector<long long> ended;
  for (long long id : LapsedMonitoringCaseIds(tx, host.centre_id, sdk::FormatDate(today), limit)) {
    Case c = LoadVisibleCaseForUpdate(tx, host, id);
    // Ended by a caller between the look-up and the lock.
    if (c.status() != assist::v1::CASE_STATUS_MONITORING) continue;
    c.set_status(assist::v1::CASE_STATUS_MONITORING_ENDED);
    SaveStep(tx, host, c, "EndMonitoring",
             "monitoring ended on its own: its last day " + c.monitoring_until() + " passed");
    ended.push_back(id);
  }
  return ended;
}

assist::v1::ApplyRetentionResponse CaseWorkflow::ApplyRetention(
    Transaction& tx, const Identity& who, const assist::v1::ApplyRetentionRequest& request,
    const RetentionBatch& batch) const {
  sdk::Violations v;
  sdk::Date as_of = EffectiveDate(v, request.as_of(), "as_of", sdk::Today());
  ThrowIfAny(v);
  assist::v1::ApplyRetentionResponse response;
  response.set_retention_years(retention_years_);
  for (long long id : AnonymiseExpiredCases(tx, who, as_of, retention_years_, batch)) {
    response.add_anonymised_case_ids(id);
  }
  return response;
}

}  // namespace assist::host
