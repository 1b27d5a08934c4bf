#pragma once
// The command groups of assistctl, each adding its subcommands to the top-level app.
#include <CLI/CLI.hpp>

#include "session.hpp"

namespace assistctl {

void AddCentreCommands(CLI::App& app, Session& session);  // centres create|list|show
void AddTypeCommands(CLI::App& app, Session& session);    // types list|describe|enable|disable
void AddCaseCommands(CLI::App& app, Session& session);    // cases list|show|due and:
void AddCaseDecisionCommands(CLI::App& cases, Session& session);  // assign|end-assignment|
                                                                  // approve-plan
void AddStatisticsCommand(CLI::App& app, Session& session);       // statistics
void AddAuditCommands(CLI::App& app, Session& session);           // audit list|export
void AddHealthCommand(CLI::App& app, Session& session);           // health
void AddConfigCommand(CLI::App& app, Session& session);           // config

}  // namespace assistctl
