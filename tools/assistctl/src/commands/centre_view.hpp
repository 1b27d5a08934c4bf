#pragma once
// How a centre is shown to people: one line of a table, or its fields.
#include <ostream>

#include "assist/v1/platform.pb.h"
#include "output.hpp"

namespace assistctl {

Table CentreTable();
void AddCentreRow(Table& table, const assist::v1::Centre& centre);
void PrintCentre(std::ostream& out, const assist::v1::Centre& centre);

}  // namespace assistctl
