#include "client.hpp"

#include <string>

namespace assist::it {

void Authorize(grpc::ClientContext& context, std::string_view token) {
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + std::string(token));
}

Client::Client(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)),
      cases_(assist::v1::CaseService::NewStub(channel_)),
      platform_(assist::v1::PlatformService::NewStub(channel_)),
      audit_(assist::v1::AuditService::NewStub(channel_)) {}

}  // namespace assist::it
