#pragma once
// The subject of a transferred case, registered at the receiving centre (people are per centre):
// the person, or a new family with its current members. A person the receiving centre already
// has with the same PESEL is reused; anyone else is registered anew with their names, birth date
// and PESEL (not the sending centre's file number, which is that centre's). Nothing here audits:
// AcceptTransfer names what it registered in its own row.
#include <string>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

struct RegisteredSubject {
  bool of_person = false;
  long long id = 0;    // the person's or the family's id at the receiving centre
  std::string detail;  // "family 12 (people 40, 41 registered; 7 reused)", for the audit row
};

// `origin` is the sending centre's case; its subject is registered at `centre_id`.
RegisteredSubject RegisterSubject(Transaction& tx, const assist::v1::Case& origin,
                                  const std::string& centre_id);

}  // namespace assist::host
