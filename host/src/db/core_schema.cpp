#include "db/core_schema.hpp"

#include <string>

namespace assist::host {
namespace {

// Written once with {ID} for the surrogate key column, which is the only type the two dialects
// spell differently here. Text columns are NOT NULL with '' for "not set" so that reads need no
// indicators; only the foreign keys to optional subjects are nullable.
constexpr const char* kCoreTables = R"sql(
CREATE TABLE centres (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  municipality TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE centre_assistance_types (
  centre_id TEXT NOT NULL REFERENCES centres(id),
  type_id TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  settings_type TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (centre_id, type_id));
CREATE TABLE people (
  id {ID},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE INDEX people_centre ON people (centre_id, id);
CREATE TABLE families (
  id {ID},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE family_members (
  family_id BIGINT NOT NULL REFERENCES families(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  relation INTEGER NOT NULL,
  PRIMARY KEY (family_id, person_id));
CREATE TABLE cases (
  id {ID},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  type_id TEXT NOT NULL,
  person_id BIGINT REFERENCES people(id),
  family_id BIGINT REFERENCES families(id),
  status INTEGER NOT NULL,
  referred_by TEXT NOT NULL,
  referral_reason TEXT NOT NULL,
  referred_on TEXT NOT NULL,
  assistant_id TEXT NOT NULL,
  assigned_on TEXT NOT NULL,
  consent INTEGER NOT NULL,
  consent_on TEXT NOT NULL,
  work_started_on TEXT NOT NULL,
  intake_version INTEGER NOT NULL,
  plan_version INTEGER NOT NULL,
  last_review_on TEXT NOT NULL,
  next_review_due TEXT NOT NULL,
  closed_on TEXT NOT NULL,
  closure_reason INTEGER NOT NULL,
  monitoring_until TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK ((person_id IS NULL) <> (family_id IS NULL)));
CREATE INDEX cases_centre ON cases (centre_id, id);
CREATE INDEX cases_assistant ON cases (centre_id, assistant_id, id);
CREATE INDEX cases_review_due ON cases (centre_id, next_review_due);
CREATE TABLE case_documents (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  type_name TEXT NOT NULL,
  payload_json TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  PRIMARY KEY (case_id, kind, version));
CREATE TABLE consent_decisions (
  id {ID},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  decision INTEGER NOT NULL,
  decided_on TEXT NOT NULL,
  note TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL);
CREATE TABLE contacts (
  id {ID},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  contact_on TEXT NOT NULL,
  kind INTEGER NOT NULL,
  duration_minutes INTEGER NOT NULL,
  place TEXT NOT NULL,
  notes TEXT NOT NULL,
  details_type TEXT NOT NULL,
  details_json TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL);
CREATE INDEX contacts_case ON contacts (case_id, id);
CREATE TABLE reviews (
  id {ID},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  reviewed_on TEXT NOT NULL,
  review_type TEXT NOT NULL,
  review_json TEXT NOT NULL,
  next_review_due TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL);
CREATE INDEX reviews_case ON reviews (case_id, id);
CREATE TABLE audit_events (
  id {ID},
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  role INTEGER NOT NULL,
  centre_id TEXT NOT NULL,
  rpc TEXT NOT NULL,
  case_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  request_id TEXT NOT NULL);
CREATE INDEX audit_events_centre ON audit_events (centre_id, id);
CREATE INDEX audit_events_case ON audit_events (centre_id, case_id, id);
)sql";

// The audit trail is append-only in the database itself, not only in the API.
constexpr const char* kSqliteAuditGuard = R"sql(
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
)sql";

constexpr const char* kPostgresqlAuditGuard = R"sql(
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only'; END $$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
)sql";

// Rules the database holds itself, so that two callers (or two hosts) racing past the code's own
// checks cannot both win: at most one open case per subject and type in a centre. The names are
// what db/constraint_rules.cpp maps to ALREADY_EXISTS. The plain indexes serve the look-ups by
// subject (open-case checks, exports, retention).
constexpr const char* kUniqueRules = R"sql(
CREATE UNIQUE INDEX cases_one_open_person ON cases (centre_id, type_id, person_id) WHERE status = 1 AND person_id IS NOT NULL;
CREATE UNIQUE INDEX cases_one_open_family ON cases (centre_id, type_id, family_id) WHERE status = 1 AND family_id IS NOT NULL;
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_family ON cases (family_id);
CREATE INDEX family_members_person ON family_members (person_id);
)sql";

// What the retention sweep (domain/data_rights.cpp) filters on: the cases of a centre that are
// not anonymised yet, by status and closing day, so that finding a batch of due cases reads only
// those rows; and the consent decisions of a case, which were found by scanning the whole table
// for every anonymised case.
constexpr const char* kRetentionIndexes = R"sql(
CREATE INDEX cases_retention_due ON cases (centre_id, anonymised_at, status, closed_on);
CREATE INDEX consent_decisions_case ON consent_decisions (case_id, id);
)sql";

// A PESEL identifies one person: two workers registering the same person at once cannot both win
// (db/database_fault.cpp maps the index to ALREADY_EXISTS). People without one keep NULL. The
// name index serves the look-up of people with the same name and birth date on registration.
constexpr const char* kPersonIdentity = R"sql(
ALTER TABLE people ADD COLUMN pesel TEXT;
ALTER TABLE people ADD COLUMN case_file_ref TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX people_one_pesel ON people (centre_id, pesel) WHERE pesel IS NOT NULL;
CREATE INDEX people_same_name ON people (centre_id, family_name, given_name, birth_date);
)sql";

