#include "store/document_repository.hpp"

#include "util/clock.hpp"

namespace assist::host {

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

LatestDocuments FindLatestDocuments(Transaction& tx, long long case_id) {
  StoredDocument d;
  std::string kind;
  auto st = tx.Prepared(
      "SELECT kind, version, type_name, payload_json, submitted_by, submitted_at FROM "
      "case_documents d WHERE case_id = :c AND version = (SELECT MAX(version) FROM case_documents "
      "WHERE case_id = :c2 AND kind = d.kind)");
  st.Bind(soci::use(case_id), soci::use(case_id), soci::into(kind), soci::into(d.version),
          soci::into(d.type_name), soci::into(d.json), soci::into(d.submitted_by),
          soci::into(d.submitted_at));
  LatestDocuments latest;
  for (bool more = st.Execute(); more; more = st.Fetch()) {
    if (kind == DocumentKindName(DocumentKind::kIntake)) {
      latest.intake = d;
    } else if (kind == DocumentKindName(DocumentKind::kPlan)) {
      latest.plan = d;
    } else if (kind == DocumentKindName(DocumentKind::kOutcome)) {
      latest.outcome = d;
    }
  }
  return latest;
}

}  // namespace assist::host
