#include "rpc/server.hpp"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <sys/resource.h>
#include <systemd/sd-daemon.h>

#include <csignal>
#include <cstdio>

#include "auth/authenticator.hpp"
#include "config/preflight.hpp"
#include "db/core_schema.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "db/runtime_role.hpp"
#include "domain/case_queries.hpp"
#include "domain/case_transfers.hpp"
#include "domain/case_workflow.hpp"
#include "domain/centres.hpp"
#include "domain/staff_register.hpp"
#include "ops/admin_server.hpp"
#include "ops/metrics.hpp"
#include "plugins/plugin_loader.hpp"
#include "plugins/plugin_registry.hpp"
#include "retention/retention_sweeper.hpp"
#include "rpc/audit_service.hpp"
#include "rpc/call_runner.hpp"
#include "rpc/case_service.hpp"
#include "rpc/executor.hpp"
#include "rpc/health_monitor.hpp"
#include "rpc/parsed_requests.hpp"
#include "rpc/platform_service.hpp"
#include "rpc/staff_service.hpp"
#include "util/files.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

// Plugins whose migrations fail are refused like any other broken plugin; the rest serve.
std::vector<std::unique_ptr<LoadedPlugin>> MigratePlugins(
    Database& db, std::vector<std::unique_ptr<LoadedPlugin>> plugins) {
  std::vector<std::unique_ptr<LoadedPlugin>> ready;
  for (auto& plugin : plugins) {
    try {
      ApplyMigrations(db, plugin->info.id, plugin->plugin->Migrations());
      ready.push_back(std::move(plugin));
    } catch (const std::exception& e) {
      LogError("plugin " + plugin->info.id + " refused: its migrations failed: " + e.what());
    }
  }
  return ready;
}

std::shared_ptr<grpc::ServerCredentials> Credentials(const assist::host::v1::Tls& tls) {
  if (tls.cert_file().empty()) {
    LogWarning("TLS is off: plaintext gRPC, for development on loopback only");
    return grpc::InsecureServerCredentials();
  }
  grpc::SslServerCredentialsOptions options(
      tls.client_ca_file().empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
      : tls.require_client_certificate()
          ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
          : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY);
  if (!tls.client_ca_file().empty()) {
    options.pem_root_certs = ReadTextFile(tls.client_ca_file(), "tls.client_ca_file");
  }
  options.pem_key_cert_pairs.push_back({ReadTextFile(tls.key_file(), "tls.key_file"),
                                        ReadTextFile(tls.cert_file(), "tls.cert_file")});
  return grpc::SslServerCredentials(options);
}

// Every connection is a file descriptor, and gRPC 1.51 stops accepting for good once accept()
// fails with EMFILE (grpc/grpc#16058): a flood of idle connections would silence the host. So the
// soft limit (1,024 for a service by default) is raised to the hard one, and a hard limit that
// leaves the host open to this is named in the log.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  // Below this a modest flood (a misbehaving client's connection leak) is enough.
  constexpr rlim_t kLow = 4096;
  if (limit.rlim_cur < kLow) {
    LogWarning("open-file limit is " + std::to_string(limit.rlim_cur) +
               ": that many connections at once stop gRPC from accepting any more until the host "
               "restarts; raise it (systemd: LimitNOFILE=65536)");
  }
}

}  // namespace

struct Host::Parts {
  explicit Parts(const assist::host::v1::HostConfig& c)
      : config(c),
        db(ParseBackend(c.database().backend()), c.database().connection(),
           static_cast<std::size_t>(c.database().pool_size()), c.database().lock_timeout_ms()),
        registry(LoadAndMigrate(db, c)),
        centres(registry),
        workflow(registry, centres, c.retention_years(), c.outreach_retention_days()),
        queries(registry, centres),
        transfers(registry, centres),
        staff(registry),
        auth(c),
        executor(std::make_unique<Executor>(static_cast<std::size_t>(c.worker_threads()),
                                            static_cast<std::size_t>(c.max_queued_calls()))),
        calls(auth, db, *executor),
        platform(calls, registry, centres),
        cases(calls, workflow, queries, transfers),
        audit(calls),
        staff_service(calls, staff),
        platform_requests(platform, assist::v1::PlatformService::service_full_name()),
        case_requests(cases, assist::v1::CaseService::service_full_name()),
        audit_requests(audit, assist::v1::AuditService::service_full_name()),
        staff_requests(staff_service, assist::v1::StaffService::service_full_name()) {}

  static std::vector<std::unique_ptr<LoadedPlugin>> LoadAndMigrate(
      Database& db, const assist::host::v1::HostConfig& c) {
    // With an owner login (PostgreSQL), the schema is the owner's and the host serves as a role
    // granted only what serving needs (db/runtime_role.hpp); otherwise one login does both.
    std::unique_ptr<Database> owner;
    if (!c.database().owner_connection().empty()) {
      owner = std::make_unique<Database>(db.backend(), c.database().owner_connection(), 1);
    }
    Database& schema = owner ? *owner : db;
    ApplyMigrations(schema, "core", CoreMigrations());
    std::vector<LoadReport> reports;
    auto plugins =
        MigratePlugins(schema, LoadPlugins(c.plugin_dir(), reports, PluginLoadOptions(c)));
    if (owner) {
      const std::string runtime = LoginOf(db.backend(), c.database().connection());
      GrantRuntimeRole(*owner, runtime);
      LogInfo("serving as database role " + runtime + "; migrations ran as the schema owner");
    }
    return plugins;
  }

