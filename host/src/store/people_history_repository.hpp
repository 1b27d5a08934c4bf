#pragma once
// People and families over time (person_history, family_member_history, family_name_history):
// the rows an UpdatePerson or UpdateFamily changes and the history they leave. Nothing here checks
// a rule, audits or decides who may see a person (domain/people_history.hpp does).
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

// Writes the person's names, birth date, PESEL (empty: NULL), file number and the qualities of
// the name and birth date; the centre is part of the key.
void UpdatePersonRow(Transaction& tx, const assist::v1::Person& person);
void InsertPersonChange(Transaction& tx, long long person_id, const assist::v1::PersonChange& old);
// Oldest first.
std::vector<assist::v1::PersonChange> PersonHistory(Transaction& tx, long long person_id);

// Returns whether the person was a member (false: someone else removed them first).
bool DeleteFamilyMember(Transaction& tx, long long family_id, long long person_id);
void InsertFamilyMemberChange(Transaction& tx, long long family_id,
                              const assist::v1::FamilyMemberChange& change);
// In the order recorded.
std::vector<assist::v1::FamilyMemberChange> FamilyHistory(Transaction& tx, long long family_id);

// Keeps `former` (the name until now, when and by whom it changed) and names the family anew.
void RenameFamily(Transaction& tx, long long family_id, const assist::v1::FamilyRename& former,
                  const std::string& new_name);
// Oldest first.
std::vector<assist::v1::FamilyRename> FormerFamilyNames(Transaction& tx, long long family_id);

}  // namespace assist::host
