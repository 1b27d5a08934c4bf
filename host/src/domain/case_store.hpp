#pragma once
// Rows of the cases table and the documents (intake, plan, outcome versions) attached to a case.
// Every read is scoped by centre; none of these functions audit (the operations do).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
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

// The case if it exists in `centre_id`.
std::optional<assist::v1::Case> FindCase(Transaction& tx, const std::string& centre_id,
                                         long long id);
// FindCase, with the row locked until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE
// already serialises writers): for a step that changes the case.
std::optional<assist::v1::Case> FindCaseForUpdate(Transaction& tx, const std::string& centre_id,
                                                  long long id);

// The case as `who` may see it: of their centre, and for an assistant only when assigned to
// them. Anything else is NOT_FOUND, worded the same as a case that does not exist.
assist::v1::Case LoadVisibleCase(Transaction& tx, const Identity& who, long long id);
// LoadVisibleCase, with the row locked as FindCaseForUpdate locks it.
assist::v1::Case LoadVisibleCaseForUpdate(Transaction& tx, const Identity& who, long long id);

long long InsertCase(Transaction& tx, const assist::v1::Case& c);
// Writes the case's mutable columns; returns what changed against the stored row, for the audit
// trail, as "changed: assistant_id, assigned_on" ("" when nothing did).
std::string UpdateCase(Transaction& tx, const assist::v1::Case& c);

void InsertDocument(Transaction& tx, long long case_id, DocumentKind kind, int version,
                    const std::string& type_name, const std::string& json, const std::string& by);
// version 0: the latest.
std::optional<StoredDocument> FindDocument(Transaction& tx, long long case_id, DocumentKind kind,
                                           int version);
std::vector<StoredDocument> ListDocuments(Transaction& tx, long long case_id, DocumentKind kind);

// Columns and row reading shared with the list queries.
extern const char* const kCaseColumns;
struct CaseRow;
class CaseRowReader {
 public:
  CaseRowReader();
  ~CaseRowReader();
  // Binds the row's columns as the statement's into-elements, in kCaseColumns order.
  void Bind(soci::statement& st);
  assist::v1::Case Get() const;

 private:
  std::unique_ptr<CaseRow> row_;
};

}  // namespace assist::host
