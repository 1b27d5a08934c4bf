#pragma once
// The admin listener (HostConfig.admin): plain HTTP/1.1 on its own port and thread, apart from
// the gRPC port, for the machines that watch the host:
//   /metrics  Prometheus text format (ops/metrics.hpp)
//   /livez    200 while the process answers at all
//   /readyz   200 when the database answers and plugins are loaded, else 503 with the reason
// Boost.Beast on one io_context thread; every exchange has a 5 s time limit, so a stuck scraper
// cannot hold it.
#include <functional>
#include <memory>
#include <string>

namespace assist::host {

// Why the host is not ready, or "" when it is.
using ReadinessProbe = std::function<std::string()>;

class AdminServer {
 public:
  // Listens on `listen` ("HOST:PORT", port 0: any) at once; throws std::runtime_error if it can't.
  AdminServer(const std::string& listen, ReadinessProbe readiness);
  ~AdminServer();  // stops accepting and joins the thread
  AdminServer(const AdminServer&) = delete;
  AdminServer& operator=(const AdminServer&) = delete;

  int port() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace assist::host
