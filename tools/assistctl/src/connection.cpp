#include "connection.hpp"

#include "files.hpp"
#include "status_words.hpp"

namespace assistctl {
namespace {

std::string FailureText(const std::string& rpc, const grpc::Status& status,
                        const std::string& address, bool polish) {
  std::string text = rpc + ": " + DescribeStatus(status, polish);
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE ||
      status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED) {
    text += "\n  (host address " + address + ")";
  }
  return text;
}

}  // namespace

RpcFailure::RpcFailure(const std::string& rpc, const grpc::Status& status,
                       const std::string& address, bool polish)
    : Failure(ExitCodeFor(status.error_code()), FailureText(rpc, status, address, polish)),
      status_(status) {}

std::shared_ptr<grpc::Channel> MakeChannel(const ConnectionSettings& settings) {
  grpc::ChannelArguments arguments;
  if (!settings.tls) {
    return grpc::CreateCustomChannel(settings.address, grpc::InsecureChannelCredentials(),
                                     arguments);
  }
  grpc::SslCredentialsOptions options;
  if (!settings.ca_file.empty()) {
    options.pem_root_certs = ReadLocalFile(settings.ca_file, "CA file");
  }
  if (!settings.cert_file.empty()) {
    options.pem_cert_chain = ReadLocalFile(settings.cert_file, "client certificate");
    options.pem_private_key = ReadLocalFile(settings.key_file, "client key");
  }
  if (!settings.server_name.empty()) arguments.SetSslTargetNameOverride(settings.server_name);
  return grpc::CreateCustomChannel(settings.address, grpc::SslCredentials(options), arguments);
}

Connection::Connection(ConnectionSettings settings, bool polish)
    : settings_(std::move(settings)),
      polish_(polish),
      channel_(MakeChannel(settings_)),
      platform_(assist::v1::PlatformService::NewStub(channel_)),
      cases_(assist::v1::CaseService::NewStub(channel_)),
      audit_(assist::v1::AuditService::NewStub(channel_)),
      health_(grpc::health::v1::Health::NewStub(channel_)) {}

void Connection::Prepare(grpc::ClientContext& context) const {
  if (!settings_.token.empty()) context.AddMetadata("authorization", "Bearer " + settings_.token);
  context.set_deadline(std::chrono::system_clock::now() + settings_.timeout);
}

}  // namespace assistctl
