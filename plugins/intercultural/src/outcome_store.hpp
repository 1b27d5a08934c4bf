#pragma once
// The plugin's own table: one row per outcome indicator a closed case was rated on, so that
// centres can query outcome statistics with plain SQL.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/plugin.hpp>
#include <vector>

namespace assist::intercultural {

std::vector<sdk::Migration> OutcomeMigrations();

// Replaces the case's rows by the indicators of `outcome`. Never throws.
sdk::Status StoreOutcome(const v1::Outcome& outcome, const sdk::CaseContext& context,
                         sdk::DataSession& data);

}  // namespace assist::intercultural
