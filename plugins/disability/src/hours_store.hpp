#pragma once
// The plugin's own table: the support hours delivered at each contact, so that a centre can
// account for hours per person and year (and report them to the programme) with plain SQL.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/plugin.hpp>
#include <vector>

namespace assist::disability {

std::vector<sdk::Migration> HoursMigrations();

// Adds one row for the accepted contact, dated on the contact day; refuses it (HOURS_LIMIT, with
// the hours left) when the year's hours would pass the participant's limit. Never throws.
sdk::Status StoreHoursDelivered(const v1::Contact& contact, const sdk::CaseContext& context,
                                sdk::DataSession& data);

}  // namespace assist::disability
