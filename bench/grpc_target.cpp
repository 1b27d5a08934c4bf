#include "grpc_target.hpp"

#include "case_setup.hpp"

namespace assist::bench {
namespace {

using namespace assist::v1;

std::string Describe(const grpc::Status& status) {
  return "status " + std::to_string(status.error_code()) + ": " + status.error_message();
}

class GrpcCaller final : public Caller {
 public:
  explicit GrpcCaller(const std::string& address) : api_(OwnConnection(address)) {}

  bool Call(Rpc rpc, long long case_id, std::string& error) override {
    grpc::Status status = rpc == Rpc::kGetCase ? CallGetCase(*api_, case_id, detail_)
                                               : CallRecordContact(*api_, case_id, contact_);
    if (!status.ok()) error = Describe(status);
    return status.ok();
  }

 private:
  std::unique_ptr<CaseService::Stub> api_;
  CaseDetail detail_;
  Contact contact_;
};

}  // namespace

GrpcTarget::GrpcTarget(std::string name, std::string address)
    : name_(std::move(name)), address_(std::move(address)) {}

std::unique_ptr<Caller> GrpcTarget::NewCaller() { return std::make_unique<GrpcCaller>(address_); }

std::unique_ptr<CaseService::Stub> OwnConnection(const std::string& address) {
  grpc::ChannelArguments arguments;
  arguments.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return CaseService::NewStub(
      grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), arguments));
}

grpc::Status CallGetCase(CaseService::Stub& api, long long case_id, CaseDetail& response) {
  grpc::ClientContext context;
  As(context, kAssistantToken);
  GetCaseRequest request;
  request.set_case_id(case_id);
  return api.GetCase(&context, request, &response);
}

grpc::Status CallRecordContact(CaseService::Stub& api, long long case_id, Contact& response) {
  grpc::ClientContext context;
  As(context, kAssistantToken);
  RecordContactRequest request;
  request.set_case_id(case_id);
  request.set_kind(CONTACT_KIND_HOME_VISIT);
  request.set_duration_minutes(60);
  request.set_notes("wizyta kontrolna");
  return api.RecordContact(&context, request, &response);
}

}  // namespace assist::bench
