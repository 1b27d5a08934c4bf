#pragma once
// The contacts recorded on a case (contacts). The plugin's details are stored as their type name
// and JSON; reading them back as a message is the domain's. Nothing here audits.
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

// A stored contact: `contact` without its details, which are `details_type` ("" for none) and
// `details_json`.
struct StoredContact {
  assist::v1::Contact contact;
  std::string details_type;
  std::string details_json;
};

// Returns the contact's id.
long long InsertContactRow(Transaction& tx, const assist::v1::Contact& contact,
                           const std::string& details_type, const std::string& details_json);
// The case's contacts in id order after `after_id`, at most `fetch`.
std::vector<StoredContact> ListContactRows(Transaction& tx, long long case_id, long long after_id,
                                           int fetch);
// Every contact of the case in the order of the day they happened (a document's record): date,
// kind, duration, notes and details only.
std::vector<StoredContact> ContactsByDate(Transaction& tx, long long case_id);

}  // namespace assist::host
