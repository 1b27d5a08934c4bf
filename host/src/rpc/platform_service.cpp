#include "rpc/platform_service.hpp"

#include "domain/errors.hpp"
#include "plugins/plugin_loader.hpp"

namespace assist::host {

assist::v1::AssistanceType DescribeType(const LoadedPlugin& plugin) {
  const sdk::PluginInfo& i = plugin.info;
  assist::v1::AssistanceType type;
  type.set_id(i.id);
  type.set_version(i.version);
  type.set_display_name_pl(i.display_name_pl);
  type.set_display_name_en(i.display_name_en);
  type.set_description(i.description);
  type.set_intake_type(i.intake_type);
  type.set_plan_type(i.plan_type);
  type.set_contact_type(i.contact_type);
  type.set_review_type(i.review_type);
  type.set_outcome_type(i.outcome_type);
  type.set_settings_type(i.settings_type);
  type.set_review_cadence(i.review_cadence);
  for (const auto& d : i.documents) {
    auto* kind = type.add_documents();
    kind->set_id(d.id);
    kind->set_title_pl(d.title_pl);
    kind->set_title_en(d.title_en);
  }
  type.set_sdk_version(plugin.sdk_version);
  return type;
}

grpc::ServerUnaryReactor* PlatformServiceImpl::ListAssistanceTypes(
    grpc::CallbackServerContext* context, const assist::v1::ListAssistanceTypesRequest* request,
    assist::v1::ListAssistanceTypesResponse* response) {
  return calls_.RunInline(context, "ListAssistanceTypes", *request, [=, this](const Identity&) {
    for (const auto& plugin : registry_.all()) *response->add_types() = DescribeType(*plugin);
    response->set_host_sdk_version(HostSdkVersion());
    response->set_accepted_sdk_range(AcceptedSdkRange());
  });
}

grpc::ServerUnaryReactor* PlatformServiceImpl::DescribeAssistanceType(
    grpc::CallbackServerContext* context, const assist::v1::DescribeAssistanceTypeRequest* request,
    assist::v1::DescribeAssistanceTypeResponse* response) {
  return calls_.RunInline(context, "DescribeAssistanceType", *request, [=, this](const Identity&) {
    const LoadedPlugin* plugin = registry_.Find(request->id());
    if (plugin == nullptr) ThrowNotFound("assistance type", request->id());
    *response->mutable_type() = DescribeType(*plugin);
    *response->mutable_descriptors() = plugin->files;
  });
}

grpc::ServerUnaryReactor* PlatformServiceImpl::CreateCentre(
    grpc::CallbackServerContext* context, const assist::v1::CreateCentreRequest* request,
    assist::v1::Centre* response) {
  return calls_.Run(context, "CreateCentre", *request,
                    [=, this](const Identity& who, Transaction& tx) {
                      *response = centres_.Create(tx, who, *request);
                    });
}

grpc::ServerUnaryReactor* PlatformServiceImpl::GetCentre(
    grpc::CallbackServerContext* context, const assist::v1::GetCentreRequest* request,
    assist::v1::Centre* response) {
  return calls_.Run(context, "GetCentre", *request,
                    [=, this](const Identity& who, Transaction& tx) {
                      *response = centres_.Get(tx, who, request->id());
                    });
}

grpc::ServerUnaryReactor* PlatformServiceImpl::ListCentres(
    grpc::CallbackServerContext* context, const assist::v1::ListCentresRequest* request,
    assist::v1::ListCentresResponse* response) {
  return calls_.Run(context, "ListCentres", *request,
                    [=, this](const Identity& who, Transaction& tx) {
                      for (auto& centre : centres_.List(tx, who))
                        *response->add_centres() = std::move(centre);
                    });
}

grpc::ServerUnaryReactor* PlatformServiceImpl::EnableAssistanceType(
    grpc::CallbackServerContext* context, const assist::v1::CentreAssistanceTypeRequest* request,
    assist::v1::Centre* response) {
  return calls_.Run(context, "EnableAssistanceType", *request,
                    [=, this](const Identity& who, Transaction& tx) {
                      *response = centres_.Enable(tx, who, *request);
                    });
}

grpc::ServerUnaryReactor* PlatformServiceImpl::DisableAssistanceType(
    grpc::CallbackServerContext* context, const assist::v1::CentreAssistanceTypeRequest* request,
    assist::v1::Centre* response) {
  return calls_.Run(context, "DisableAssistanceType", *request,
                    [=, this](const Identity& who, Transaction& tx) {
                      *response = centres_.Disable(tx, who, *request);
                    });
}

}  // namespace assist::host
