#pragma once
// The data-protection queries over everything a centre holds about a case and its subjects: the
// rows an access request exports (GDPR art. 15) and the statements that anonymise a case once its
// retention period has passed. Which cases are due and what is audited is the domain's
// (domain/data_rights.hpp).
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/database.hpp"

namespace assist::host {

// Rows as text, one string per selected column.
using TextRows = std::vector<std::vector<std::string>>;
// The case's rows of each table, in the column order the domain names them:
// kind, version, type, payload, submitted_by, submitted_at.
TextRows ExportCaseDocuments(Transaction& tx, long long case_id);
// person_id ("" for a decision of the whole case from before consent per person), decision,
// given_by, given_by_name, decided_on, note, recorded_by, recorded_at.
TextRows ExportConsentDecisions(Transaction& tx, long long case_id);
// contact_on, kind, duration_minutes, place, notes, details, recorded_by.
TextRows ExportContacts(Transaction& tx, long long case_id);
// reviewed_on, review, next_review_due, recorded_by.
TextRows ExportReviews(Transaction& tx, long long case_id);

// The ids of the families the person belongs to or has belonged to (a member who left is in the
// families' history).
std::vector<long long> FamilyIdsOfPerson(Transaction& tx, long long person_id);

// A case due for retention and its subject (exactly one of the two is set).
struct DueCase {
  long long id = 0;
  std::optional<long long> person_id;
  std::optional<long long> family_id;
};
// The centre's closed cases not anonymised yet whose work ended before `cutoff` (closure and the
// end of monitoring both). `limit` > 0: at most that many, in the order of the index (core
// migration 5) rather than by id, so that a batch reads only its own rows instead of sorting
// everything due; 0: all of them, by id.
std::vector<DueCase> DueCases(Transaction& tx, const std::string& centre, const std::string& cutoff,
                              std::size_t limit);

// The statements that anonymise one case's rows, prepared once for a batch of cases.
class CaseAnonymiser {
 public:
  // `now`: the anonymised_at of every case of the batch.
  CaseAnonymiser(Transaction& tx, const std::string& now);
  // Claims the case and blanks its free text and payloads (outcomes are kept, for statistics);
  // false, with nothing written, when the case is anonymised already (by another transaction).
  bool Anonymise(long long case_id);

 private:
  std::string now_;
  long long case_id_ = 0;
  soci::statement claim_;
  soci::statement documents_;
  soci::statement contacts_;
  soci::statement reviews_;
  soci::statement consent_;
  soci::statement outreach_;  // street outreach contacts linked to the case
};

// The people who are or were members of any of `families`.
std::set<long long> MembersOfFamilies(Transaction& tx, const std::set<long long>& families);
// Anonymises each of the centre's `people` who is not anonymised yet and has no case (of their
// own or of a family they belong or belonged to) that is still kept. A birth date is cut to its
// year (then APPROXIMATE); an unknown one stays empty (UNKNOWN).
void ForgetPeopleWithoutKeptCases(Transaction& tx, const std::string& centre_id,
                                  const std::set<long long>& people);
// Anonymises each of the centre's `families` not anonymised yet that has no case still kept.
void ForgetFamiliesWithoutKeptCases(Transaction& tx, const std::string& centre_id,
                                    const std::set<long long>& families);

}  // namespace assist::host
