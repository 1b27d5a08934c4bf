#include "echo_service.hpp"

namespace assist::bench {
namespace {

bool Authorized(const grpc::CallbackServerContext& context) {
  const auto& metadata = context.client_metadata();
  auto found = metadata.find("authorization");
  return found != metadata.end() && found->second.starts_with("Bearer ");
}

// Answers `answer` copied into `response` on an executor thread, as the host answers.
template <typename Message>
grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext& context, host::Executor& executor,
                               host::Executor::Lane lane, const Message& answer,
                               Message& response) {
  auto* reactor = context.DefaultReactor();
  if (!Authorized(context)) {
    reactor->Finish(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "no bearer token"));
    return reactor;
  }
  const bool queued = executor.TryPost(lane, [reactor, &answer, &response] {
    response.CopyFrom(answer);
    reactor->Finish(grpc::Status::OK);
  });
  if (!queued) {
    reactor->Finish(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED, "at capacity"));
  }
  return reactor;
}

}  // namespace

EchoCaseService::EchoCaseService(assist::v1::CaseDetail get_case,
                                 assist::v1::Contact record_contact, host::Executor& executor)
    : get_case_(std::move(get_case)),
      record_contact_(std::move(record_contact)),
      executor_(executor) {}

grpc::ServerUnaryReactor* EchoCaseService::GetCase(grpc::CallbackServerContext* context,
                                                   const assist::v1::GetCaseRequest*,
                                                   assist::v1::CaseDetail* response) {
  return Echo(*context, executor_, host::Executor::Lane::kRead, get_case_, *response);
}

grpc::ServerUnaryReactor* EchoCaseService::RecordContact(grpc::CallbackServerContext* context,
                                                         const assist::v1::RecordContactRequest*,
                                                         assist::v1::Contact* response) {
  return Echo(*context, executor_, host::Executor::Lane::kWrite, record_contact_, *response);
}

}  // namespace assist::bench
