#pragma once
// People and families a centre works with (people, families, family_members). Reads are scoped
// by centre where the caller names one; nothing here audits or decides who may see a person
// (domain/people.hpp does).
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

std::optional<assist::v1::Person> FindPerson(Transaction& tx, const std::string& centre_id,
                                             long long id);
// The family with its members, by person id.
std::optional<assist::v1::Family> FindFamily(Transaction& tx, const std::string& centre_id,
                                             long long id);
// Who a case is about, as consent needs them: its person, or its family's members by person id
// (people and family of `centre_id` only; `person_id` 0 for a family's case). One statement, where
// FindFamily and FindPerson per member would be a round trip each on PostgreSQL.
struct SubjectPerson {
  long long id = 0;
  std::string given_name, family_name, birth_date;
};
std::vector<SubjectPerson> PeopleOfSubject(Transaction& tx, const std::string& centre_id,
                                           long long person_id, long long family_id);
bool PersonExists(Transaction& tx, const std::string& centre_id, long long id);
bool FamilyExists(Transaction& tx, const std::string& centre_id, long long id);

// The person of the centre registered with this PESEL.
std::optional<long long> PersonWithPesel(Transaction& tx, const std::string& centre_id,
                                         const std::string& pesel);
// People of the centre with these names and birth date, both FULL (name_quality and
// birth_date_quality): at most ten, oldest first.
std::vector<long long> PeopleNamed(Transaction& tx, const std::string& centre_id,
                                   const std::string& family_name, const std::string& given_name,
                                   const std::string& birth_date);
// Returns the person's id; an empty PESEL is stored as NULL. The qualities are stored as given:
// the caller makes UNSPECIFIED FULL (the table refuses 0).
long long InsertPerson(Transaction& tx, const std::string& centre_id,
                       const assist::v1::CreatePersonRequest& request);
// Returns the family's id; its members are added with InsertFamilyMember.
long long InsertFamily(Transaction& tx, const std::string& centre_id, const std::string& name);
void InsertFamilyMember(Transaction& tx, long long family_id, long long person_id, int relation);

// The centre's cases `assistant_id` holds a current assignment of (any role) whose subject is the
// person (or a family of theirs), or the family.
int CountAssignedCasesOfPerson(Transaction& tx, const std::string& centre_id,
                               const std::string& assistant_id, long long person_id);
int CountAssignedCasesOfFamily(Transaction& tx, const std::string& centre_id,
                               const std::string& assistant_id, long long family_id);

// Names for a letter, by id (the ids come from a case row of the caller's centre).
struct PersonName {
  std::string given;
  std::string family;
};
PersonName NameOfPerson(Transaction& tx, long long id);
std::string NameOfFamily(Transaction& tx, long long id);
// The family's members in id order.
std::vector<PersonName> NamesOfFamilyMembers(Transaction& tx, long long family_id);

}  // namespace assist::host