  assist::host::v1::HostConfig config;
  Database db;
  PluginRegistry registry;
  Centres centres;
  CaseWorkflow workflow;
  CaseQueries queries;
  CaseTransfers transfers;
  StaffRegister staff;
  Authenticator auth;
  std::unique_ptr<Executor> executor;
  CallRunner calls;
  PlatformServiceImpl platform;
  CaseServiceImpl cases;
  AuditServiceImpl audit;
  StaffServiceImpl staff_service;
  // What the server serves: each service behind the host's own request parsing.
  ParsedRequests platform_requests;
  ParsedRequests case_requests;
  ParsedRequests audit_requests;
  ParsedRequests staff_requests;
};

Host::Host(const assist::host::v1::HostConfig& config) : parts_(std::make_unique<Parts>(config)) {
  parts_->centres.Bootstrap(parts_->db, config.bootstrap_centres());
}

Host::~Host() = default;

namespace {

sigset_t HostSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  // The default action of SIGHUP (sent by `systemctl reload` habits and log rotators) is to die.
  sigaddset(&signals, SIGHUP);
  return signals;
}

// Waits for SIGTERM or SIGINT and returns it; a SIGHUP is answered in the log and waited past.
int WaitForShutdownSignal() {
  const sigset_t signals = HostSignals();
  for (;;) {
    int received = 0;
    sigwait(&signals, &received);
    if (received != SIGHUP) return received;
    LogInfo(
        "SIGHUP ignored: logs go to standard error and the configuration is read at start "
        "only; restart the host to change it");
  }
}

}  // namespace

void BlockHostSignals() {
  const sigset_t signals = HostSignals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
}

std::unique_ptr<grpc::Server> Host::StartServer(int* port) {
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(parts_->config.listen(), Credentials(parts_->config.tls()), port);
  // gRPC binds with SO_REUSEPORT by default: a second host on a busy port would start and the
  // kernel would split the traffic between the two, configs and all.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  const auto& connections = parts_->config.connections();
  // Bounds gRPC offers (docs/reliability.md): a TLS handshake, an idle connection, calls in
  // flight per connection.
  builder.AddChannelArgument(GRPC_ARG_SERVER_HANDSHAKE_TIMEOUT_MS,
                             connections.handshake_timeout_ms());
  builder.AddChannelArgument(GRPC_ARG_MAX_CONNECTION_IDLE_MS, connections.max_idle_ms());
  builder.AddChannelArgument(GRPC_ARG_MAX_CONCURRENT_STREAMS, connections.max_concurrent_streams());
  builder.SetMaxReceiveMessageSize(parts_->config.max_message_bytes());
  builder.RegisterService(&parts_->platform_requests);
  builder.RegisterService(&parts_->case_requests);
  builder.RegisterService(&parts_->audit_requests);
  builder.RegisterService(&parts_->staff_requests);
  return builder.BuildAndStart();
}

int Host::Serve() {
  RaiseOpenFileLimit();
  int port = 0;
  std::unique_ptr<grpc::Server> server = StartServer(&port);
  if (!server || port == 0) {
    LogError("cannot listen on " + parts_->config.listen() +
             ": address in use (another host?) or not available here");
    return 1;
  }
  HealthMonitor health(
      parts_->db, *server->GetHealthCheckService(),
      std::chrono::milliseconds(parts_->config.database().health_check_interval_ms()));
  Executor& executor = *parts_->executor;
  HostMetrics().executor_queue_depth.SetSource(
      [&executor] { return static_cast<double>(executor.queued()); });
  std::unique_ptr<AdminServer> admin;
  if (const std::string& listen = parts_->config.admin().listen(); !listen.empty()) {
    const std::size_t types = parts_->registry.all().size();
    try {
      admin = std::make_unique<AdminServer>(listen, [&health, types]() -> std::string {
        if (!health.database_reachable()) return "database unreachable";
        if (types == 0) return "no assistance type loaded";
        return "";
      });
    } catch (const std::exception& e) {
      LogError(e.what());
      HostMetrics().executor_queue_depth.SetSource(nullptr);
      return 1;
    }
    const std::string at =
        listen.substr(0, listen.rfind(':')) + ":" + std::to_string(admin->port());
    LogInfo("admin listener (/metrics, /livez, /readyz) on " + at);
    std::printf("assist-host: admin on %s\n", at.c_str());
  }
  std::string listen = parts_->config.listen();
  std::string address = listen.substr(0, listen.rfind(':')) + ":" + std::to_string(port);
  LogInfo("serving " + std::to_string(parts_->registry.all().size()) + " assistance type(s) on " +
          address + " with " + parts_->config.database().backend());
  // Tests and scripts wait for this exact line on stdout.
  std::printf("assist-host: listening on %s\n", address.c_str());
  std::fflush(stdout);
  // Under systemd (Type=notify) `systemctl start` returns now; elsewhere this does nothing.
  sd_notify(0, ("READY=1\nSTATUS=serving on " + address).c_str());

  RetentionSweeper sweeper(parts_->db, parts_->workflow);
  const int received = WaitForShutdownSignal();
  sd_notify(0, "STOPPING=1");
  sweeper.Stop();
  admin.reset();
  LogInfo(std::string("shutting down on ") + (received == SIGTERM ? "SIGTERM" : "SIGINT"));
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(10));
  HostMetrics().executor_queue_depth.SetSource(nullptr);
  parts_->executor.reset();  // finishes queued calls before the server goes away
  server->Wait();
  LogInfo("stopped");
  return 0;
}

}  // namespace assist::host
