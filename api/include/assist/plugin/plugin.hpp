#pragma once
// The interface every assistance-type plugin implements. The host loads the plugin once at
// start-up (after the version handshake), keeps it for the life of the process, and calls it from
// several threads at once: implementations must be thread-safe (plugins are normally stateless).
//
// A plugin must not throw out of these calls; if it does, the host logs it and answers INTERNAL.
#include <google/protobuf/message.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/date.hpp>
#include <assist/plugin/reporting.hpp>
#include <assist/plugin/status.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace assist::sdk {

// The steps of a case at which the host hands the plugin a payload of its own type.
enum class Step { kIntake, kPlan, kContact, kReview, kOutcome, kSettings };

// A document a plugin writes from a case record (e.g. the family court opinion).
struct DocumentKind {
  std::string id;  // [a-z_]+, e.g. "court_opinion"
  std::string title_pl;
  std::string title_en;
};

struct PluginInfo {
  // Each field has a default member initializer, so a designated initializer may leave any out
  // (-Wmissing-field-initializers). Since SDK 1.2; the layout is unchanged.
  std::string id{};  // stable type id, [a-z][a-z0-9_]*, e.g. "family"; one plugin per id
  std::string version{};
  std::string display_name_pl{};
  std::string display_name_en{};
  std::string description{};
  // Full protobuf names of the plugin's messages; the plugin must ship (link) them. Empty where
  // the type takes no payload at that step (contact details and settings are optional).
  std::string intake_type{};
  std::string plan_type{};
  std::string contact_type{};
  std::string review_type{};
  std::string outcome_type{};
  std::string settings_type{};
  std::string review_cadence{};  // in words, for people: "at least every 6 months"
  std::vector<DocumentKind> documents{};
  // Since SDK 1.3, appended so that the fields above keep their offsets: the most open cases of
  // this type one assistant may have at a time (the family type: 15, art. 15 ust. 4 of the
  // family-support act); 0 for no limit. A centre may set a lower one, never a higher one. The
  // host reads it only from plugins stamped 1.3 or later (older ones have no limit).
  int max_open_cases_per_assistant{0};
  // Since SDK 1.4, appended: the type's plans need the head of the centre's approval
  // (CaseService.ApprovePlan) before they are in force; until one is approved, steps that need a
  // plan in force (reviews) are refused with PLAN_NOT_APPROVED. The homelessness type: art. 49
  // ust. 2 of the social assistance act. The host reads it only from plugins stamped 1.4 or later.
  bool plan_requires_approval{false};
  // Since SDK 1.5, appended: the type's workers meet people on the street before any case exists
  // (CaseService.RecordOutreachContact: a pseudonym or description, the place, the needs met, no
  // consent), and link those contacts to a case once the person is identified and consents. The
  // homelessness type. The host reads it only from plugins stamped 1.5 or later.
  bool street_outreach{false};
  // Since SDK 1.6, appended: the code of one of the type's report flags (Reporting::flags) whose
  // presence in a case's current intake means the work was ordered, not agreed to: the family
  // type's "court_ordered" (k.r.o. art. 109 § 2 pkt 1: the family court obliges the parents to
  // work with a family assistant). Such a case's steps need no consent, and a withdrawal or a
  // refusal is recorded but does not stop the work (a family that will not cooperate is reported
  // to the court instead). Empty: every case of the type rests on consent. The host reads it only
  // from plugins stamped 1.6 or later, and refuses a plugin naming a flag it does not declare.
  std::string ordered_work_flag{};
};

enum class CaseState { kOpen, kClosed, kMonitoring, kMonitoringEnded };

// Whom the case was opened for (OpenCase's person_id or family_id). Since SDK 1.1.
enum class CaseSubject { kPerson, kFamily };

// What the host knows about the case when it calls the plugin. For a step being accepted, the
// dates already include it (e.g. last_review_on is the review being recorded).
struct CaseContext {
  std::int64_t case_id = 0;
  std::string centre_id;
  CaseState state = CaseState::kOpen;
  Date referred_on{};
  std::optional<Date> work_started_on;  // consent given and assistant assigned
  std::optional<Date> last_review_on;
  std::optional<Date> closed_on;
  Date step_date{};  // effective date of the step (contact day, review day, closure day ...);
                     // always set by the host (a valid date), for every call that takes a context
  int plan_version = 0;
  // The case's current intake and plan, if any. While an intake is being validated (and in its
  // OnAccepted), `intake` is still the PREVIOUS intake: nullptr for the case's first one. Likewise
  // `plan` while a plan is validated or accepted (nullptr for the first plan). NextReviewDue,
  // called after the step, sees the new one. For a type whose plans need approval
  // (PluginInfo::plan_requires_approval), `plan` and `plan_version` are the plan in force: the
  // latest version the head approved (nullptr and 0 before the first approval).
  const google::protobuf::Message* intake = nullptr;
  const google::protobuf::Message* plan = nullptr;
  const google::protobuf::Message* settings = nullptr;  // the centre's settings for the type
  // Since SDK 1.1. New fields go at the end: the host builds the context, and a plugin built
  // against an older minor version reads the fields it knows at unchanged offsets.
  CaseSubject subject = CaseSubject::kPerson;
};

