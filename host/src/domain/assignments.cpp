#include "domain/assignments.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "store/assignment_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using assist::v1::AssignmentRole;

std::string RoleName(AssignmentRole role) {
  switch (role) {
    case assist::v1::ASSIGNMENT_ROLE_CO_ASSISTANT:
      return "co-assistant";
    case assist::v1::ASSIGNMENT_ROLE_SUBSTITUTE:
      return "substitute";
    default:
      return "primary";
  }
}

std::string Subject(const assist::v1::Case& c) { return "cases/" + std::to_string(c.id()); }

// The last day of an assignment that a new one starting on `from` replaces: the day before, or
// the day it began when that is `from` itself.
std::string LastDayBefore(const std::string& began_on, const sdk::Date& from) {
  return std::max(began_on, sdk::FormatDate(sdk::AddDays(from, -1)));
}

}  // namespace

AssignmentRole RequestedRole(AssignmentRole role) {
  return role == assist::v1::ASSIGNMENT_ROLE_UNSPECIFIED ? assist::v1::ASSIGNMENT_ROLE_PRIMARY
                                                         : role;
}

std::string RecordAssignment(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                             const std::string& login, AssignmentRole role, const sdk::Date& from,
                             const std::string& field) {
  const std::string from_on = sdk::FormatDate(from);
  const bool primary = role == assist::v1::ASSIGNMENT_ROLE_PRIMARY;
  std::vector<CurrentAssignment> ending;
  bool has_primary = false;
  for (const CurrentAssignment& a : CurrentAssignmentsOfCase(tx, c.centre_id(), c.id())) {
    const bool is_primary = a.role == assist::v1::ASSIGNMENT_ROLE_PRIMARY;
    has_primary = has_primary || is_primary;
    if (a.login == login && (!primary || is_primary)) {
      ThrowPreconditionInfo(
          "ALREADY_ASSIGNED", Subject(c),
          "assistant " + login + " is already the case's current " + RoleName(a.role) +
              " (EndAssignment ends it)",
          {{"assistant_id", login}, {"role", assist::v1::AssignmentRole_Name(a.role)}});
    }
    if (!primary || (!is_primary && a.login != login)) continue;
    if (from_on < a.from_on) {
      ThrowInvalid(field,
                   "must not be before " + a.from_on + ", when the current " + RoleName(a.role) +
                       " assignment of " + a.login + " began",
                   "nie może być wcześniejsza niż " + a.from_on + ", początek obecnego " +
                       "przydziału " + a.login);
    }
    ending.push_back(a);
  }
  if (!primary && !has_primary) {
    ThrowPreconditionInfo("NO_PRIMARY_ASSISTANT", Subject(c),
                          "a " + RoleName(role) +
                              " is assigned beside the case's primary assistant, and the case "
                              "has none yet (AssignAssistant with role PRIMARY)",
                          {{"assistant_id", login}});
  }
  const std::string now = NowTimestamp();
  std::string ended;
  for (const CurrentAssignment& a : ending) {
    const std::string last_day = LastDayBefore(a.from_on, from);
    EndAssignmentRow(tx, c.centre_id(), a.id, last_day, who.actor_id, now);
    ended +=
        (ended.empty() ? "; ended: " : ", ") + RoleName(a.role) + " " + a.login + " to " + last_day;
  }
  InsertAssignment(tx, {c.id(), c.centre_id(), login, role, from_on, who.actor_id, now});
  return (primary ? std::string("assistant ") : RoleName(role) + " ") + login + ended;
}

std::string EndAssignmentOf(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                            const std::string& login, const sdk::Date& last_day,
                            const std::string& field) {
  const std::string to_on = sdk::FormatDate(last_day);
  for (const CurrentAssignment& a : CurrentAssignmentsOfCase(tx, c.centre_id(), c.id())) {
    if (a.login != login) continue;
    if (a.role == assist::v1::ASSIGNMENT_ROLE_PRIMARY) {
      ThrowPreconditionInfo("PRIMARY_ENDS_BY_REASSIGNMENT", Subject(c),
                            "the primary assistant's assignment ends when another primary is "
                            "assigned (AssignAssistant)",
                            {{"assistant_id", login}});
    }
    if (to_on < a.from_on) {
      ThrowInvalid(field, "must not be before " + a.from_on + ", when the assignment began",
                   "nie może być wcześniejsza niż " + a.from_on + ", początek przydziału");
    }
    EndAssignmentRow(tx, c.centre_id(), a.id, to_on, who.actor_id, NowTimestamp());
    return RoleName(a.role) + " " + login + " to " + to_on;
  }
  ThrowNotFound("current assignment", login + " to case " + std::to_string(c.id()));
}

}  // namespace assist::host
