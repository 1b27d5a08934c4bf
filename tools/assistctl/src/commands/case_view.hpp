#pragma once
// How cases are shown to people: table rows, the fields of one case, its payloads.
#include <ostream>
#include <string>

#include "assist/v1/cases.pb.h"
#include "output.hpp"

namespace assistctl {

// "person 12" or "family 3".
std::string SubjectWords(const assist::v1::Case& c);

Table CaseTable();
void AddCaseRow(Table& table, const assist::v1::Case& c);

// The case's fields, its warnings, then its current intake, plan and outcome as JSON.
void PrintCaseDetail(std::ostream& out, const assist::v1::CaseDetail& detail);

}  // namespace assistctl
