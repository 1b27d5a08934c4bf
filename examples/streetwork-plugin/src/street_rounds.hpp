#pragma once
// The plugin's own table: one row per street round recorded with details, so that a centre can
// see with plain SQL where its streetworkers go and how often they find someone there.
//   streetwork_rounds (case_id, round_on, place_kind, person_met, needs_met)
#include <assist/streetwork/v1/streetwork.pb.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/plugin.hpp>
#include <vector>

namespace assist::streetwork {

std::vector<sdk::Migration> StreetRoundMigrations();

// Inside the transaction of the RecordContact step: a failure rolls the whole step back. Throws
// soci::soci_error on a database error; OnAccepted turns it into Status::Internal.
sdk::Status RecordStreetRound(const v1::Contact& contact, const sdk::CaseContext& context,
                              sdk::DataSession& data);

}  // namespace assist::streetwork
