#pragma once
// People and families a centre works with. Everything is scoped by the caller's centre: a person
// of another centre is NOT_FOUND.
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "store/people_repository.hpp"

namespace assist::host {

assist::v1::Person CreatePerson(Transaction& tx, const Identity& who,
                                const assist::v1::CreatePersonRequest& request);
assist::v1::Person GetPerson(Transaction& tx, const Identity& who, long long id);
assist::v1::Family CreateFamily(Transaction& tx, const Identity& who,
                                const assist::v1::CreateFamilyRequest& request);
assist::v1::Family GetFamily(Transaction& tx, const Identity& who, long long id);

// Without auditing, for operations that audit themselves; NOT_FOUND outside `centre_id`.
assist::v1::Person LoadPerson(Transaction& tx, const std::string& centre_id, long long id);
assist::v1::Family LoadFamily(Transaction& tx, const std::string& centre_id, long long id);

// PersonExists and FamilyExists (store/people_repository.hpp), without auditing, are for checks
// made by other operations (e.g. the subject of a new case).

}  // namespace assist::host
