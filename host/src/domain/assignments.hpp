#pragma once
// The assignment history of a case (core migration 13): the primary assistant, co-assistants and
// substitutes, each from a first to a last day. What an assistant sees follows their current
// assignments (domain/case_store.hpp); the caseloads count current primary and co-assistant
// assignments (store/staff_repository.hpp); the statistics count every assistant with an
// assignment in the period (store/statistics_repository.hpp).
#include <assist/plugin/date.hpp>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

// The role an AssignAssistant request asks for (a valid one): UNSPECIFIED is PRIMARY, so that the
// callers from before the history keep assigning the primary assistant.
assist::v1::AssignmentRole RequestedRole(assist::v1::AssignmentRole role);

// Records `login` as `role` of the case from `from`, after the checks (nothing is written when
// one fails):
// - a new primary ends the current primary's assignment on the day before `from` (on `from`
//   itself when it began that day: a same-day correction), and `from` must not be before that
//   assignment began (INVALID_ARGUMENT on `field`); a co-assistant or substitute assignment of
//   the new primary to the same case ends the same way (a promotion);
// - a co-assistant or substitute needs a current primary (FAILED_PRECONDITION
//   NO_PRIMARY_ASSISTANT);
// - an assistant already holding a current assignment of the case in the role asked, or holding
//   one while being added as co-assistant or substitute, is FAILED_PRECONDITION ALREADY_ASSIGNED.
// Returns the audit detail, e.g. "assistant asia; ended: primary ola to 2025-03-31".
std::string RecordAssignment(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                             const std::string& login, assist::v1::AssignmentRole role,
                             const sdk::Date& from, const std::string& field);

// Ends `login`'s current co-assistant or substitute assignment of the case with `last_day` as its
// last day: NOT_FOUND when they hold none, FAILED_PRECONDITION PRIMARY_ENDS_BY_REASSIGNMENT for
// the primary, INVALID_ARGUMENT on `field` when `last_day` is before the assignment began.
// Returns the audit detail.
std::string EndAssignmentOf(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                            const std::string& login, const sdk::Date& last_day,
                            const std::string& field);

}  // namespace assist::host
