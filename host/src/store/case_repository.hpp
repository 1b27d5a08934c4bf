#pragma once
// The rows of the cases table: one case by id, the inserts and updates of the case steps, and the
// queries that list cases. Every read is scoped by centre; nothing here audits or decides who may
// see a case (domain/case_store.hpp does).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

// The case if it exists in `centre_id`.
std::optional<assist::v1::Case> FindCase(Transaction& tx, const std::string& centre_id,
                                         long long id);
// FindCase, with the row locked until the transaction ends (PostgreSQL; SQLite's BEGIN IMMEDIATE
// already serialises writers): for a step that changes the case.
std::optional<assist::v1::Case> FindCaseForUpdate(Transaction& tx, const std::string& centre_id,
                                                  long long id);

long long InsertCase(Transaction& tx, const assist::v1::Case& c);
// Writes the case's mutable columns, and now as updated_at.
void UpdateCaseRow(Transaction& tx, const assist::v1::Case& c);

// The open cases of the type whose subject is `subject_id`: a person's id when `person` is true,
// else a family's.
int CountOpenCasesOfSubject(Transaction& tx, const std::string& centre_id,
                            const std::string& type_id, bool person, long long subject_id);

// A page of the centre's cases in id order after `after_id`: at most `fetch` rows, with only the
// filters that are set ("" or 0: any).
struct CaseListFilter {
  long long after_id = 0;
  std::string type_id;
  int status = 0;
  std::string assistant_id;  // set: the cases they hold a current assignment of (any role)
  // Set: only cases whose next review was due before this date.
  std::string overdue_as_of;
  int fetch = 0;
};
std::vector<assist::v1::Case> ListCaseRows(Transaction& tx, const std::string& centre_id,
                                           const CaseListFilter& filter);

// Open cases with a next review due by `horizon`, in (next_review_due, id) order after the pair
// (after_due, after_id); at most `fetch` rows, held by `assistant_id` (a current assignment of
// any role) when it is set.
struct DueCaseFilter {
  std::string horizon;
  std::string assistant_id;
  std::string after_due;
  long long after_id = 0;
  int fetch = 0;
};
std::vector<assist::v1::Case> ListDueCaseRows(Transaction& tx, const std::string& centre_id,
                                              const DueCaseFilter& filter);

// The ids of up to `limit` of the centre's monitored cases whose last day of monitoring is before
// `today` (YYYY-MM-DD), by id.
std::vector<long long> LapsedMonitoringCaseIds(Transaction& tx, const std::string& centre,
                                               const std::string& today, std::size_t limit);

// The ids of the person's cases in the centre: their own and those of the families they belong or
// belonged to, in id order.
std::vector<long long> CaseIdsOfPerson(Transaction& tx, const std::string& centre,
                                       long long person);

// The ids of the family's cases in the centre that are open or monitored, in id order.
std::vector<long long> CaseIdsOfFamilyInProgress(Transaction& tx, const std::string& centre,
                                                 long long family);

// Columns and row reading shared with the list queries (and the benchmark's raw baseline).
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
