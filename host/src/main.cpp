// assist-host: serves the social assistance platform over gRPC with the plugins it finds.
// Exit codes: 0 stopped on SIGTERM/SIGINT (or --help, --version, a passing --check-config, a
// backup written), 1 could not start or serve (or back up), 2 the configuration or a file it
// names is wrong.
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/preflight.hpp"
#include "db/sqlite_backup.hpp"
#include "rpc/server.hpp"
#include "util/log.hpp"

namespace {

int Backup(const assist::host::Invocation& invocation) {
  const auto started = std::chrono::steady_clock::now();
  assist::host::BackupReport report;
  try {
    report =
        assist::host::BackupSqlite(invocation.config.database().connection(), invocation.backup_to);
  } catch (const std::exception& e) {
    assist::host::LogError(std::string("backup failed: ") + e.what());
    return 1;
  }
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  std::printf("backup: %s written (%lld pages, %lld bytes, integrity ok) in %lld ms\n",
              invocation.backup_to.c_str(), static_cast<long long>(report.pages),
              static_cast<long long>(report.bytes), static_cast<long long>(took.count()));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace assist::host;
  // The database and its journal hold special-category personal data: files the host creates
  // are its own alone, whatever umask it was started with.
  umask(0077);
  BlockHostSignals();
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    const Invocation invocation = ParseCommandLine(args);
    ConfigureLogging(
        ParseLogSettings(invocation.config.log().format(), invocation.config.log().level()));
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
      case HostCommand::kBackup:
        return Backup(invocation);
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
