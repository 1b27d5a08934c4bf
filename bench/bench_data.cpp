#include "bench_data.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>

namespace assist::bench {

const std::vector<std::string>& ScaleTypes() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> found;
    std::istringstream list(ASSIST_PLUGIN_TYPES);
    for (std::string type; list >> type;) found.push_back(type);
    return found;
  }();
  return types;
}

void RunWithMarks(soci::session& sql, std::string text,
                  const std::vector<std::pair<std::string, std::string>>& marks) {
  for (const auto& [mark, value] : marks) {
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at)) {
      text.replace(at, mark.size(), value);
    }
  }
  sql << text;
}

long long Count(soci::session& sql, const std::string& query) {
  long long n = 0;
  sql << query, soci::into(n);
  return n;
}

void PrintPlan(soci::session& sql, const std::string& query) {
  // Rows of (id, parent, notused, detail).
  soci::rowset<soci::row> rows = (sql.prepare << "EXPLAIN QUERY PLAN " + query);
  for (const soci::row& row : rows) std::printf("  plan: %s\n", row.get<std::string>(3).c_str());
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return values[i];
}

namespace {

// Each case's assistant as its primary assignment (core migration 13), as the migration makes it
// of the cases of an older database, with the assistants in their centres' registers.
void AssignFromCases(soci::session& sql) {
  sql << "INSERT INTO staff_members (centre_id, login, full_name, staff_function, "
         "employment_form, working_time_permille, qualifications, active, created_at, "
         "updated_at) SELECT DISTINCT centre_id, assistant_id, assistant_id, 1, 1, 1000, '', 1, "
         "'2009-01-01T00:00:00Z', '2009-01-01T00:00:00Z' FROM cases WHERE assistant_id <> ''";
  sql << "INSERT INTO case_assignments (case_id, centre_id, login, role, from_on, to_on, "
         "assigned_by, assigned_at, ended_by, ended_at) SELECT id, centre_id, assistant_id, 1, "
         "assigned_on, '', 'bench', created_at, '', '' FROM cases WHERE assistant_id <> ''";
}

}  // namespace

