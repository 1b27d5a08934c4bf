#include "client.hpp"

#include <future>
#include <string>
#include <vector>

namespace assist::it {

void Authorize(grpc::ClientContext& context, std::string_view token) {
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + std::string(token));
}

std::shared_ptr<grpc::Channel> TlsChannel(const std::string& target, const TlsClientSetup& tls) {
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = tls.root_certs;
  options.pem_private_key = tls.private_key;
  options.pem_cert_chain = tls.certificate_chain;
  return grpc::CreateChannel(target, grpc::SslCredentials(options));
}

Client::Client(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)),
      cases_(assist::v1::CaseService::NewStub(channel_)),
      platform_(assist::v1::PlatformService::NewStub(channel_)),
      audit_(assist::v1::AuditService::NewStub(channel_)),
      staff_(assist::v1::StaffService::NewStub(channel_)),
      generic_(std::make_unique<grpc::GenericStub>(channel_)) {}

grpc::Status Client::CallMethod(const google::protobuf::MethodDescriptor& method,
                                std::string_view token, const google::protobuf::Message& request,
                                std::string* response_bytes, std::string_view request_id) {
  return CallPath("/" + method.service()->full_name() + "/" + method.name(), token,
                  request.SerializeAsString(), response_bytes, request_id);
}

grpc::Status Client::CallPath(const std::string& path, std::string_view token,
                              const std::string& request_bytes, std::string* response_bytes,
                              std::string_view request_id) {
  grpc::ClientContext context;
  Authorize(context, token);
  if (!request_id.empty()) context.AddMetadata("x-request-id", std::string(request_id));
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  grpc::Slice slice(request_bytes);
  const grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  std::promise<grpc::Status> done;
  generic_->UnaryCall(&context, path, grpc::StubOptions(), &request_buffer, &response_buffer,
                      [&done](grpc::Status status) { done.set_value(std::move(status)); });
  const grpc::Status status = done.get_future().get();
  response_bytes->clear();
  if (!status.ok()) return status;
  std::vector<grpc::Slice> slices;
  if (!response_buffer.Dump(&slices).ok()) {
    return grpc::Status(grpc::StatusCode::INTERNAL, "test client: unreadable response buffer");
  }
  for (const grpc::Slice& each : slices) {
    response_bytes->append(reinterpret_cast<const char*>(each.begin()), each.size());
  }
  return status;
}

}  // namespace assist::it
