#pragma once
// What Sopot holds in the tenancy tests, created through the API by Sopot's own staff: the Nowak
// family's active case (intake, plan, a contact, a review), a closed case, a closed and
// monitored case, a case closed in 2010 (due for anonymisation), and a person in no case.
#include <cstdint>
#include <string>
#include <vector>

#include "client.hpp"
#include "leak_check.hpp"

namespace assist::it {

inline constexpr std::string_view kSopotContactNotes = "Sopot note: rent arrears paid off";

struct SopotRecords {
  std::int64_t active_case = 0;     // open, assigned to Sopot().assistant
  std::int64_t closed_case = 0;     // closed with an outcome
  std::int64_t monitored_case = 0;  // closed, monitoring
  std::int64_t expired_case = 0;    // closed in 2010: past the retention period
  std::int64_t anna_id = 0;         // Anna Nowak, of the active case's family
  std::int64_t family_id = 0;       // the active case's family
  std::int64_t lone_person_id = 0;  // in no case
  Secrets secrets;                  // all the ids above and more, and the texts
};

void CreateSopotRecords(Client& client, SopotRecords* records);

// The four cases.
std::vector<std::int64_t> SopotCases(const SopotRecords& records);

// Everything Sopot's head reads about the records and the centre, as one text: equal before and
// after means nothing changed.
void SnapshotSopot(Client& client, const SopotRecords& records, std::string* snapshot);

}  // namespace assist::it