// People and families over time: a person's row before each UpdatePerson (all its fields, and
// the names of those changed), and each member who joined, was born into or left a family after
// it was created (family_members holds the current members).
constexpr const char* kPeopleHistory = R"sql(
CREATE TABLE person_history (
  id {ID},
  person_id BIGINT NOT NULL REFERENCES people(id),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  fields TEXT NOT NULL,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  pesel TEXT NOT NULL,
  case_file_ref TEXT NOT NULL);
CREATE INDEX person_history_person ON person_history (person_id, id);
CREATE TABLE family_member_history (
  id {ID},
  family_id BIGINT NOT NULL REFERENCES families(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  kind INTEGER NOT NULL,
  relation INTEGER NOT NULL,
  effective_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL);
CREATE INDEX family_member_history_family ON family_member_history (family_id, id);
)sql";

// REPLACE (and INSERT OR IGNORE/UPSERT) on an existing id deletes or updates a row without the
// DELETE/UPDATE triggers firing: refused by a trigger stored in the file, so every client of the
// file is refused, not only the host's connections. PostgreSQL: TRUNCATE fires no row trigger.
constexpr const char* kSqliteAuditNoReplace = R"sql(
CREATE TRIGGER audit_events_no_replace BEFORE INSERT ON audit_events WHEN EXISTS (SELECT 1 FROM audit_events WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
)sql";
constexpr const char* kPostgresqlAuditNoTruncate = R"sql(
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
)sql";

// Tamper evidence (audit/audit_chain.hpp): each row's place in its trail's hash chain and its
// hash, and one head per trail, the only row the host updates. Rows already stored keep seq 0:
// they are the trail's pre-chain rows, which its first append hashes into the genesis hash the
// head records. The head only moves forward and is never deleted, so a login that may append
// (the runtime role, granted UPDATE on it) cannot wind a chain back to hide removed rows. The
// (centre_id, seq) index is not unique on purpose: a row forged at the next sequence number must
// not stop the trail taking rows (every call, verification too, would fail); the verifier
// reports it instead.
constexpr const char* kAuditChainColumns = R"sql(
ALTER TABLE audit_events ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
ALTER TABLE audit_events ADD COLUMN hash TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_events_chain ON audit_events (centre_id, seq);
CREATE TABLE audit_chain_heads (
  centre_id TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  genesis_rows BIGINT NOT NULL,
  genesis_hash TEXT NOT NULL,
  started_at TEXT NOT NULL);
)sql";
constexpr const char* kSqliteChainHeadGuard = R"sql(
CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE ON audit_chain_heads
WHEN NEW.seq <= OLD.seq OR NEW.centre_id <> OLD.centre_id OR NEW.genesis_rows <> OLD.genesis_rows
  OR NEW.genesis_hash <> OLD.genesis_hash OR NEW.started_at <> OLD.started_at
