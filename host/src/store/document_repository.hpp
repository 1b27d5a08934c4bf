#pragma once
// The documents attached to a case (the versions of its intake, plan and outcome), in the
// case_documents table. Nothing here audits.
#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace assist::host {

enum class DocumentKind { kIntake, kPlan, kOutcome };
const char* DocumentKindName(DocumentKind kind);

struct StoredDocument {
  int version = 0;
  std::string type_name;
  std::string json;
  std::string submitted_by;
  std::string submitted_at;
};

void InsertDocument(Transaction& tx, long long case_id, DocumentKind kind, int version,
                    const std::string& type_name, const std::string& json, const std::string& by);
// version 0: the latest.
std::optional<StoredDocument> FindDocument(Transaction& tx, long long case_id, DocumentKind kind,
                                           int version);
// The latest version of each kind the case has, in one statement (GetCase shows all three).
struct LatestDocuments {
  std::optional<StoredDocument> intake, plan, outcome;
};
LatestDocuments FindLatestDocuments(Transaction& tx, long long case_id);
std::vector<StoredDocument> ListDocuments(Transaction& tx, long long case_id, DocumentKind kind);

}  // namespace assist::host
