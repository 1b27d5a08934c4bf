// assist-host: serves the social assistance platform over gRPC with the plugins it finds.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "rpc/server.hpp"
#include "util/log.hpp"

int main(int argc, char** argv) {
  assist::host::BlockShutdownSignals();
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    bool run = true;
    auto config = assist::host::LoadConfig(args, run);
    if (!run) {
      std::fputs(assist::host::Usage().c_str(), stdout);
      return 0;
    }
    assist::host::Host host(config);
    return host.Serve();
  } catch (const assist::host::ConfigError& e) {
    assist::host::LogError(std::string("configuration: ") + e.what());
    return 2;
  } catch (const std::exception& e) {
    assist::host::LogError(std::string("cannot start: ") + e.what());
    return 1;
  }
}
