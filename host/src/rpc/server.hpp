#pragma once
// Start-up and life of the host: database and migrations, plugins, bootstrap centres, the gRPC
// server with health and reflection; serves until SIGTERM/SIGINT, then shuts down gracefully.
#include <memory>

#include "assist/host/v1/config.pb.h"

namespace grpc {
class Server;
}

namespace assist::host {

class Host {
 public:
  explicit Host(const assist::host::v1::HostConfig& config);
  ~Host();

  // Blocks until SIGTERM or SIGINT (which the caller must have blocked in every thread, see
  // BlockHostSignals); SIGHUP is logged and ignored. Returns the process exit code.
  int Serve();

  // The gRPC server with health checks, reflection and the three services, started on the
  // configured address (its port in `port`); nullptr when it cannot listen there. Serve() uses it;
  // so does the request fuzzer, through the server's in-process channel.
  std::unique_ptr<grpc::Server> StartServer(int* port);

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// Call first thing in main(), before any thread exists, so SIGTERM, SIGINT and SIGHUP reach
// sigwait in Serve() instead of killing the process.
void BlockHostSignals();

}  // namespace assist::host
