#pragma once
// The plugin's own tables, so that centres can report returns to homelessness and housing at exit
// with plain SQL:
//   homelessness_monitoring_checks  one row per return-to-homelessness check during monitoring;
//   homelessness_exits              the housing status at exit, one row per closed case.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <assist/plugin/data.hpp>
#include <assist/plugin/plugin.hpp>
#include <vector>

namespace assist::homelessness {

std::vector<sdk::Migration> StoreMigrations();

// Appends the check a monitoring contact carries, dated on the contact day. Never throws.
sdk::Status StoreMonitoringCheck(const v1::Contact& contact, const sdk::CaseContext& context,
                                 sdk::DataSession& data);

// Replaces the case's exit row by the housing status of `outcome`. Never throws.
sdk::Status StoreExit(const v1::Outcome& outcome, const sdk::CaseContext& context,
                      sdk::DataSession& data);

}  // namespace assist::homelessness