// Everything recorded in a case, for RenderDocument. Pointers are valid during the call only.
struct CaseRecord {
  struct Contact {
    Date on{};
    std::string kind;  // e.g. "HOME_VISIT"
    int duration_minutes = 0;
    std::string notes;
    const google::protobuf::Message* details = nullptr;
  };
  struct Review {
    Date on{};
    const google::protobuf::Message* review = nullptr;
  };
  const CaseContext* context = nullptr;  // with the current intake and plan
  std::string subject;                   // who the case is about, e.g. "Rodzina Nowak: Anna, Jan"
  std::string referral_reason;
  std::string assistant_id;
  std::vector<Contact> contacts;  // oldest first
  std::vector<Review> reviews;    // oldest first
  const google::protobuf::Message* outcome = nullptr;
  // Since SDK 1.3, appended (the host builds the record): the assistant's full name from the
  // centre's staff register, or assistant_id when they are not registered.
  std::string assistant_name;
  // Since SDK 1.4, appended: the period the document covers when the caller named one
  // (RenderDocumentRequest.month: its first and last day); unset otherwise. The contacts and
  // reviews above are still the whole case: the plugin picks the ones in the period.
  std::optional<Date> period_from;
  std::optional<Date> period_to;
};

// One outcome indicator summed over the cases closed in a period (yearly statistics).
struct IndicatorSummary {
  std::string code;
  std::string label_pl;
  std::string label_en;
  int cases = 0;
  double mean_before = 0;
  double mean_after = 0;
  int improved = 0;
};

class Plugin {
 public:
  virtual ~Plugin() = default;

  virtual const PluginInfo& Info() const = 0;

  // Checks a payload of the step's type against the plugin's rules and the case. Returns every
  // violation at once (Status::Invalid), or OK, possibly with warnings.
  virtual Status Validate(Step step, const google::protobuf::Message& payload,
                          const CaseContext& context) const = 0;

  // The date the next periodic review is due, from the case as it is after the latest step;
  // nullopt when none is due (e.g. work not started, or case closed).
  virtual std::optional<Date> NextReviewDue(const CaseContext& context) const = 0;

  // The plugin's own schema, applied at start-up in order.
  virtual std::vector<Migration> Migrations() const { return {}; }

  // Called after the host accepted a step, inside the step's transaction: a failure rolls the
  // whole step back. Lets the plugin keep its own tables (e.g. hours delivered); the warnings of
  // an OK status are returned to the caller with the step's answer.
  virtual Status OnAccepted(Step /*step*/, const google::protobuf::Message& /*payload*/,
                            const CaseContext& /*context*/, DataSession& /*data*/) const {
    return Status::Ok();
  }

  // Writes one of the documents listed in PluginInfo::documents as plain UTF-8 text.
  virtual Status RenderDocument(const std::string& /*kind*/, const CaseRecord& /*record*/,
                                std::string& /*text*/) const {
    return Status::FailedPrecondition("this assistance type writes no documents");
  }

  // Yearly statistics: the plugin's outcome indicators summed over the outcomes given (entries
  // that are null or not the plugin's outcome type are skipped). Must not throw: there is no
  // status to fail with, so return what could be summarised (nothing, at worst).
  virtual std::vector<IndicatorSummary> SummarizeOutcomes(
      const std::vector<const google::protobuf::Message*>& /*outcomes*/) const {
    return {};
  }

  // Since SDK 1.3, and last in the class so that older plugins keep their layout: the host calls
  // it only for a plugin whose AbiStamp says 1.3 or later (reporting.hpp). Called once, at load.
  virtual Reporting ReportingRules() const { return {}; }

  // Since SDK 1.5, last in the class (asked only of plugins stamped 1.5 or later): the months the
  // case's outcome recommends monitoring the person's or family's functioning after the work
  // ended; nullopt or 0: none recommended. StartMonitoring without a last day monitors that long
  // from the closure, and the host ends the monitoring on its own once the last day has passed.
  virtual std::optional<int> RecommendedMonitoringMonths(
      const google::protobuf::Message& /*outcome*/) const {
    return std::nullopt;
  }
};

}  // namespace assist::sdk
