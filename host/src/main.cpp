// assist-host: serves the social assistance platform over gRPC with the plugins it finds.
// Exit codes: 0 stopped on SIGTERM/SIGINT (or --help, --version, a passing --check-config),
// 1 could not start or serve, 2 the configuration or a file it names is wrong.
#include <sys/stat.h>

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/preflight.hpp"
#include "rpc/server.hpp"
#include "util/log.hpp"

int main(int argc, char** argv) {
  using namespace assist::host;
  // The database and its journal hold special-category personal data: files the host creates
  // are its own alone, whatever umask it was started with.
  umask(0077);
  BlockHostSignals();
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    const Invocation invocation = ParseCommandLine(args);
    switch (invocation.command) {
      case HostCommand::kHelp:
        std::fputs(Usage().c_str(), stdout);
        return 0;
      case HostCommand::kVersion:
        std::fputs(VersionText().c_str(), stdout);
        return 0;
      case HostCommand::kCheckConfig:
        CheckConfigOffline(invocation.config, std::cout);
        return 0;
      case HostCommand::kServe:
        break;
    }
    CheckConfiguredFiles(invocation.config);  // before the database is touched
    Host host(invocation.config);
    return host.Serve();
  } catch (const ConfigError& e) {
    LogError(std::string("configuration: ") + e.what());
    return 2;
  } catch (const std::exception& e) {
    LogError(std::string("cannot start: ") + e.what());
    return 1;
  }
}