void GenerateRetentionData(soci::session& sql, long long n, int due_percent) {
  // {S}: the series k = 1..N; {DUE}: whether case k is due.
  auto run = [&](const std::string& text) {
    RunWithMarks(
        sql, text,
        {{"{S}", "WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s WHERE k < {N}) "},
         {"{DUE}", "((k * 7919) % 100 < " + std::to_string(due_percent) + ")"},
         {"{N}", std::to_string(n)},
         {"{CASES}", "(SELECT id AS k, status FROM cases)"}});
  };
  run("BEGIN IMMEDIATE");
  run("INSERT INTO centres (id, name, municipality, created_at) VALUES ('bench', 'Bench', 'x', "
      "'2009-01-01T00:00:00Z')");
  run("{S}INSERT INTO people (id, centre_id, given_name, family_name, birth_date, created_at) "
      "SELECT k, 'bench', 'Given' || k, 'Family', '1980-05-17', '2009-01-01T00:00:00Z' FROM s");
  run("{S}INSERT INTO families (id, centre_id, name, created_at) SELECT k, 'bench', "
      "'Family' || k, '2009-01-01T00:00:00Z' FROM s WHERE k <= {N} / 5");
  run("{S}INSERT INTO people (id, centre_id, given_name, family_name, birth_date, created_at) "
      "SELECT {N} + k, 'bench', 'Member' || k, 'Family', '1985-02-03', '2009-01-01T00:00:00Z' "
      "FROM s WHERE k <= 3 * ({N} / 5)");
  run("{S}INSERT INTO family_members (family_id, person_id, relation) SELECT (k + 2) / 3, "
      "{N} + k, 1 FROM s WHERE k <= 3 * ({N} / 5)");
  // status: 1 open, 2 closed, 3 monitoring, 4 monitoring ended.
  run("{S}INSERT INTO cases (id, centre_id, type_id, person_id, family_id, status, referred_by, "
      "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
      "work_started_on, intake_version, plan_version, last_review_on, next_review_due, closed_on, "
      "closure_reason, monitoring_until, created_at, updated_at) SELECT k, 'bench', 'family', "
      "CASE WHEN k % 5 = 0 THEN NULL ELSE k END, CASE WHEN k % 5 = 0 THEN k / 5 ELSE NULL END, "
      "CASE WHEN {DUE} THEN (CASE WHEN k % 2 = 0 THEN 4 ELSE 2 END) "
      "ELSE (CASE k % 3 WHEN 0 THEN 2 WHEN 1 THEN 1 ELSE 3 END) END, "
      "'social worker', 'debts and an eviction order', '2010-01-10', 'asia', '2010-01-15', 1, "
      "'2010-01-20', '2010-01-20', 1, 1, '2010-04-20', '2010-07-20', "
      "CASE WHEN {DUE} THEN (CASE WHEN k % 2 = 0 THEN '2011-06-01' ELSE '2012-03-01' END) "
      "ELSE (CASE k % 3 WHEN 0 THEN '2025-06-01' WHEN 1 THEN '' ELSE '2025-01-15' END) END, "
      "CASE WHEN {DUE} OR k % 3 <> 1 THEN 1 ELSE 0 END, "
      "CASE WHEN {DUE} THEN (CASE WHEN k % 2 = 0 THEN '2012-06-01' ELSE '' END) "
      "ELSE (CASE k % 3 WHEN 2 THEN '2027-01-15' ELSE '' END) END, "
      "'2010-01-10T00:00:00Z', '2010-01-10T00:00:00Z' FROM s");
  run("{S}INSERT INTO cases (centre_id, type_id, person_id, family_id, status, referred_by, "
      "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
      "work_started_on, intake_version, plan_version, last_review_on, next_review_due, closed_on, "
      "closure_reason, monitoring_until, created_at, updated_at) SELECT 'bench', 'disability', k, "
      "NULL, 1, 'social worker', 'care', '2024-01-10', '', '', 0, '', '', 0, 0, '', '', '', 0, '', "
      "'2024-01-10T00:00:00Z', '2024-01-10T00:00:00Z' FROM s "
      "WHERE k % 5 <> 0 AND k % 10 = 1 AND {DUE}");
  for (const char* kind : {"intake", "plan"}) {
    run("INSERT INTO case_documents (case_id, kind, version, type_name, payload_json, "
        "submitted_by, submitted_at) SELECT k, '" +
        std::string(kind) +
        "', 1, 'google.protobuf.Struct', '{\"household\": \"two rooms, debts of 12000 PLN\", "
        "\"children\": 3}', 'asia', '2010-01-25T00:00:00Z' FROM {CASES}");
  }
  run("INSERT INTO case_documents (case_id, kind, version, type_name, payload_json, submitted_by, "
      "submitted_at) SELECT k, 'outcome', 1, 'google.protobuf.Struct', '{\"result\": \"ok\"}', "
      "'asia', '2011-01-25T00:00:00Z' FROM {CASES} WHERE status <> 1");
  for (int i = 0; i < 2; ++i) {
    run("INSERT INTO contacts (case_id, contact_on, kind, duration_minutes, place, notes, "
        "details_type, details_json, recorded_by, recorded_at) SELECT k, '2010-02-01', 1, 60, "
        "'home', 'talked about the budget and school', '', '{}', 'asia', '2010-02-01T00:00:00Z' "
        "FROM {CASES}");
  }
  run("INSERT INTO reviews (case_id, reviewed_on, review_type, review_json, next_review_due, "
      "recorded_by, recorded_at) SELECT k, '2010-04-20', 'google.protobuf.Struct', "
      "'{\"progress\": \"some\"}', '2010-07-20', 'asia', '2010-04-20T00:00:00Z' FROM {CASES}");
  run("INSERT INTO consent_decisions (case_id, decision, decided_on, note, recorded_by, "
      "recorded_at) SELECT k, 1, '2010-01-20', 'signed at the first visit', 'asia', "
      "'2010-01-20T00:00:00Z' FROM {CASES}");
  AssignFromCases(sql);
  run("COMMIT");
}

