#pragma once
// The rows of case_assignments (core migration 13): who was assigned to a case, in which role,
// from which day to which. Every statement is scoped by centre; the rules about who may be
// assigned and what a reassignment ends are the domain's (domain/assignments.hpp).
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

// A current assignment (to_on ''), with its row id for ending it.
struct CurrentAssignment {
  long long id = 0;
  std::string login;
  assist::v1::AssignmentRole role = assist::v1::ASSIGNMENT_ROLE_UNSPECIFIED;
  std::string from_on;
};

// The case's current assignments, by row id.
std::vector<CurrentAssignment> CurrentAssignmentsOfCase(Transaction& tx,
                                                        const std::string& centre_id,
                                                        long long case_id);

// Whether `login` holds a current assignment (any role) of the case.
bool HoldsCurrentAssignment(Transaction& tx, const std::string& centre_id, long long case_id,
                            const std::string& login);

// Every assignment of the case, in the order made, with the assistants' names from the register.
std::vector<assist::v1::CaseAssignment> AssignmentsOfCase(Transaction& tx,
                                                          const std::string& centre_id,
                                                          long long case_id);

struct NewAssignment {
  long long case_id = 0;
  std::string centre_id;
  std::string login;
  assist::v1::AssignmentRole role = assist::v1::ASSIGNMENT_ROLE_PRIMARY;
  std::string from_on;
  std::string assigned_by;
  std::string assigned_at;
};
// A second current primary of the case, or a second current assignment of the login, fails on
// the partial unique indexes (ALREADY_EXISTS).
void InsertAssignment(Transaction& tx, const NewAssignment& assignment);

// Ends the current assignment `id` of the centre with `to_on` as its last day.
void EndAssignmentRow(Transaction& tx, const std::string& centre_id, long long id,
                      const std::string& to_on, const std::string& ended_by,
                      const std::string& ended_at);

}  // namespace assist::host
