#pragma once
// outreach_contacts: street outreach contacts recorded before a case exists, their link to a case
// and their deletion once the short retention of unlinked contacts has passed. Which contacts a
// caller may record, see or link is the domain's (domain/outreach.hpp).
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

// Inserts `contact` (its id, case and person ignored) and returns its id.
long long InsertOutreachContact(Transaction& tx, const assist::v1::OutreachContact& contact);

struct OutreachFilter {
  std::string type_id;  // empty: any
  bool unlinked_only = false;
};
// The centre's contacts with ids above `after_id`, by id, at most `fetch`; linked ones carry
// their case's person.
std::vector<assist::v1::OutreachContact> ListOutreachContactRows(Transaction& tx,
                                                                 const std::string& centre_id,
                                                                 const OutreachFilter& filter,
                                                                 long long after_id, int fetch);
// The centre's contact, locked for the link on PostgreSQL; nullopt when the centre has none.
std::optional<assist::v1::OutreachContact> FindOutreachContactForUpdate(
    Transaction& tx, const std::string& centre_id, long long id);
// Links the contact to the case and ends its retention; false when it was linked already.
bool LinkOutreachContactRow(Transaction& tx, long long id, long long case_id);
// The contacts linked to the case, by id (exports).
std::vector<assist::v1::OutreachContact> OutreachContactsOfCase(Transaction& tx, long long case_id);
// Deletes the centre's unlinked contacts kept until before `today`; returns how many.
long long DeleteExpiredOutreachContacts(Transaction& tx, const std::string& centre_id,
                                        const std::string& today);

}  // namespace assist::host