void GenerateScaleData(soci::session& sql, const ScaleShape& shape) {
  const std::vector<std::string>& types = ScaleTypes();
  if (types.empty()) throw std::runtime_error("the build has no assistance type (ASSIST_PLUGINS)");
  // The type of case k: the (k % n)th of the build's n types.
  std::string type_of_k = "CASE k % " + std::to_string(types.size());
  for (std::size_t i = 0; i < types.size(); ++i) {
    type_of_k += " WHEN " + std::to_string(i) + " THEN '" + types[i] + "'";
  }
  type_of_k += " END";
  // {S}: the series k = 1..N; {H(x)} a pseudo-random number for x; {CENTRE(x)} the centre of case
  // x (its person x and its family x / 5 live there too).
  auto centre_of = [&](const std::string& x) {
    return "(CASE WHEN ((" + x + ") * 2654435761) % 1000003 % 100 < 9 THEN 'c000' ELSE " +
           "printf('c%03d', 1 + (" + x + ") % " + std::to_string(std::max(1, shape.centres - 1)) +
           ") END)";
  };
  auto run = [&](const std::string& text) {
    RunWithMarks(
        sql, text,
        {{"{S}", "WITH RECURSIVE s(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM s WHERE k < {N}) "},
         {"{TYPE_K}", type_of_k},
         {"{CENTRE_K}", centre_of("k")},
         {"{CENTRE_MEMBER}", centre_of("5 * ((k + 2) / 3)")},
         {"{N}", std::to_string(shape.cases)},
         {"{C}", std::to_string(shape.centres)},
         {"{CASES}", "(SELECT id AS k, status, plan_version, referred_on FROM cases)"}});
  };
  run("BEGIN IMMEDIATE");
  run("{S}INSERT INTO centres (id, name, municipality, created_at) SELECT printf('c%03d', k - 1), "
      "'Centre ' || k, 'Gmina ' || k, '2009-01-01T00:00:00Z' FROM s WHERE k <= {C}");
  for (const std::string& type : types) {
    run(std::string("INSERT INTO centre_assistance_types (centre_id, type_id, enabled, "
                    "settings_type, settings_json, changed_at) SELECT id, '") +
        type + "', 1, '', '', '2009-01-01T00:00:00Z' FROM centres");
  }
  run("{S}INSERT INTO people (id, centre_id, given_name, family_name, birth_date, created_at) "
      "SELECT k, {CENTRE_K}, 'Given' || k, 'Family', '1980-05-17', '2009-01-01T00:00:00Z' FROM s "
      "WHERE k % 5 <> 0");
  run("{S}INSERT INTO families (id, centre_id, name, created_at) SELECT k / 5, {CENTRE_K}, "
      "'Family' || k, '2009-01-01T00:00:00Z' FROM s WHERE k % 5 = 0");
  run("{S}INSERT INTO people (id, centre_id, given_name, family_name, birth_date, created_at) "
      "SELECT {N} + k, {CENTRE_MEMBER}, 'Member' || k, 'Family', '1985-02-03', "
      "'2009-01-01T00:00:00Z' FROM s WHERE k <= 3 * ({N} / 5)");
  run("{S}INSERT INTO family_members (family_id, person_id, relation) SELECT (k + 2) / 3, "
      "{N} + k, 1 + k % 3 FROM s WHERE k <= 3 * ({N} / 5)");
  // status: 1 open (40 %), 2 closed (50 %), 3 monitoring (10 %).
  run("{S}INSERT INTO cases (id, centre_id, type_id, person_id, family_id, status, referred_by, "
      "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
      "work_started_on, intake_version, plan_version, last_review_on, next_review_due, closed_on, "
      "closure_reason, monitoring_until, created_at, updated_at) SELECT k, {CENTRE_K}, "
      "{TYPE_K}, "
      "CASE WHEN k % 5 = 0 THEN NULL ELSE k END, CASE WHEN k % 5 = 0 THEN k / 5 ELSE NULL END, "
      "st, 'social worker', 'debts and an eviction order', ref, 'asst' || (k % 37), ref, 1, ref, "
      "ref, 1, 1 + k % 2, '', "
      "CASE WHEN st = 1 THEN date(ref, '+' || (180 + k % 200) || ' days') ELSE '' END, "
      "CASE WHEN st = 1 THEN '' ELSE date(ref, '+' || (60 + k % 700) || ' days') END, "
      "CASE WHEN st = 1 THEN 0 ELSE 1 + k % 7 END, "
      "CASE WHEN st = 3 THEN date(ref, '+' || (425 + k % 700) || ' days') ELSE '' END, "
      "ref || 'T09:00:00Z', ref || 'T09:00:00Z' "
      "FROM (SELECT k, st, CASE WHEN st = 1 THEN date('2020-01-01', '+' || ((k * 37) % 2520) || "
      "' days') ELSE date('2012-01-01', '+' || ((k * 37) % 5000) || ' days') END AS ref "
      "FROM (SELECT k, CASE WHEN (k * 2654435761) % 1000033 % 10 < 4 THEN 1 "
      "WHEN (k * 2654435761) % 1000033 % 10 < 9 THEN 2 ELSE 3 END AS st FROM s))");
  const char* document =
      "INSERT INTO case_documents (case_id, kind, version, type_name, payload_json, submitted_by, "
      "submitted_at) SELECT k, ";
  run(std::string(document) +
      "'intake', 1, 'google.protobuf.Struct', '{\"household\": \"two rooms\", \"children\": 3}', "
      "'asst1', referred_on || 'T10:00:00Z' FROM {CASES}");
  run(std::string(document) +
      "'plan', 1, 'google.protobuf.Struct', '{\"goals\": [\"budget\", \"school\"]}', 'asst1', "
      "referred_on || 'T11:00:00Z' FROM {CASES}");
  run(std::string(document) +
      "'plan', 2, 'google.protobuf.Struct', '{\"goals\": [\"budget\", \"work\"]}', 'asst1', "
      "referred_on || 'T12:00:00Z' FROM {CASES} WHERE plan_version = 2");
  run(std::string(document) +
      "'outcome', 1, 'google.protobuf.Struct', '{}', 'asst1', referred_on || 'T13:00:00Z' "
      "FROM {CASES} WHERE status <> 1");
  for (int i = 0; i < 2; ++i) {
    run("INSERT INTO contacts (case_id, contact_on, kind, duration_minutes, place, notes, "
        "details_type, details_json, recorded_by, recorded_at) SELECT k, referred_on, 1, 60, "
        "'home', 'talked about the budget and school', '', '{}', 'asst1', referred_on || "
        "'T14:00:00Z' FROM {CASES}");
  }
  run("INSERT INTO reviews (case_id, reviewed_on, review_type, review_json, next_review_due, "
      "recorded_by, recorded_at) SELECT k, referred_on, 'google.protobuf.Struct', "
      "'{\"progress\": \"some\"}', referred_on, 'asst1', referred_on || 'T15:00:00Z' "
      "FROM {CASES}");
  run("INSERT INTO consent_decisions (case_id, decision, decided_on, note, recorded_by, "
      "recorded_at) SELECT k, 1, referred_on, 'signed at the first visit', 'asst1', "
      "referred_on || 'T16:00:00Z' FROM {CASES}");
  AssignFromCases(sql);
  run("COMMIT");
}

}  // namespace assist::bench
