// types list|describe|enable|disable: the assistance types the host loaded and the centres that
// run them.
#include <memory>

#include "commands/centre_view.hpp"
#include "commands/commands.hpp"
#include "files.hpp"
#include "message_fields.hpp"

namespace assistctl {
namespace {

using assist::v1::PlatformService;

void AddList(CLI::App& types, Session& session) {
  auto* list = types.add_subcommand("list", "List the assistance types the host loaded");
  list->callback([&session] {
    auto& connection = session.connection();
    const auto response = connection.Call("ListAssistanceTypes", connection.platform(),
                                          &PlatformService::Stub::ListAssistanceTypes,
                                          assist::v1::ListAssistanceTypesRequest());
    if (session.json()) return PrintJson(session.out(), response);
    Table table({"ID", "VERSION", "NAME", "SETTINGS", "DOCUMENTS"});
    for (const auto& type : response.types()) {
      std::string documents;
      for (const auto& doc : type.documents())
        documents += (documents.empty() ? "" : ",") + doc.id();
      table.Add({type.id(), type.version(), type.display_name_en(),
                 type.settings_type().empty() ? "-" : type.settings_type(),
                 documents.empty() ? "-" : documents});
    }
    table.Print(session.out());
    session.out() << "host SDK " << response.host_sdk_version() << ", loads plugins built for "
                  << response.accepted_sdk_range() << "\n";
  });
}

// The message `type` takes at `step` (one of the --fields choices); empty when it takes none.
const std::string& StepMessage(const assist::v1::AssistanceType& type, const std::string& step) {
  if (step == "intake") return type.intake_type();
  if (step == "plan") return type.plan_type();
  if (step == "contact") return type.contact_type();
  if (step == "review") return type.review_type();
  if (step == "outcome") return type.outcome_type();
  return type.settings_type();
}

void PrintType(Session& session, const assist::v1::DescribeAssistanceTypeResponse& response,
               const std::string& step) {
  const auto& type = response.type();
  std::ostream& out = session.out();
  PrintFields(out, {{"id", type.id()},
                    {"version", type.version()},
                    {"name", type.display_name_en()},
                    {"nazwa", type.display_name_pl()},
                    {"description", type.description()},
                    {"review cadence", type.review_cadence()},
                    {"sdk version", type.sdk_version()},
                    {"intake", type.intake_type()},
                    {"plan", type.plan_type()},
                    {"contact", type.contact_type()},
                    {"review", type.review_type()},
                    {"outcome", type.outcome_type()},
                    {"settings", type.settings_type().empty() ? "(none)" : type.settings_type()}});
  for (const auto& doc : type.documents()) {
    out << "document " << doc.id() << ": " << doc.title_en() << "\n";
  }
  const std::string& message = StepMessage(type, step);
  if (message.empty()) {
    out << "\nthe type takes no " << step << " message\n";
    return;
  }
  out << "\n" << step << " (" << message << "), as JSON fields:\n";
  PrintMessageFields(out, response.descriptors(), message);
}

void AddDescribe(CLI::App& types, Session& session) {
  auto* describe = types.add_subcommand(
      "describe", "Show one type: its messages per step and the fields of one of them");
  auto id = std::make_shared<std::string>();
  auto step = std::make_shared<std::string>("settings");
  describe->add_option("id", *id, "type id, e.g. family")->required();
  describe->add_option("--fields", *step, "whose fields to list (default settings)")
      ->check(CLI::IsMember({"intake", "plan", "contact", "review", "outcome", "settings"}));
  describe->callback([&session, id, step] {
    assist::v1::DescribeAssistanceTypeRequest request;
    request.set_id(*id);
    auto& connection = session.connection();
    const auto response = connection.Call("DescribeAssistanceType", connection.platform(),
                                          &PlatformService::Stub::DescribeAssistanceType, request);
    if (session.json()) return PrintJson(session.out(), response);
    PrintType(session, response, *step);
  });
}

struct ToggleOptions {
  assist::v1::CentreAssistanceTypeRequest request;
  std::string settings_json;
  std::string settings_file;
};

void AddEnable(CLI::App& types, Session& session) {
  auto* enable = types.add_subcommand(
      "enable", "Enable a type at a centre (head of that centre, operator), with its settings");
  auto options = std::make_shared<ToggleOptions>();
  enable->add_option("type", *options->request.mutable_type_id(), "type id")->required();
  enable->add_option("--centre", *options->request.mutable_centre_id(), "centre id")->required();
  auto* json = enable->add_option("--settings", options->settings_json,
                                  "the type's settings as JSON (see `types describe TYPE`)");
  enable->add_option("--settings-file", options->settings_file, "settings JSON file, - for stdin")
      ->excludes(json);
  enable->callback([&session, options] {
    std::string settings = options->settings_json;
    if (!options->settings_file.empty()) {
      settings = ReadLocalFile(options->settings_file, "settings file");
    }
    if (!settings.empty()) options->request.mutable_settings()->set_json(settings);
    auto& connection = session.connection();
    const auto centre =
        connection.Call("EnableAssistanceType", connection.platform(),
                        &PlatformService::Stub::EnableAssistanceType, options->request);
    if (session.json()) return PrintJson(session.out(), centre);
    PrintCentre(session.out(), centre);
  });
}

void AddDisable(CLI::App& types, Session& session) {
  auto* disable = types.add_subcommand(
      "disable", "Disable a type at a centre: no new case of it can be opened there");
  auto request = std::make_shared<assist::v1::CentreAssistanceTypeRequest>();
  disable->add_option("type", *request->mutable_type_id(), "type id")->required();
  disable->add_option("--centre", *request->mutable_centre_id(), "centre id")->required();
  disable->callback([&session, request] {
    auto& connection = session.connection();
    const auto centre = connection.Call("DisableAssistanceType", connection.platform(),
                                        &PlatformService::Stub::DisableAssistanceType, *request);
    if (session.json()) return PrintJson(session.out(), centre);
    PrintCentre(session.out(), centre);
  });
}

}  // namespace

void AddTypeCommands(CLI::App& app, Session& session) {
  auto* types = app.add_subcommand("types", "Assistance types: list, describe, enable, disable");
  types->require_subcommand(1);
  AddList(*types, session);
  AddDescribe(*types, session);
  AddEnable(*types, session);
  AddDisable(*types, session);
}

}  // namespace assistctl
