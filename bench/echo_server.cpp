// bench_echo_server: the host's gRPC server without the host. It serves the generated CaseService
// with the server options of a host configuration (listening flags, message size, connection
// bounds, executor threads and queue, request parsing, health service), answering GetCase and
// RecordContact with responses captured from a real host (bench/limits_load.cpp captures them),
// so that a load run can tell what gRPC itself costs on this machine.
//
//   bench_echo_server --config deploy/config/dev.textproto --get-case FILE --record-contact FILE
//                     [--listen 127.0.0.1:0]
//
// Prints "bench_echo_server: listening on ADDRESS" once it serves; stops on SIGTERM or SIGINT.
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "config/config.hpp"
#include "echo_service.hpp"
#include "rpc/parsed_requests.hpp"

namespace {

using namespace assist;

template <typename Message>
Message ReadMessage(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  Message message;
  if (!in || !message.ParseFromString(bytes.str())) {
    throw std::runtime_error("cannot read a " + Message::descriptor()->full_name() + " from " +
                             path);
  }
  return message;
}

int Serve(const std::map<std::string, std::string>& flags) {
  const host::v1::HostConfig config =
      host::ParseCommandLine({"--config", flags.at("--config"), "--listen", flags.at("--listen")})
          .config;
  auto executor =
      std::make_unique<host::Executor>(static_cast<std::size_t>(config.worker_threads()),
                                       static_cast<std::size_t>(config.max_queued_calls()));
  bench::EchoCaseService cases(ReadMessage<v1::CaseDetail>(flags.at("--get-case")),
                               ReadMessage<v1::Contact>(flags.at("--record-contact")), *executor);
  host::ParsedRequests parsed(cases, v1::CaseService::service_full_name());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(config.listen(), grpc::InsecureServerCredentials(), &port);
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  const auto& connections = config.connections();
  builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS,
                             connections.handshake_timeout_ms());
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS, connections.max_idle_ms());
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, connections.max_concurrent_streams());
  builder.SetMaxReceiveMessageSize(config.max_message_bytes());
  builder.RegisterService(&parsed);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) {
    std::cerr << "bench_echo_server: cannot listen on " << config.listen() << "\n";
    return 1;
  }
  const std::string& listen = config.listen();
  std::printf("bench_echo_server: listening on %s:%d\n",
              listen.substr(0, listen.rfind(':')).c_str(), port);
  std::fflush(stdout);

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  int received = 0;
  sigwait(&signals, &received);
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(5));
  executor.reset();  // answers what is queued before the server goes away, as the host does
  server->Wait();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Blocked before any thread starts, so that only sigwait receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::map<std::string, std::string> flags{{"--listen", "127.0.0.1:0"}};
  for (int i = 1; i + 1 < argc; i += 2) flags[argv[i]] = argv[i + 1];
  for (const char* required : {"--config", "--get-case", "--record-contact"}) {
    if (flags.count(required) == 0) {
      std::cerr << "usage: bench_echo_server --config FILE --get-case FILE --record-contact FILE "
                   "[--listen ADDRESS]\n";
      return 2;
    }
  }
  try {
    return Serve(flags);
  } catch (const std::exception& e) {
    std::cerr << "bench_echo_server: " << e.what() << "\n";
    return 1;
  }
}
