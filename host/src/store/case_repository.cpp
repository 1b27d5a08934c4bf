#include "store/case_repository.hpp"

#include "util/clock.hpp"

namespace assist::host {

const char* const kCaseColumns =
    "id, centre_id, type_id, person_id, family_id, status, referred_by, referral_reason, "
    "referred_on, assistant_id, assigned_on, consent, consent_on, work_started_on, intake_version, "
    "plan_version, last_review_on, next_review_due, closed_on, closure_reason, monitoring_until, "
    "created_at, updated_at";

struct CaseRow {
  long long id = 0, person_id = 0, family_id = 0;
  soci::indicator person_ind = soci::i_null, family_ind = soci::i_null;
  int status = 0, consent = 0, intake_version = 0, plan_version = 0, closure_reason = 0;
  std::string centre_id, type_id, referred_by, referral_reason, referred_on, assistant_id,
      assigned_on, consent_on, work_started_on, last_review_on, next_review_due, closed_on,
      monitoring_until, created_at, updated_at;
};

CaseRowReader::CaseRowReader() : row_(std::make_unique<CaseRow>()) {}
CaseRowReader::~CaseRowReader() = default;

void CaseRowReader::Bind(soci::statement& st) {
  CaseRow& r = *row_;
  st.exchange(soci::into(r.id));
  st.exchange(soci::into(r.centre_id));
  st.exchange(soci::into(r.type_id));
  st.exchange(soci::into(r.person_id, r.person_ind));
  st.exchange(soci::into(r.family_id, r.family_ind));
  st.exchange(soci::into(r.status));
  st.exchange(soci::into(r.referred_by));
  st.exchange(soci::into(r.referral_reason));
  st.exchange(soci::into(r.referred_on));
  st.exchange(soci::into(r.assistant_id));
  st.exchange(soci::into(r.assigned_on));
  st.exchange(soci::into(r.consent));
  st.exchange(soci::into(r.consent_on));
  st.exchange(soci::into(r.work_started_on));
  st.exchange(soci::into(r.intake_version));
  st.exchange(soci::into(r.plan_version));
  st.exchange(soci::into(r.last_review_on));
  st.exchange(soci::into(r.next_review_due));
  st.exchange(soci::into(r.closed_on));
  st.exchange(soci::into(r.closure_reason));
  st.exchange(soci::into(r.monitoring_until));
  st.exchange(soci::into(r.created_at));
  st.exchange(soci::into(r.updated_at));
}

assist::v1::Case CaseRowReader::Get() const {
  const CaseRow& r = *row_;
  assist::v1::Case c;
  c.set_id(r.id);
  c.set_centre_id(r.centre_id);
  c.set_type_id(r.type_id);
  if (r.person_ind == soci::i_ok) c.set_person_id(r.person_id);
  if (r.family_ind == soci::i_ok) c.set_family_id(r.family_id);
  c.set_status(static_cast<assist::v1::CaseStatus>(r.status));
  c.set_referred_by(r.referred_by);
  c.set_referral_reason(r.referral_reason);
  c.set_referred_on(r.referred_on);
  c.set_assistant_id(r.assistant_id);
  c.set_assigned_on(r.assigned_on);
  c.set_consent(static_cast<assist::v1::ConsentState>(r.consent));
  c.set_consent_on(r.consent_on);
  c.set_work_started_on(r.work_started_on);
  c.set_intake_version(r.intake_version);
  c.set_plan_version(r.plan_version);
  c.set_last_review_on(r.last_review_on);
  c.set_next_review_due(r.next_review_due);
  c.set_closed_on(r.closed_on);
  c.set_closure_reason(static_cast<assist::v1::ClosureReason>(r.closure_reason));
  c.set_monitoring_until(r.monitoring_until);
  c.set_created_at(r.created_at);
  c.set_updated_at(r.updated_at);
  return c;
}

namespace {

enum class RowLock { kNone, kForUpdate };

std::optional<assist::v1::Case> SelectCase(Transaction& tx, const std::string& centre_id,
                                           long long id, RowLock lock) {
  std::string sql =
      std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = :id AND centre_id = :centre";
  if (lock == RowLock::kForUpdate && tx.backend() == sdk::Backend::kPostgresql) {
    sql += " FOR UPDATE";
  }
  CaseRowReader reader;
  PreparedStatement st = tx.Prepared(sql);
  reader.Bind(st.statement());
  st.Bind(soci::use(id), soci::use(centre_id));
  if (!st.Execute()) return std::nullopt;
  return reader.Get();
}

}  // namespace

std::optional<assist::v1::Case> FindCase(Transaction& tx, const std::string& centre_id,
                                         long long id) {
  return SelectCase(tx, centre_id, id, RowLock::kNone);
}

std::optional<assist::v1::Case> FindCaseForUpdate(Transaction& tx, const std::string& centre_id,
                                                  long long id) {
  return SelectCase(tx, centre_id, id, RowLock::kForUpdate);
}

long long InsertCase(Transaction& tx, const assist::v1::Case& c) {
  long long id = 0;
  long long person_id = c.person_id(), family_id = c.family_id();
  soci::indicator person_ind = c.has_person_id() ? soci::i_ok : soci::i_null;
  soci::indicator family_ind = c.has_family_id() ? soci::i_ok : soci::i_null;
  int status = c.status(), consent = c.consent();
  tx.sql()
      << "INSERT INTO cases (centre_id, type_id, person_id, family_id, status, referred_by, "
         "referral_reason, referred_on, assistant_id, assigned_on, consent, consent_on, "
         "work_started_on, intake_version, plan_version, last_review_on, next_review_due, "
         "closed_on, closure_reason, monitoring_until, created_at, updated_at) VALUES (:c, :t, "
         ":p, :f, :s, :rb, :rr, :ro, '', '', :consent, '', '', 0, 0, '', :due, '', 0, '', :ca, "
         ":ua) RETURNING id",
      soci::use(c.centre_id()), soci::use(c.type_id()), soci::use(person_id, person_ind),
      soci::use(family_id, family_ind), soci::use(status), soci::use(c.referred_by()),
      soci::use(c.referral_reason()), soci::use(c.referred_on()), soci::use(consent),
      soci::use(c.next_review_due()), soci::use(c.created_at()), soci::use(c.updated_at()),
      soci::into(id);
  return id;
}

void UpdateCaseRow(Transaction& tx, const assist::v1::Case& c) {
  int status = c.status(), consent = c.consent(), intake_version = c.intake_version(),
      plan_version = c.plan_version(), closure_reason = c.closure_reason();
  long long id = c.id();
  std::string now = NowTimestamp();
  tx.Prepared(
        "UPDATE cases SET status = :s, assistant_id = :a, assigned_on = :ao, consent = :co, "
        "consent_on = :con, work_started_on = :ws, intake_version = :iv, plan_version = :pv, "
        "last_review_on = :lr, next_review_due = :nd, closed_on = :cl, closure_reason = :cr, "
        "monitoring_until = :mu, updated_at = :u WHERE id = :id AND centre_id = :centre")
      .Bind(soci::use(status), soci::use(c.assistant_id()), soci::use(c.assigned_on()),
            soci::use(consent), soci::use(c.consent_on()), soci::use(c.work_started_on()),
            soci::use(intake_version), soci::use(plan_version), soci::use(c.last_review_on()),
            soci::use(c.next_review_due()), soci::use(c.closed_on()), soci::use(closure_reason),
            soci::use(c.monitoring_until()), soci::use(now), soci::use(id),
            soci::use(c.centre_id()))
      .Execute();
}

int CountOpenCasesOfSubject(Transaction& tx, const std::string& centre_id,
                            const std::string& type_id, bool person, long long subject_id) {
  int open_already = 0;
  // One subject column, not (person_id = :p OR family_id = :f): an OR over two columns cannot use
  // the unique index of open cases per subject.
  const std::string subject = person ? "person_id" : "family_id";
  const int open = assist::v1::CASE_STATUS_OPEN;  // bound by reference: a named value, no temporary
  tx.sql() << "SELECT COUNT(*) FROM cases WHERE centre_id = :c AND type_id = :t AND status = :s "
              "AND " +
                  subject + " = :subject",
      soci::use(centre_id), soci::use(type_id), soci::use(open), soci::use(subject_id),
      soci::into(open_already);
  return open_already;
}

namespace {

// The cases an assistant holds a current assignment of, in any role (core migration 13), found
// from the assignments' index by login.
constexpr const char* kHeldBy =
    " AND id IN (SELECT a.case_id FROM case_assignments a WHERE a.centre_id = :held_centre AND "
    "a.login = :assistant AND a.to_on = '')";

}  // namespace

std::vector<assist::v1::Case> ListCaseRows(Transaction& tx, const std::string& centre_id,
                                           const CaseListFilter& filter) {
  const bool overdue = !filter.overdue_as_of.empty();
  // Only the filters that are set are in the statement, so that SQLite can use the index of
  // one (an `(:a = '' OR assistant_id = :a)` term cannot use any); every value is a bound
  // parameter.
  std::string sql = std::string("SELECT ") + kCaseColumns +
                    " FROM cases WHERE centre_id = :centre AND id > :after";
  if (!filter.type_id.empty()) sql += " AND type_id = :type";
  if (filter.status != 0) sql += " AND status = :status";
  if (!filter.assistant_id.empty()) sql += kHeldBy;
  if (overdue) sql += " AND next_review_due <> '' AND next_review_due < :as_of";
  sql += " ORDER BY id LIMIT :n";
  CaseRowReader reader;
  soci::statement st(tx.sql());
  st.alloc();
  reader.Bind(st);
  st.exchange(soci::use(centre_id));
  st.exchange(soci::use(filter.after_id));
  if (!filter.type_id.empty()) st.exchange(soci::use(filter.type_id));
  if (filter.status != 0) st.exchange(soci::use(filter.status));
  if (!filter.assistant_id.empty()) {
    st.exchange(soci::use(centre_id));
    st.exchange(soci::use(filter.assistant_id));
  }
  if (overdue) st.exchange(soci::use(filter.overdue_as_of));
  st.exchange(soci::use(filter.fetch));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<assist::v1::Case> rows;
  while (st.fetch()) rows.push_back(reader.Get());
  return rows;
}

std::vector<assist::v1::Case> ListDueCaseRows(Transaction& tx, const std::string& centre_id,
                                              const DueCaseFilter& filter) {
  // The terms of the partial indexes cases_due_open(_assistant) (core migration 8) are written
  // out, the open status too, so that the planner can match them: the walk starts at the first
  // open case with a due date after the token's row and stops at the horizon, reading no
  // closed cases and no cases without a due date. The token's row is compared as a pair, which
  // both SQLite and PostgreSQL turn into the start of an index range.
  std::string sql = std::string("SELECT ") + kCaseColumns +
                    " FROM cases WHERE centre_id = :centre AND status = " +
                    std::to_string(assist::v1::CASE_STATUS_OPEN) +
                    " AND next_review_due <> '' AND next_review_due <= :horizon";
  if (!filter.assistant_id.empty()) sql += kHeldBy;
  sql +=
      " AND (next_review_due, id) > (:after_due, :after_id)"
      " ORDER BY next_review_due, id LIMIT :n";
  CaseRowReader reader;
  soci::statement st(tx.sql());
  st.alloc();
  reader.Bind(st);
  st.exchange(soci::use(centre_id));
  st.exchange(soci::use(filter.horizon));
  if (!filter.assistant_id.empty()) {
    st.exchange(soci::use(centre_id));
    st.exchange(soci::use(filter.assistant_id));
  }
  st.exchange(soci::use(filter.after_due));
  st.exchange(soci::use(filter.after_id));
  st.exchange(soci::use(filter.fetch));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<assist::v1::Case> rows;
  while (st.fetch()) rows.push_back(reader.Get());
  return rows;
}

std::vector<long long> LapsedMonitoringCaseIds(Transaction& tx, const std::string& centre,
                                               const std::string& today, std::size_t limit) {
  std::vector<long long> ids;
  long long id = 0;
  const int monitoring = assist::v1::CASE_STATUS_MONITORING;
  const long long max_rows = static_cast<long long>(limit);
  // By the retention index (centre, anonymised_at, status): the centre's monitored cases only.
  soci::statement st =
      (tx.sql().prepare << "SELECT id FROM cases WHERE centre_id = :c AND anonymised_at = '' AND "
                           "status = :s AND monitoring_until < :d ORDER BY id LIMIT :n",
       soci::use(centre), soci::use(monitoring), soci::use(today), soci::use(max_rows),
       soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

std::vector<long long> CaseIdsOfFamilyInProgress(Transaction& tx, const std::string& centre,
                                                 long long family) {
  std::vector<long long> ids;
  long long id = 0;
  const int open = assist::v1::CASE_STATUS_OPEN;
  const int monitoring = assist::v1::CASE_STATUS_MONITORING;
  soci::statement st =
      (tx.sql().prepare << "SELECT id FROM cases WHERE family_id = :f AND centre_id = :c AND "
                           "status IN (:open, :monitoring) ORDER BY id",
       soci::use(family), soci::use(centre), soci::use(open), soci::use(monitoring),
       soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

std::vector<long long> CaseIdsOfPerson(Transaction& tx, const std::string& centre,
                                       long long person) {
  std::vector<long long> ids;
  long long id = 0;
  // Look-ups by subject (the person's own cases; their families' cases, from the person's current
  // and past memberships: CROSS JOIN keeps SQLite from starting at the centre's cases) instead of
  // one OR,
  // which SQLite answers by walking the whole centre.
  soci::statement st =
      (tx.sql().prepare << "SELECT id FROM cases WHERE person_id = :p AND centre_id = :c UNION "
                           "SELECT k.id FROM family_members m CROSS JOIN cases k WHERE "
                           "m.person_id = :p2 AND k.family_id = m.family_id AND k.centre_id = :c2 "
                           "UNION SELECT k.id FROM family_member_history h CROSS JOIN cases k "
                           "WHERE h.person_id = :p3 AND k.family_id = h.family_id AND "
                           "k.centre_id = :c3 ORDER BY id",
       soci::use(person), soci::use(centre), soci::use(person), soci::use(centre),
       soci::use(person), soci::use(centre), soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

}  // namespace assist::host
