#include "app.hpp"

#include "commands/commands.hpp"
#include "exit_codes.hpp"
#include "failure.hpp"
#include "session.hpp"

namespace assistctl {

int RunAssistctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                 const std::function<const char*(const char*)>& getenv) {
  Session session(out, getenv);
  CLI::App app(
      "assistctl: administer an assist-host and look at its cases over its gRPC API.\n"
      "Exit codes: 0 ok, 1 other failure, 2 usage, 3 unauthenticated or not allowed,\n"
      "4 not found, 5 invalid argument or failed precondition, 6 unavailable (retry).",
      "assistctl");
  app.set_version_flag("--version", ASSISTCTL_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the command: `assistctl cases list --json`
  session.AddGlobalOptions(app);
  AddCentreCommands(app, session);
  AddTypeCommands(app, session);
  AddCaseCommands(app, session);
  AddStatisticsCommand(app, session);
  AddAuditCommands(app, session);
  AddHealthCommand(app, session);
  AddConfigCommand(app, session);
  const std::string footer =
      "Connection options, --json and --lang go before or after the command (assistctl --help).";
  for (CLI::App* group : app.get_subcommands({})) {
    group->footer(footer);
    for (CLI::App* command : group->get_subcommands({})) command->footer(footer);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    app.exit(e, out, err);
    return e.get_exit_code() == 0 ? 0 : static_cast<int>(ExitCode::kUsage);
  } catch (const Failure& e) {
    out.flush();
    err << "assistctl: " << e.what() << "\n";
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    out.flush();
    err << "assistctl: " << e.what() << "\n";
    return static_cast<int>(ExitCode::kOther);
  }
  out.flush();
  if (!out) {
    err << "assistctl: writing the output failed\n";
    return static_cast<int>(ExitCode::kOther);
  }
  return 0;
}

}  // namespace assistctl
