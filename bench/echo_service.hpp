#pragma once
// CaseService as the echo server serves it: GetCase and RecordContact answer responses captured
// from a real host, with no database work. Like the host, a call is handed from gRPC's callback
// thread to an executor thread (the host's Executor class and lanes), which answers it; a call
// without an authorization header is refused as the host refuses it. Other methods stay
// UNIMPLEMENTED.
#include "assist/v1/cases.grpc.pb.h"
#include "rpc/executor.hpp"

namespace assist::bench {

class EchoCaseService final : public assist::v1::CaseService::CallbackService {
 public:
  EchoCaseService(assist::v1::CaseDetail get_case, assist::v1::Contact record_contact,
                  host::Executor& executor);

  grpc::ServerUnaryReactor* GetCase(grpc::CallbackServerContext* context,
                                    const assist::v1::GetCaseRequest* request,
                                    assist::v1::CaseDetail* response) override;
  grpc::ServerUnaryReactor* RecordContact(grpc::CallbackServerContext* context,
                                          const assist::v1::RecordContactRequest* request,
                                          assist::v1::Contact* response) override;

 private:
  const assist::v1::CaseDetail get_case_;
  const assist::v1::Contact record_contact_;
  host::Executor& executor_;
};

}  // namespace assist::bench