BEGIN SELECT RAISE(ABORT, 'an audit chain head only moves forward'); END;
CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads
BEGIN SELECT RAISE(ABORT, 'an audit chain head only moves forward'); END;
)sql";
constexpr const char* kPostgresqlChainHeadGuard = R"sql(
CREATE FUNCTION audit_chain_heads_forward() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
IF TG_OP <> 'UPDATE' OR NEW.seq <= OLD.seq OR NEW.centre_id <> OLD.centre_id
  OR NEW.genesis_rows <> OLD.genesis_rows OR NEW.genesis_hash <> OLD.genesis_hash
  OR NEW.started_at <> OLD.started_at THEN
  RAISE EXCEPTION 'an audit chain head only moves forward'; END IF; RETURN NEW; END $$;
CREATE TRIGGER audit_chain_heads_forward BEFORE UPDATE OR DELETE ON audit_chain_heads
FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_forward();
CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON audit_chain_heads
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
)sql";

// What the read RPCs look up at scale (bench/scale_reads.cpp, bench/README.md):
// - the open cases with a review due, in due order, of a centre or of one assistant in it
//   (ListDueReviews), instead of walking every case of the centre that has no due date; they
//   replace cases_review_due, which only ListDueReviews used;
// - a subject's cases in a centre (exports, access checks), two columns so that the planner
//   prefers them to the centre's index without statistics;
// - the yearly statistics: every column the figures read, so one pass over a centre's cases of
//   a type reads this index only, and the closing day for the year's outcomes.
constexpr const char* kReadIndexes = R"sql(
DROP INDEX cases_review_due;
CREATE INDEX cases_due_open ON cases (centre_id, next_review_due, id) WHERE status = 1 AND next_review_due <> '';
CREATE INDEX cases_due_open_assistant ON cases (centre_id, assistant_id, next_review_due, id) WHERE status = 1 AND next_review_due <> '';
DROP INDEX cases_person;
DROP INDEX cases_family;
CREATE INDEX cases_person ON cases (person_id, centre_id);
CREATE INDEX cases_family ON cases (family_id, centre_id);
CREATE INDEX cases_statistics ON cases (centre_id, type_id, closed_on, referred_on, assistant_id, family_id, person_id, closure_reason);
)sql";
// SQLite plans without statistics unless ANALYZE has run: it then takes an index on the centre
// over one on the subject (one equality each): it scanned a centre's cases for OpenCase's check
// of an open case while that read (person_id = :p OR family_id = :f). A database that has cases
// gets statistics here (from at most 1000 rows per index, so quickly even when it is large); an
// empty one gets those of a national database (a million cases, 300 centres, a few cases per
// subject), which say only how selective each index is, not how big the table is now. ANALYZE (or
// PRAGMA optimize) run later replaces them with measured ones; ANALYZE sqlite_schema makes this
// connection read them (the others do when they next load the changed schema). PostgreSQL gathers
// its own.
constexpr const char* kSqliteStatistics = R"sql(
PRAGMA analysis_limit = 1000;
ANALYZE;
INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT 'cases', idx, stat FROM (
  SELECT 'cases_centre' AS idx, '1000000 3000 1' AS stat
  UNION ALL SELECT 'cases_assistant', '1000000 3000 100 1'
  UNION ALL SELECT 'cases_one_open_person', '300000 1000 250 1'
  UNION ALL SELECT 'cases_one_open_family', '80000 270 70 1'
  UNION ALL SELECT 'cases_person', '1000000 2 2'
  UNION ALL SELECT 'cases_family', '1000000 2 2'
  UNION ALL SELECT 'cases_retention_due', '1000000 3000 2500 1000 2'
  UNION ALL SELECT 'cases_due_open', '350000 1200 3 1'
  UNION ALL SELECT 'cases_due_open_assistant', '350000 1200 40 2 1'
  UNION ALL SELECT 'cases_statistics', '1000000 3000 750 20 3 2 2 2 2') AS shape
