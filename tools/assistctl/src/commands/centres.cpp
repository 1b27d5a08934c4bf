// centres create|list|show: the centres (tenants) of the deployment.
#include <memory>

#include "commands/centre_view.hpp"
#include "commands/commands.hpp"

namespace assistctl {
namespace {

using assist::v1::PlatformService;

void AddList(CLI::App& centres, Session& session) {
  auto* list = centres.add_subcommand(
      "list", "List the centres (an operator sees all, staff their own centre)");
  list->callback([&session] {
    auto& connection = session.connection();
    const auto response =
        connection.Call("ListCentres", connection.platform(), &PlatformService::Stub::ListCentres,
                        assist::v1::ListCentresRequest());
    if (session.json()) return PrintJson(session.out(), response);
    Table table = CentreTable();
    for (const auto& centre : response.centres()) AddCentreRow(table, centre);
    table.Print(session.out());
  });
}

void AddShow(CLI::App& centres, Session& session) {
  auto* show = centres.add_subcommand("show", "Show one centre and the types it has enabled");
  auto id = std::make_shared<std::string>();
  show->add_option("id", *id, "centre id, e.g. mops-sopot")->required();
  show->callback([&session, id] {
    assist::v1::GetCentreRequest request;
    request.set_id(*id);
    auto& connection = session.connection();
    const auto centre = connection.Call("GetCentre", connection.platform(),
                                        &PlatformService::Stub::GetCentre, request);
    if (session.json()) return PrintJson(session.out(), centre);
    PrintCentre(session.out(), centre);
  });
}

void AddCreate(CLI::App& centres, Session& session) {
  auto* create = centres.add_subcommand("create", "Create a centre (operator)");
  auto request = std::make_shared<assist::v1::CreateCentreRequest>();
  auto types = std::make_shared<std::vector<std::string>>();
  create->add_option("id", *request->mutable_id(), "new centre id: [a-z0-9-]{2,64}")->required();
  create->add_option("--name", *request->mutable_name(), "full name of the centre");
  create->add_option("--municipality", *request->mutable_municipality(), "its municipality");
  create->add_option("--type", *types, "assistance type to enable at once (repeatable)");
  create->callback([&session, request, types] {
    for (const std::string& type : *types) request->add_enabled_types(type);
    auto& connection = session.connection();
    const auto centre = connection.Call("CreateCentre", connection.platform(),
                                        &PlatformService::Stub::CreateCentre, *request);
    if (session.json()) return PrintJson(session.out(), centre);
    PrintCentre(session.out(), centre);
  });
}

}  // namespace

void AddCentreCommands(CLI::App& app, Session& session) {
  auto* centres = app.add_subcommand("centres", "Social assistance centres: create, list, show");
  centres->require_subcommand(1);
  AddCreate(*centres, session);
  AddList(*centres, session);
  AddShow(*centres, session);
}

}  // namespace assistctl
