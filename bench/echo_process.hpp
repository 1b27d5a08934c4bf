#pragma once
// The echo server (bench_echo_server) as a child process of the load generator: started with
// the responses captured from the host, stopped with SIGTERM when this goes away.
#include <sys/types.h>

#include <string>
#include <vector>

namespace assist::bench {

class EchoProcess {
 public:
  // Runs `program` with `args` and waits (up to 30 s) for its "listening on" line; throws when it
  // exits or does not say where it listens.
  EchoProcess(const std::string& program, const std::vector<std::string>& args);
  ~EchoProcess();
  EchoProcess(const EchoProcess&) = delete;
  EchoProcess& operator=(const EchoProcess&) = delete;

  const std::string& address() const { return address_; }

 private:
  pid_t pid_ = -1;
  std::string address_;
};

}  // namespace assist::bench