WHERE NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE tbl = 'cases');
ANALYZE sqlite_schema;
)sql";

// The intake facts a plugin declares for the reports (sdk::ReportFlag, e.g. a court-ordered
// family), one row per intake version that has the fact: the statistics join the flags of the
// case's current intake, and an earlier version's stay as they were.
constexpr const char* kReportFlags = R"sql(
CREATE TABLE case_report_flags (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  intake_version INTEGER NOT NULL,
  code TEXT NOT NULL,
  PRIMARY KEY (case_id, intake_version, code));
)sql";

// The staff register (domain/staff_register.hpp): one row per login of a centre, the database
// holding the uniqueness (the key, mapped to ALREADY_EXISTS by db/database_fault.cpp); the types
// each member serves; each case's assignments over time (to_on '' while current), which decide
// what an assistant sees and count the loads; and a centre's own caseload limit per type (0: the
// type's). Migration 13 replaces case_assignments, which was never written.
constexpr const char* kStaffRegister = R"sql(
CREATE TABLE staff_members (
  centre_id TEXT NOT NULL REFERENCES centres(id),
  login TEXT NOT NULL,
  full_name TEXT NOT NULL,
  staff_function INTEGER NOT NULL,
  employment_form INTEGER NOT NULL,
  working_time_permille INTEGER NOT NULL,
  qualifications TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CONSTRAINT staff_members_one_login PRIMARY KEY (centre_id, login));
CREATE TABLE staff_member_types (
  centre_id TEXT NOT NULL,
  login TEXT NOT NULL,
  type_id TEXT NOT NULL,
  PRIMARY KEY (centre_id, login, type_id),
  FOREIGN KEY (centre_id, login) REFERENCES staff_members (centre_id, login));
CREATE TABLE case_assignments (
  id {ID},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  centre_id TEXT NOT NULL,
  login TEXT NOT NULL,
  role INTEGER NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  FOREIGN KEY (centre_id, login) REFERENCES staff_members (centre_id, login));
CREATE INDEX case_assignments_case ON case_assignments (case_id, to_on);
CREATE INDEX case_assignments_login ON case_assignments (centre_id, login, to_on, case_id);
ALTER TABLE centre_assistance_types ADD COLUMN caseload_limit INTEGER NOT NULL DEFAULT 0;
)sql";

// Assignment history (domain/assignments.hpp): migration 10's case_assignments was never written,
// so it is made again with the rules the database can hold: the centre of an assignment is its
// case's (the key on cases (id, centre_id)), so its login is a member of the case's register; a
// role is primary (1), co-assistant (2) or substitute (3); to_on, the last day of an assignment,
// is '' while it is current and never before from_on; a case has at most one current primary,
// and a login at most one current assignment per case (names mapped to ALREADY_EXISTS by
// db/database_fault.cpp). The assistants of existing cases (cases.assistant_id) become each case's
// primary from the day of the assignment (else the start of the work, else the referral); a login
// that is not in its centre's register is registered inactive, with its login as its name and
// the types of its cases, so that the key to the register holds (the head completes the record).
constexpr const char* kAssignmentHistory = R"sql(
DROP TABLE case_assignments;
CREATE UNIQUE INDEX cases_id_centre ON cases (id, centre_id);
CREATE TABLE case_assignments (
  id {ID},
  case_id BIGINT NOT NULL,
  centre_id TEXT NOT NULL,
  login TEXT NOT NULL,
  role INTEGER NOT NULL CHECK (role IN (1, 2, 3)),
  from_on TEXT NOT NULL CHECK (from_on <> ''),
  to_on TEXT NOT NULL CHECK (to_on = '' OR to_on >= from_on),
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  ended_by TEXT NOT NULL,
  ended_at TEXT NOT NULL,
  FOREIGN KEY (case_id, centre_id) REFERENCES cases (id, centre_id),
  FOREIGN KEY (centre_id, login) REFERENCES staff_members (centre_id, login));
