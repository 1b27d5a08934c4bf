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

// Rows of `sql` (one bound case id) as a list of objects with the given text columns.
Value Rows(Transaction& tx, const std::string& sql, long long case_id,
           const std::vector<const char*>& columns, const char* json_column = nullptr) {
  Value list;
  list.mutable_list_value();
  std::vector<std::string> values(columns.size());
  soci::statement st(tx.sql());
  st.alloc();
  for (auto& v : values) st.exchange(soci::into(v));
  st.exchange(soci::use(case_id));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
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

std::vector<long long> CasesOfPerson(Transaction& tx, const std::string& centre, long long person) {
  std::vector<long long> ids;
  long long id = 0;
  // Two look-ups by subject (the person's own cases; their families' cases, from the person's
  // memberships: CROSS JOIN keeps SQLite from starting at the centre's cases) instead of one OR,
  // which SQLite answers by walking the whole centre.
  soci::statement st =
      (tx.sql().prepare << "SELECT id FROM cases WHERE person_id = :p AND centre_id = :c UNION "
                           "SELECT k.id FROM family_members m CROSS JOIN cases k WHERE "
                           "m.person_id = :p2 AND k.family_id = m.family_id AND k.centre_id = :c2 "
                           "ORDER BY id",
       soci::use(person), soci::use(centre), soci::use(person), soci::use(centre), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

// A case due for retention and its subject (exactly one of the two is set).
struct DueCase {
  long long id = 0;
  std::optional<long long> person_id;
  std::optional<long long> family_id;
};

// The retention period runs from the later of closure and the end of monitoring. `limit` > 0:
// at most that many, in the order of the index (core migration 5) rather than by id, so that a
// batch reads only its own rows instead of sorting everything due.
std::vector<DueCase> DueCases(soci::session& sql, const std::string& centre,
                              const std::string& cutoff, std::size_t limit) {
  int closed = assist::v1::CASE_STATUS_CLOSED, ended = assist::v1::CASE_STATUS_MONITORING_ENDED;
  long long max_rows = static_cast<long long>(limit);
  std::string query =
      "SELECT id, person_id, family_id FROM cases WHERE centre_id = :c AND anonymised_at = '' AND "
      "status IN (:closed, :ended) AND closed_on <> '' AND closed_on < :cut AND "
      "monitoring_until < :cut2";
  query += limit > 0 ? " LIMIT :n" : " ORDER BY id";
  DueCase row;
  long long person = 0, family = 0;
  soci::indicator person_ind = soci::i_ok, family_ind = soci::i_ok;
  soci::statement st(sql);
  st.alloc();
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(person, person_ind));
  st.exchange(soci::into(family, family_ind));
  st.exchange(soci::use(centre));
  st.exchange(soci::use(closed));
  st.exchange(soci::use(ended));
  st.exchange(soci::use(cutoff));
  st.exchange(soci::use(cutoff));
  if (limit > 0) st.exchange(soci::use(max_rows));
  st.prepare(query);
  st.define_and_bind();
  st.execute();
  std::vector<DueCase> due;
  while (st.fetch()) {
    row.person_id = Nullable(person, person_ind);
    row.family_id = Nullable(family, family_ind);
    due.push_back(row);
  }
  return due;
}

}  // namespace

assist::v1::PersonDataExport ExportPersonData(Transaction& tx, const Identity& who,
                                              long long person_id) {
  Value root;
  Field(root, "person") = AsValue(LoadPerson(tx.sql(), who.centre_id, person_id));
  Value& families = Field(root, "families");
  families.mutable_list_value();
  long long family_id = 0;
  std::vector<long long> family_ids;
  soci::statement st =
      (tx.sql().prepare << "SELECT family_id FROM family_members WHERE person_id = :p",
       soci::use(person_id), soci::into(family_id));
  st.execute();
  while (st.fetch()) family_ids.push_back(family_id);
  for (long long id : family_ids) {
    *families.mutable_list_value()->add_values() = AsValue(LoadFamily(tx.sql(), who.centre_id, id));
  }
  Value& cases = Field(root, "cases");
  cases.mutable_list_value();
  for (long long case_id : CasesOfPerson(tx, who.centre_id, person_id)) {
    Value entry;
    Field(entry, "case") = AsValue(*FindCase(tx, who.centre_id, case_id));
    Field(entry, "documents") = Rows(
        tx,
        "SELECT kind, CAST(version AS TEXT), type_name, payload_json, submitted_by, submitted_at "
        "FROM case_documents WHERE case_id = :c ORDER BY kind, version",
        case_id, {"kind", "version", "type", "payload", "submitted_by", "submitted_at"}, "payload");
    Field(entry, "consent_decisions") =
        Rows(tx,
             "SELECT CAST(decision AS TEXT), decided_on, note, recorded_by, recorded_at FROM "
             "consent_decisions WHERE case_id = :c ORDER BY id",
             case_id, {"decision", "decided_on", "note", "recorded_by", "recorded_at"});
    Field(entry, "contacts") =
        Rows(tx,
             "SELECT contact_on, CAST(kind AS TEXT), CAST(duration_minutes AS TEXT), place, notes, "
             "details_json, recorded_by FROM contacts WHERE case_id = :c ORDER BY id",
             case_id,
             {"contact_on", "kind", "duration_minutes", "place", "notes", "details", "recorded_by"},
             "details");
    Field(entry, "reviews") =
        Rows(tx,
             "SELECT reviewed_on, review_json, next_review_due, recorded_by FROM reviews "
             "WHERE case_id = :c ORDER BY id",
             case_id, {"reviewed_on", "review", "next_review_due", "recorded_by"}, "review");
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
  soci::session& sql = tx.sql();
  std::vector<DueCase> due = DueCases(sql, who.centre_id, cutoff, batch.max_cases);

  const std::string now = NowTimestamp();
  const std::string detail = "anonymised: closed before " + cutoff + " (" +
                             std::to_string(retention_years) + " years retention)";
  long long case_id = 0;
  // The case first: its row is the claim. On PostgreSQL another transaction may have selected
  // the same case (an ApplyRetention call during the sweep, or a second host's sweep after this
  // one's advisory lock went with its connection); whichever updates the row second finds it
  // taken and skips the case, so each case is anonymised and audited once.
  soci::statement claim =
      (sql.prepare << "UPDATE cases SET referral_reason = '', anonymised_at = :t "
                      "WHERE id = :c AND anonymised_at = ''",
       soci::use(now), soci::use(case_id));
  soci::statement documents = (sql.prepare << "UPDATE case_documents SET payload_json = '{}' "
                                              "WHERE case_id = :c AND kind <> 'outcome'",
                               soci::use(case_id));
  soci::statement contacts = (sql.prepare << "UPDATE contacts SET place = '', notes = '', "
                                             "details_json = '{}' WHERE case_id = :c",
                              soci::use(case_id));
  soci::statement reviews =
      (sql.prepare << "UPDATE reviews SET review_json = '{}' WHERE case_id = :c",
       soci::use(case_id));
  soci::statement consent =
      (sql.prepare << "UPDATE consent_decisions SET note = '' WHERE case_id = :c",
       soci::use(case_id));
  std::set<long long> people, families;
  for (const DueCase& c : due) {
    if (batch.time_budget.count() > 0 && !done.empty() &&
        std::chrono::steady_clock::now() - started >= batch.time_budget) {
      break;  // the rest is the next batch's
    }
    case_id = c.id;
    claim.execute(true);
    if (claim.get_affected_rows() == 0) continue;
    documents.execute(true);
    contacts.execute(true);
    reviews.execute(true);
    consent.execute(true);
    AppendAudit(tx, who, "ApplyRetention", case_id, AuditAction::kWrite, detail);
    done.push_back(case_id);
    if (c.person_id) people.insert(*c.person_id);
    if (c.family_id) families.insert(*c.family_id);
  }

  // People and families keep their names only while some case of theirs is still kept. Only the
  // subjects of the cases anonymised here can have lost their last kept case: the person of a
  // person's case, the family of a family's case and that family's members. A person's cases are
  // their own and those of every family they belong to.
  long long family_id = 0, member = 0;
  soci::statement members =
      (sql.prepare << "SELECT person_id FROM family_members WHERE family_id = :f",
       soci::use(family_id), soci::into(member));
  for (long long id : families) {
    family_id = id;
    members.execute();
    while (members.fetch()) people.insert(member);
  }
  long long person_id = 0;
  soci::statement forget_person =
      (sql.prepare << "UPDATE people SET given_name = 'anonymised', family_name = 'anonymised', "
                      "pesel = NULL, case_file_ref = '', birth_date = SUBSTR(birth_date, 1, 4) || "
                      "'-01-01' WHERE id = :p AND "
                      "centre_id = :c AND given_name <> 'anonymised' AND NOT EXISTS (SELECT 1 FROM "
                      "cases k WHERE k.person_id = :p2 AND k.anonymised_at = '') AND NOT EXISTS "
                      "(SELECT 1 FROM family_members m JOIN cases k ON k.family_id = m.family_id "
                      "WHERE m.person_id = :p3 AND k.anonymised_at = '')",
       soci::use(person_id), soci::use(who.centre_id), soci::use(person_id), soci::use(person_id));
  for (long long id : people) {
    person_id = id;
    forget_person.execute(true);
  }
  soci::statement forget_family =
      (sql.prepare
           << "UPDATE families SET name = 'anonymised' WHERE id = :f AND centre_id = :c AND "
              "name <> 'anonymised' AND NOT EXISTS (SELECT 1 FROM cases k WHERE "
              "k.family_id = :f2 AND k.anonymised_at = '')",
       soci::use(family_id), soci::use(who.centre_id), soci::use(family_id));
  for (long long id : families) {
    family_id = id;
    forget_family.execute(true);
  }
  std::sort(done.begin(), done.end());
  return done;
}

}  // namespace assist::host
