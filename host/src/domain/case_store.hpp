#pragma once
// The case as a caller may see it, and the write of a changed case with what changed, for the
// audit trail. The rows themselves are the store's (store/case_repository.hpp,
// store/document_repository.hpp); none of these functions audit (the operations do).
#include <string>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "store/case_repository.hpp"
#include "store/document_repository.hpp"

namespace assist::host {

// The case as `who` may see it: of their centre, and for an assistant only while they hold a
// current assignment of it (primary, co-assistant or substitute: domain/assignments.hpp).
// Anything else is NOT_FOUND, worded the same as a case that does not exist.
assist::v1::Case LoadVisibleCase(Transaction& tx, const Identity& who, long long id);
// LoadVisibleCase, with the row locked as FindCaseForUpdate locks it.
assist::v1::Case LoadVisibleCaseForUpdate(Transaction& tx, const Identity& who, long long id);

// Writes the case's mutable columns; returns what changed against the stored row, for the audit
// trail, as "changed: assistant_id, assigned_on" ("" when nothing did).
std::string UpdateCase(Transaction& tx, const assist::v1::Case& c);

}  // namespace assist::host