CREATE UNIQUE INDEX case_assignments_one_primary ON case_assignments (case_id) WHERE role = 1 AND to_on = '';
CREATE UNIQUE INDEX case_assignments_one_per_login ON case_assignments (case_id, login) WHERE to_on = '';
CREATE INDEX case_assignments_case ON case_assignments (case_id, id);
CREATE INDEX case_assignments_login ON case_assignments (centre_id, login, to_on, case_id);
INSERT INTO staff_members (centre_id, login, full_name, staff_function, employment_form,
  working_time_permille, qualifications, active, created_at, updated_at)
SELECT c.centre_id, c.assistant_id, c.assistant_id, 1, 0, 0, '', 0, MIN(c.created_at), ''
FROM cases c WHERE c.assistant_id <> '' AND NOT EXISTS (SELECT 1 FROM staff_members m
  WHERE m.centre_id = c.centre_id AND m.login = c.assistant_id)
GROUP BY c.centre_id, c.assistant_id;
INSERT INTO staff_member_types (centre_id, login, type_id)
SELECT DISTINCT c.centre_id, c.assistant_id, c.type_id FROM cases c JOIN staff_members m
  ON m.centre_id = c.centre_id AND m.login = c.assistant_id
WHERE m.updated_at = '';
UPDATE staff_members SET updated_at = created_at WHERE updated_at = '';
INSERT INTO case_assignments (case_id, centre_id, login, role, from_on, to_on, assigned_by,
  assigned_at, ended_by, ended_at)
SELECT id, centre_id, assistant_id, 1, COALESCE(NULLIF(assigned_on, ''), NULLIF(work_started_on, ''), referred_on),
  '', 'migration 13', updated_at, '', '' FROM cases WHERE assistant_id <> '';
)sql";

// Core migration 14. The head's decision on a plan version (CaseService.ApprovePlan,
// domain/plan_approval.hpp): one per version, held by the key, of a plan version that exists (the
// foreign key names the document row, whose kind is always 'plan'); 1 approved, 2 rejected with its
// reason (retention writes 'anonymised'). Every version submitted before this migration gets
// decision 3, "predates the approval step": no one decided on it here, and it stays in force as it
// was (a type that now requires approval, e.g. homelessness, does not lose its running programmes).
constexpr const char* kPlanDecisions = R"sql(
CREATE TABLE plan_decisions (
  case_id BIGINT NOT NULL,
  plan_kind TEXT NOT NULL DEFAULT 'plan' CHECK (plan_kind = 'plan'),
  plan_version INTEGER NOT NULL,
  decision INTEGER NOT NULL CHECK (decision IN (1, 2, 3)),
  reason TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  CONSTRAINT plan_decisions_one_per_version PRIMARY KEY (case_id, plan_version),
  FOREIGN KEY (case_id, plan_kind, plan_version) REFERENCES case_documents (case_id, kind, version),
  CHECK (decision <> 2 OR reason <> ''),
  CHECK (decision = 3 OR (decided_on <> '' AND decided_by <> '' AND decided_at <> '')));
INSERT INTO plan_decisions (case_id, plan_kind, plan_version, decision, reason, decided_on,
                            decided_by, decided_at)
  SELECT case_id, 'plan', version, 3, '', '', '', '' FROM case_documents WHERE kind = 'plan';
)sql";

