#pragma once
#include "assist/v1/platform.grpc.pb.h"
#include "domain/centres.hpp"
#include "plugins/plugin_registry.hpp"
#include "rpc/call_runner.hpp"

namespace assist::host {

class PlatformServiceImpl final : public assist::v1::PlatformService::CallbackService {
 public:
  PlatformServiceImpl(CallRunner& calls, const PluginRegistry& registry, const Centres& centres)
      : calls_(calls), registry_(registry), centres_(centres) {}

  grpc::ServerUnaryReactor* ListAssistanceTypes(
      grpc::CallbackServerContext* context, const assist::v1::ListAssistanceTypesRequest* request,
      assist::v1::ListAssistanceTypesResponse* response) override;
  grpc::ServerUnaryReactor* DescribeAssistanceType(
      grpc::CallbackServerContext* context,
      const assist::v1::DescribeAssistanceTypeRequest* request,
      assist::v1::DescribeAssistanceTypeResponse* response) override;
  grpc::ServerUnaryReactor* CreateCentre(grpc::CallbackServerContext* context,
                                         const assist::v1::CreateCentreRequest* request,
                                         assist::v1::Centre* response) override;
  grpc::ServerUnaryReactor* GetCentre(grpc::CallbackServerContext* context,
                                      const assist::v1::GetCentreRequest* request,
                                      assist::v1::Centre* response) override;
  grpc::ServerUnaryReactor* ListCentres(grpc::CallbackServerContext* context,
                                        const assist::v1::ListCentresRequest* request,
                                        assist::v1::ListCentresResponse* response) override;
  grpc::ServerUnaryReactor* EnableAssistanceType(
      grpc::CallbackServerContext* context, const assist::v1::CentreAssistanceTypeRequest* request,
      assist::v1::Centre* response) override;
  grpc::ServerUnaryReactor* DisableAssistanceType(
      grpc::CallbackServerContext* context, const assist::v1::CentreAssistanceTypeRequest* request,
      assist::v1::Centre* response) override;

 private:
  assist::v1::ListAssistanceTypesResponse ListTypes() const;
  assist::v1::DescribeAssistanceTypeResponse Describe(const std::string& type_id) const;

  CallRunner& calls_;
  const PluginRegistry& registry_;
  const Centres& centres_;
};

// The public description of a loaded plugin.
assist::v1::AssistanceType DescribeType(const LoadedPlugin& plugin);

}  // namespace assist::host
