#include "domain/data_rights.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "audit/audit_log.hpp"
#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "store/outreach_repository.hpp"
#include "store/person_data_repository.hpp"
#include "store/plan_decision_repository.hpp"
#include "store/transfer_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

namespace pb = google::protobuf;
using pb::Value;

// Stored JSON (or a message printed as JSON) as a Value, so the export is one JSON document.
Value ParsedJson(const std::string& json) {
  Value value;
  if (!pb::util::JsonStringToMessage(json, &value).ok()) value.set_string_value(json);
  return value;
}

Value AsValue(const pb::Message& message) {
  std::string json;
  pb::util::JsonPrintOptions options;
  options.preserve_proto_field_names = true;
  (void)pb::util::MessageToJsonString(message, &json, options);
  return ParsedJson(json);
}

Value& Field(Value& object, const char* name) {
  return (*object.mutable_struct_value()->mutable_fields())[name];
}

// Rows as a list of objects with the given columns; `json_column` holds stored JSON.
Value Rows(const TextRows& rows, const std::vector<const char*>& columns,
           const char* json_column = nullptr) {
  Value list;
  list.mutable_list_value();
  for (const auto& values : rows) {
    Value row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (json_column != nullptr && std::string(columns[i]) == json_column) {
        Field(row, columns[i]) = ParsedJson(values[i].empty() ? "{}" : values[i]);
      } else {
        Field(row, columns[i]).set_string_value(values[i]);
      }
    }
    *list.mutable_list_value()->add_values() = std::move(row);
  }
  return list;
}

// The head's decisions on the case's plan versions, as the export's text rows.
TextRows PlanDecisionRows(Transaction& tx, long long case_id) {
  TextRows rows;
  for (const StoredPlanDecision& d : ListPlanDecisions(tx, case_id)) {
    const char* decision = d.decision == PlanDecisionKind::kApproved   ? "approved"
                           : d.decision == PlanDecisionKind::kRejected ? "rejected"
                                                                       : "predates_approval";
    rows.push_back({std::to_string(d.plan_version), decision, d.reason, d.decided_on, d.decided_by,
                    d.decided_at});
  }
  return rows;
}

}  // namespace

assist::v1::PersonDataExport ExportPersonData(Transaction& tx, const Identity& who,
                                              long long person_id) {
  Value root;
  // With their history: the names and PESEL a person had before a correction, and who joined and
  // left a family, are data about them too (GDPR art. 15).
  assist::v1::Person person = LoadPerson(tx, who.centre_id, person_id);
  AddPersonHistory(tx, person);
  Field(root, "person") = AsValue(person);
  Value& families = Field(root, "families");
  families.mutable_list_value();
  for (long long id : FamilyIdsOfPerson(tx, person_id)) {
    assist::v1::Family family = LoadFamily(tx, who.centre_id, id);
    AddFamilyHistory(tx, family);
    *families.mutable_list_value()->add_values() = AsValue(family);
  }
  Value& cases = Field(root, "cases");
  cases.mutable_list_value();
  for (long long case_id : CaseIdsOfPerson(tx, who.centre_id, person_id)) {
    Value entry;
    Field(entry, "case") = AsValue(*FindCase(tx, who.centre_id, case_id));
    Field(entry, "documents") =
        Rows(ExportCaseDocuments(tx, case_id),
             {"kind", "version", "type", "payload", "submitted_by", "submitted_at"}, "payload");
    Field(entry, "consent_decisions") = Rows(ExportConsentDecisions(tx, case_id),
                                             {"person_id", "decision", "given_by", "given_by_name",
                                              "decided_on", "note", "recorded_by", "recorded_at"});
    Field(entry, "contacts") =
        Rows(ExportContacts(tx, case_id),
             {"contact_on", "kind", "duration_minutes", "place", "notes", "details", "recorded_by"},
             "details");
    Field(entry, "reviews") =
        Rows(ExportReviews(tx, case_id),
             {"reviewed_on", "review", "next_review_due", "recorded_by"}, "review");
    Value& outreach = Field(entry, "outreach_contacts");
    outreach.mutable_list_value();
    for (const auto& contact : OutreachContactsOfCase(tx, case_id)) {
      *outreach.mutable_list_value()->add_values() = AsValue(contact);
    }
    Field(entry, "plan_decisions") =
        Rows(PlanDecisionRows(tx, case_id),
             {"plan_version", "decision", "reason", "decided_on", "decided_by", "decided_at"});
    *cases.mutable_list_value()->add_values() = std::move(entry);
    AppendAudit(tx, who, "ExportPersonData", case_id, AuditAction::kRead,
                "export for person " + std::to_string(person_id));
  }
  AppendAudit(tx, who, "ExportPersonData", 0, AuditAction::kRead,
              "export for person " + std::to_string(person_id));
  assist::v1::PersonDataExport out;
  out.set_person_id(person_id);
  pb::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = true;
  (void)pb::util::MessageToJsonString(root, out.mutable_json(), options);
  out.set_generated_at(NowTimestamp());
  return out;
}

std::vector<long long> AnonymiseExpiredCases(Transaction& tx, const Identity& who,
                                             const sdk::Date& as_of, int retention_years,
                                             const RetentionBatch& batch) {
  std::vector<long long> done;
  if (retention_years <= 0) return done;
  const auto started = std::chrono::steady_clock::now();
  const std::string cutoff = sdk::FormatDate(sdk::AddMonths(as_of, -12 * retention_years));
  std::vector<DueCase> due = DueCases(tx, who.centre_id, cutoff, batch.max_cases);

  const std::string now = NowTimestamp();
  const std::string detail = "anonymised: closed before " + cutoff + " (" +
                             std::to_string(retention_years) + " years retention)";
  CaseAnonymiser anonymiser(tx, now);
  std::set<long long> people, families;
  for (const DueCase& c : due) {
    if (batch.time_budget.count() > 0 && !done.empty() &&
        std::chrono::steady_clock::now() - started >= batch.time_budget) {
      break;  // the rest is the next batch's
    }
    // The case's row is the claim: a case another transaction anonymised first is skipped, so
    // each case is anonymised and audited once.
    if (!anonymiser.Anonymise(c.id)) continue;
    AnonymisePlanDecisions(tx, c.id);  // a rejection's reason is free text like the plan's
    AnonymiseTransferTexts(tx, c.id);  // so are a transfer's reasons
    AppendAudit(tx, who, "ApplyRetention", c.id, AuditAction::kWrite, detail);
    done.push_back(c.id);
    if (c.person_id) people.insert(*c.person_id);
    if (c.family_id) families.insert(*c.family_id);
  }

  // People and families keep their names only while some case of theirs is still kept. Only the
  // subjects of the cases anonymised here can have lost their last kept case: the person of a
  // person's case, the family of a family's case and that family's members. A person's cases are
  // their own and those of every family they belong to.
  for (long long member : MembersOfFamilies(tx, families)) people.insert(member);
  ForgetPeopleWithoutKeptCases(tx, who.centre_id, people);
  ForgetFamiliesWithoutKeptCases(tx, who.centre_id, families);
  std::sort(done.begin(), done.end());
  return done;
}

}  // namespace assist::host