// Core migration 15. Consent per person (domain/case_consent.hpp): whose decision a row is (the
// case's person or a member of its family; NULL on the rows from before, which were the whole
// case's), who made it (0 not known, 1 the person, 2 a parent, 3 a legal guardian, 4 a
// court-appointed representative) and that one's name. The index serves a person's decisions.
constexpr const char* kConsentPerPerson = R"sql(
ALTER TABLE consent_decisions ADD COLUMN person_id BIGINT REFERENCES people(id);
ALTER TABLE consent_decisions ADD COLUMN given_by INTEGER NOT NULL DEFAULT 0 CHECK (given_by BETWEEN 0 AND 4);
ALTER TABLE consent_decisions ADD COLUMN given_by_name TEXT NOT NULL DEFAULT '';
CREATE INDEX consent_decisions_person ON consent_decisions (person_id);
)sql";

// Core migration 17. Transfers of a case to another centre (domain/case_transfers.hpp). The keys
// hold what a transfer is: its case is of the sending centre (the key on cases (id, centre_id)),
// both centres exist, the receiving one is another, the states are 1 pending, 2 accepted,
// 3 declined (with a reason), 4 cancelled; an accepted transfer names the case it opened, which is
// of the receiving centre and opened by no other transfer. At most one pending transfer per case.
constexpr const char* kCaseTransfers = R"sql(
CREATE TABLE case_transfers (
  id {ID},
  case_id BIGINT NOT NULL,
  from_centre_id TEXT NOT NULL REFERENCES centres(id),
  to_centre_id TEXT NOT NULL REFERENCES centres(id),
  type_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  transfer_on TEXT NOT NULL CHECK (transfer_on <> ''),
  origin_referred_on TEXT NOT NULL,
  state INTEGER NOT NULL CHECK (state IN (1, 2, 3, 4)),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  decline_reason TEXT NOT NULL,
  new_case_id BIGINT,
  FOREIGN KEY (case_id, from_centre_id) REFERENCES cases (id, centre_id),
  FOREIGN KEY (new_case_id, to_centre_id) REFERENCES cases (id, centre_id),
  CHECK (to_centre_id <> from_centre_id),
  CHECK ((state = 2) = (new_case_id IS NOT NULL)),
  CHECK (state <> 3 OR decline_reason <> ''),
  CHECK (state = 1 OR (decided_by <> '' AND decided_at <> '')));
CREATE UNIQUE INDEX case_transfers_one_pending ON case_transfers (case_id) WHERE state = 1;
CREATE UNIQUE INDEX case_transfers_one_per_new_case ON case_transfers (new_case_id) WHERE new_case_id IS NOT NULL;
CREATE INDEX case_transfers_from ON case_transfers (from_centre_id, id);
CREATE INDEX case_transfers_to ON case_transfers (to_centre_id, id);
)sql";

std::string WithIdColumn(std::string script, const std::string& id_column) {
  const std::string marker = "{ID}";
  for (auto pos = script.find(marker); pos != std::string::npos; pos = script.find(marker, pos)) {
    script.replace(pos, marker.size(), id_column);
  }
  return script;
}

// A family renamed keeps the names it had (UpdateFamily); a person's former families (exports,
// the retention sweep) are found from the membership history by person.
constexpr const char* kFamilyNames = R"sql(
CREATE TABLE family_name_history (
  id {ID},
  family_id BIGINT NOT NULL REFERENCES families(id),
  name TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL);
CREATE INDEX family_name_history_family ON family_name_history (family_id, id);
CREATE INDEX family_member_history_person ON family_member_history (person_id, family_id);
)sql";

