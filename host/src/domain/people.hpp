#pragma once
// People and families a centre works with. Everything is scoped by the caller's centre: a person
// of another centre is NOT_FOUND.
#include <assist/plugin/validation.hpp>
#include <optional>
#include <string>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "store/people_repository.hpp"

namespace assist::host {

assist::v1::Person CreatePerson(Transaction& tx, const Identity& who,
                                const assist::v1::CreatePersonRequest& request);
// GetPerson (and CreatePerson, UpdatePerson) warn INCOMPLETE_IDENTITY while the person's name or
// birth date is not FULL.
assist::v1::Person GetPerson(Transaction& tx, const Identity& who, long long id);
assist::v1::Family CreateFamily(Transaction& tx, const Identity& who,
                                const assist::v1::CreateFamilyRequest& request);
assist::v1::Family GetFamily(Transaction& tx, const Identity& who, long long id);

// Without auditing, for operations that audit themselves; NOT_FOUND outside `centre_id`.
assist::v1::Person LoadPerson(Transaction& tx, const std::string& centre_id, long long id);
assist::v1::Family LoadFamily(Transaction& tx, const std::string& centre_id, long long id);
// What a loaded person or family was before: a person's corrections; a family's members who
// joined, were born or left and its former names.
void AddPersonHistory(Transaction& tx, assist::v1::Person& person);
void AddFamilyHistory(Transaction& tx, assist::v1::Family& family);

// The rules of a person's fields, for CreatePerson and UpdatePerson: the names and birth date
// their qualities require (domain/person_identity.hpp), PESEL (check digit, the birth date it
// holds, which must be a FULL one) and file number. Returns the birth date when it is one.
std::optional<sdk::Date> CheckPersonFields(const assist::v1::Person& person, sdk::Violations& v);
// ALREADY_EXISTS (reason PERSON_EXISTS, metadata person_id) when another person of the centre
// has this PESEL; an empty one is nobody's.
void RefuseTakenPesel(Transaction& tx, const std::string& centre_id, const std::string& pesel);

// PersonExists and FamilyExists (store/people_repository.hpp), without auditing, are for checks
// made by other operations (e.g. the subject of a new case).

}  // namespace assist::host
