#include "commands/case_view.hpp"

namespace assistctl {
namespace {

using assist::v1::Case;

std::string Or(const std::string& value, const char* otherwise) {
  return value.empty() ? otherwise : value;
}

std::string Number(int value) { return value == 0 ? "" : std::to_string(value); }

// A payload's JSON indented under its heading; nothing when the case has none yet.
void PrintPayload(std::ostream& out, const std::string& heading,
                  const assist::v1::Payload& payload) {
  if (payload.json().empty()) return;
  out << "\n" << heading << " (" << payload.type() << "):\n";
  const std::string text = PrettyJson(payload.json());
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    out << "  " << text.substr(start, end - start) << "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
}

}  // namespace

std::string SubjectWords(const Case& c) {
  if (c.has_family_id()) return "family " + std::to_string(c.family_id());
  return "person " + std::to_string(c.person_id());
}

Table CaseTable() {
  return Table({"ID", "TYPE", "SUBJECT", "STATUS", "CONSENT", "ASSISTANT", "NEXT REVIEW"});
}

void AddCaseRow(Table& table, const Case& c) {
  table.Add({std::to_string(c.id()), c.type_id(), SubjectWords(c),
             EnumWords(assist::v1::CaseStatus_Name(c.status()), "CASE_STATUS_"),
             EnumWords(assist::v1::ConsentState_Name(c.consent()), "CONSENT_STATE_"),
             Or(c.assistant_id(), "-"), Or(c.next_review_due(), "-")});
}

void PrintCaseDetail(std::ostream& out, const assist::v1::CaseDetail& detail) {
  const Case& c = detail.case_();
  PrintFields(out,
              {{"case", std::to_string(c.id())},
               {"centre", c.centre_id()},
               {"type", c.type_id()},
               {"subject", SubjectWords(c)},
               {"status", EnumWords(assist::v1::CaseStatus_Name(c.status()), "CASE_STATUS_")},
               {"referred", c.referred_on() + " by " + c.referred_by()},
               {"referral reason", c.referral_reason()},
               {"assistant",
                c.assistant_id().empty() ? "" : c.assistant_id() + " since " + c.assigned_on()},
               {"consent", EnumWords(assist::v1::ConsentState_Name(c.consent()), "CONSENT_STATE_") +
                               (c.consent_on().empty() ? "" : " on " + c.consent_on())},
               {"work started", c.work_started_on()},
               {"intake version", Number(c.intake_version())},
               {"plan version", Number(c.plan_version())},
               {"plan in force", Number(detail.plan_in_force_version())},
               {"last review", c.last_review_on()},
               {"next review due", c.next_review_due()},
               {"closed", c.closed_on().empty()
                              ? ""
                              : c.closed_on() + " (" +
                                    EnumWords(assist::v1::ClosureReason_Name(c.closure_reason()),
                                              "CLOSURE_REASON_") +
                                    ")"},
               {"monitoring until", c.monitoring_until()},
               {"created", c.created_at()},
               {"updated", c.updated_at()}});
  if (detail.assignments_size() > 0) out << "\nassignments:\n";
  for (const auto& a : detail.assignments()) {
    out << "  " << EnumWords(assist::v1::AssignmentRole_Name(a.role()), "ASSIGNMENT_ROLE_") << " "
        << a.assistant_id() << (a.full_name().empty() ? "" : " (" + a.full_name() + ")") << " from "
        << a.from_on() << (a.to_on().empty() ? " (current)" : " to " + a.to_on()) << "\n";
  }
  for (const auto& warning : c.warnings()) {
    out << "warning " << warning.code() << ": " << warning.message_en() << "\n";
  }
  for (const auto& person : detail.consents()) {
    out << "consent of " << person.given_name() << " " << person.family_name() << " (person "
        << person.person_id() << (person.required() ? "" : ", not needed")
        << "): " << EnumWords(assist::v1::ConsentState_Name(person.state()), "CONSENT_STATE_");
    if (!person.decided_on().empty()) out << " on " << person.decided_on();
    if (person.given_by() != assist::v1::CONSENT_GIVER_UNSPECIFIED) {
      out << " by "
          << EnumWords(assist::v1::ConsentGiver_Name(person.given_by()), "CONSENT_GIVER_");
      if (!person.given_by_name().empty()) out << " " << person.given_by_name();
    }
    out << "\n";
  }
  PrintPayload(out, "intake", detail.intake());
  PrintPayload(out, "plan version " + std::to_string(detail.plan().version()),
               detail.plan().plan());
  PrintPayload(out, "outcome", detail.outcome());
}

}  // namespace assistctl