// Street outreach before a case exists: no person, no consent. A contact links to a case of its
// own centre (the pair is a foreign key, cases_id_centre of migration 13); the partial index
// finds what the daily sweep deletes.
constexpr const char* kOutreachContacts = R"sql(
CREATE TABLE outreach_contacts (
  id {ID},
  centre_id TEXT NOT NULL REFERENCES centres(id),
  type_id TEXT NOT NULL,
  contact_on TEXT NOT NULL,
  pseudonym TEXT NOT NULL,
  description TEXT NOT NULL,
  identity_quality INTEGER NOT NULL,
  place TEXT NOT NULL,
  needs_met TEXT NOT NULL,
  notes TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  case_id BIGINT,
  keep_until TEXT NOT NULL,
  FOREIGN KEY (case_id, centre_id) REFERENCES cases (id, centre_id));
CREATE INDEX outreach_contacts_centre ON outreach_contacts (centre_id, id);
CREATE INDEX outreach_contacts_case ON outreach_contacts (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX outreach_contacts_unlinked ON outreach_contacts (centre_id, keep_until) WHERE case_id IS NULL;
)sql";

// Core migration 19. How complete a person's identity is (domain/person_identity.hpp): the
// values of NameQuality and BirthDateQuality, 1 FULL, 2 PARTIAL or APPROXIMATE, 3 NOT_GIVEN or
// UNKNOWN (an UNKNOWN birth date is the empty birth_date, which NOT NULL already allows). Everyone
// registered before is FULL; so are the values kept before a correction.
constexpr const char* kIdentityQuality = R"sql(
ALTER TABLE people ADD COLUMN name_quality INTEGER NOT NULL DEFAULT 1 CHECK (name_quality BETWEEN 1 AND 3);
ALTER TABLE people ADD COLUMN birth_date_quality INTEGER NOT NULL DEFAULT 1 CHECK (birth_date_quality BETWEEN 1 AND 3);
ALTER TABLE person_history ADD COLUMN name_quality INTEGER NOT NULL DEFAULT 1 CHECK (name_quality BETWEEN 1 AND 3);
ALTER TABLE person_history ADD COLUMN birth_date_quality INTEGER NOT NULL DEFAULT 1 CHECK (birth_date_quality BETWEEN 1 AND 3);
)sql";

// Core migration 20. The statistics read indexes only (bench/README.md, "GetStatistics at a
// million cases"): the lengths of work read work_started_on and the intake flags intake_version,
// which cases_statistics now holds (assistant_id, which no statistic reads since migration 13,
// leaves it). The assistants of the period and the people of the families served are probed once
// per served case: in indexes that hold every column those probes read, and for the assignments
// one led by the centre, so that a centre's probes stay in its own part of the index instead of
// landing all over the country's.
constexpr const char* kStatisticsIndexes = R"sql(
DROP INDEX cases_statistics;
CREATE INDEX cases_statistics ON cases (centre_id, type_id, closed_on, referred_on, work_started_on, family_id, person_id, closure_reason, intake_version);
CREATE INDEX case_assignments_period ON case_assignments (centre_id, case_id, from_on, to_on, login);
CREATE INDEX family_members_served ON family_members (family_id, person_id, relation);
)sql";
// The statistics of the redefined index, measured when the database has cases, else the shape of
// a national database (see kSqliteStatistics).
constexpr const char* kSqliteStatisticsIndexShape = R"sql(
PRAGMA analysis_limit = 1000;
ANALYZE cases_statistics;
ANALYZE case_assignments_period;
ANALYZE family_members_served;
INSERT INTO sqlite_stat1 (tbl, idx, stat) SELECT 'cases', 'cases_statistics', '1000000 3000 750 20 3 3 2 2 2 1'
WHERE NOT EXISTS (SELECT 1 FROM sqlite_stat1 WHERE idx = 'cases_statistics');
ANALYZE sqlite_schema;
)sql";

}  // namespace

