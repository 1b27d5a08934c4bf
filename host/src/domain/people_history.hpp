#pragma once
// People and families over time: a correction of a person (GDPR art. 16) and members who join, are
// born into or leave a family. The values before each change stay as history, and each change is
// audited with the names of the fields it changed. Another centre's person or family is NOT_FOUND.
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

assist::v1::Person UpdatePerson(Transaction& tx, const Identity& who,
                                const assist::v1::UpdatePersonRequest& request);
assist::v1::Family UpdateFamily(Transaction& tx, const Identity& who,
                                const assist::v1::UpdateFamilyRequest& request);

}  // namespace assist::host
