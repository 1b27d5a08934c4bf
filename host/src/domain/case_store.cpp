#include "domain/case_store.hpp"

#include "domain/errors.hpp"
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

const char* DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kIntake:
      return "intake";
    case DocumentKind::kPlan:
      return "plan";
    case DocumentKind::kOutcome:
      return "outcome";
  }
  return "?";
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

assist::v1::Case VisibleOrNotFound(const Identity& who, long long id,
                                   const std::optional<assist::v1::Case>& found) {
  if (!found || (who.role == assist::v1::ROLE_ASSISTANT && found->assistant_id() != who.actor_id)) {
    ThrowNotFound("case", std::to_string(id));
  }
  return *found;
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

assist::v1::Case LoadVisibleCase(Transaction& tx, const Identity& who, long long id) {
  return VisibleOrNotFound(who, id, FindCase(tx, who.centre_id, id));
}

assist::v1::Case LoadVisibleCaseForUpdate(Transaction& tx, const Identity& who, long long id) {
  return VisibleOrNotFound(who, id, FindCaseForUpdate(tx, who.centre_id, id));
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

namespace {

std::string ChangedFields(const assist::v1::Case& before, const assist::v1::Case& after) {
  const auto* descriptor = assist::v1::Case::descriptor();
  const auto* reflection = assist::v1::Case::GetReflection();
  std::string changed;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const auto* field = descriptor->field(i);
    if (field->is_repeated() || field->name() == "updated_at") continue;
    const bool same =
        field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_STRING
            ? reflection->GetString(before, field) == reflection->GetString(after, field)
        : field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_ENUM
            ? reflection->GetEnumValue(before, field) == reflection->GetEnumValue(after, field)
        : field->cpp_type() == google::protobuf::FieldDescriptor::CPPTYPE_INT32
            ? reflection->GetInt32(before, field) == reflection->GetInt32(after, field)
            : reflection->GetInt64(before, field) == reflection->GetInt64(after, field);
    if (!same) changed += (changed.empty() ? "changed: " : ", ") + field->name();
  }
  return changed;
}

}  // namespace

std::string UpdateCase(Transaction& tx, const assist::v1::Case& c) {
  auto stored = FindCase(tx, c.centre_id(), c.id());
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
  return stored ? ChangedFields(*stored, c) : std::string();
}

void InsertDocument(Transaction& tx, long long case_id, DocumentKind kind, int version,
                    const std::string& type_name, const std::string& json, const std::string& by) {
  std::string kind_name = DocumentKindName(kind);
  std::string now = NowTimestamp();
  tx.sql() << "INSERT INTO case_documents (case_id, kind, version, type_name, payload_json, "
              "submitted_by, submitted_at) VALUES (:c, :k, :v, :t, :j, :b, :a)",
      soci::use(case_id), soci::use(kind_name), soci::use(version), soci::use(type_name),
      soci::use(json), soci::use(by), soci::use(now);
}

std::vector<StoredDocument> ListDocuments(Transaction& tx, long long case_id, DocumentKind kind) {
  std::vector<StoredDocument> documents;
  StoredDocument d;
  std::string kind_name = DocumentKindName(kind);
  soci::statement st =
      (tx.sql().prepare << "SELECT version, type_name, payload_json, submitted_by, submitted_at "
                           "FROM case_documents WHERE case_id = :c AND kind = :k ORDER BY version",
       soci::use(case_id), soci::use(kind_name), soci::into(d.version), soci::into(d.type_name),
       soci::into(d.json), soci::into(d.submitted_by), soci::into(d.submitted_at));
  st.execute();
  while (st.fetch()) documents.push_back(d);
  return documents;
}

std::optional<StoredDocument> FindDocument(Transaction& tx, long long case_id, DocumentKind kind,
                                           int version) {
  StoredDocument d;
  std::string kind_name = DocumentKindName(kind);
  // version 0 asks for the latest: the highest version number of that kind.
  const bool found =
      tx.Prepared(
            "SELECT version, type_name, payload_json, submitted_by, submitted_at "
            "FROM case_documents WHERE case_id = :c AND kind = :k AND (version = :v OR "
            "(:v2 = 0 AND version = (SELECT MAX(version) FROM case_documents WHERE "
            "case_id = :c2 AND kind = :k2)))")
          .Bind(soci::use(case_id), soci::use(kind_name), soci::use(version), soci::use(version),
                soci::use(case_id), soci::use(kind_name), soci::into(d.version),
                soci::into(d.type_name), soci::into(d.json), soci::into(d.submitted_by),
                soci::into(d.submitted_at))
          .Execute();
  if (!found) return std::nullopt;
  return d;
}

}  // namespace assist::host