std::vector<sdk::Migration> CoreMigrations() {
  sdk::Migration tables;
  tables.version = 1;
  tables.name = "centres, people, cases, documents, contacts, reviews, audit";
  tables.sqlite = WithIdColumn(kCoreTables, "INTEGER PRIMARY KEY AUTOINCREMENT");
  tables.postgresql = WithIdColumn(kCoreTables, "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY");

  sdk::Migration audit_guard{2, "audit trail is append-only", kSqliteAuditGuard,
                             kPostgresqlAuditGuard};
  const char* anonymised = "ALTER TABLE cases ADD COLUMN anonymised_at TEXT NOT NULL DEFAULT '';";
  sdk::Migration retention{3, "cases remember when they were anonymised", anonymised, anonymised};
  sdk::Migration unique_rules{4, "one open case per subject and type, held by the database",
                              kUniqueRules, kUniqueRules};
  sdk::Migration retention_indexes{5, "indexes for the retention sweep", kRetentionIndexes,
                                   kRetentionIndexes};
  sdk::Migration audit_no_replace{6, "audit trail refuses REPLACE, UPSERT and TRUNCATE",
                                  kSqliteAuditNoReplace, kPostgresqlAuditNoTruncate};
  sdk::Migration audit_chain{7, "audit trails are hash chains with a head each",
                             std::string(kAuditChainColumns) + kSqliteChainHeadGuard,
                             std::string(kAuditChainColumns) + kPostgresqlChainHeadGuard};
  sdk::Migration read_indexes{8, "indexes for the read RPCs at scale",
                              std::string(kReadIndexes) + kSqliteStatistics, kReadIndexes};
  sdk::Migration person_identity{9, "people have a PESEL, unique per centre, and a file number",
                                 kPersonIdentity, kPersonIdentity};
  const std::string sqlite_id = "INTEGER PRIMARY KEY AUTOINCREMENT";
  const std::string postgresql_id = "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  sdk::Migration staff{10, "staff register, case assignments over time, centre caseload limits",
                       WithIdColumn(kStaffRegister, sqlite_id),
                       WithIdColumn(kStaffRegister, postgresql_id)};
  sdk::Migration report_flags{11, "cases keep the intake facts the reports count", kReportFlags,
                              kReportFlags};
  sdk::Migration people_history{12, "people and families keep their history",
                                WithIdColumn(kPeopleHistory, sqlite_id),
                                WithIdColumn(kPeopleHistory, postgresql_id)};
  sdk::Migration assignment_history{
      13, "case assignments over time: primary, co-assistant, substitute",
      WithIdColumn(kAssignmentHistory, sqlite_id), WithIdColumn(kAssignmentHistory, postgresql_id)};

  sdk::Migration plan_decisions{14, "the head's approval or rejection of each plan version",
                                kPlanDecisions, kPlanDecisions};
  sdk::Migration consent_per_person{15, "consent decisions per person, with who gave them",
                                    kConsentPerPerson, kConsentPerPerson};
  sdk::Migration case_transfers{17, "transfers of a case to another centre",
                                WithIdColumn(kCaseTransfers, sqlite_id),
                                WithIdColumn(kCaseTransfers, postgresql_id)};
  sdk::Migration family_names{16, "families keep their former names; former members by index",
                              WithIdColumn(kFamilyNames, sqlite_id),
                              WithIdColumn(kFamilyNames, postgresql_id)};
  sdk::Migration outreach{18, "street outreach contacts before a case exists",
                          WithIdColumn(kOutreachContacts, sqlite_id),
                          WithIdColumn(kOutreachContacts, postgresql_id)};
  sdk::Migration identity_quality{19, "people keep how complete their identity is",
                                  kIdentityQuality, kIdentityQuality};
  sdk::Migration statistics_indexes{20, "the statistics read covering indexes only",
                                    std::string(kStatisticsIndexes) + kSqliteStatisticsIndexShape,
                                    kStatisticsIndexes};
  return {
      tables,           audit_guard,    retention,          unique_rules,     retention_indexes,
      audit_no_replace, audit_chain,    read_indexes,       person_identity,  staff,
      report_flags,     people_history, assignment_history, plan_decisions,   consent_per_person,
      family_names,     case_transfers, outreach,           identity_quality, statistics_indexes};
}

}  // namespace assist::host
