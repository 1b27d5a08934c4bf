// health: the host's grpc.health.v1 answer (SERVING while its database answers).
#include <memory>

#include "commands/commands.hpp"
#include "output.hpp"

namespace assistctl {

void AddHealthCommand(CLI::App& app, Session& session) {
  auto* health = app.add_subcommand(
      "health", "Ask the host's gRPC health service; exit 0 only when it is SERVING");
  auto service = std::make_shared<std::string>();
  health->add_option("--service", *service,
                     "one service, e.g. assist.v1.CaseService "
                     "(default the whole server)");
  health->callback([&session, service] {
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(*service);
    auto& connection = session.connection();
    const auto response = connection.Call("Health/Check", connection.health(),
                                          &grpc::health::v1::Health::Stub::Check, request);
    const std::string status =
        grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status());
    if (session.json()) {
      PrintJson(session.out(), response);
    } else {
      session.out() << status << "\n";
    }
    if (response.status() != grpc::health::v1::HealthCheckResponse::SERVING) {
      throw Failure(ExitCode::kUnavailable, "health: the host answers " + status + " at " +
                                                session.settings().settings.address);
    }
  });
}

}  // namespace assistctl
