#pragma once
// Cases made over gRPC the way a centre makes them, for the load programs: a family case of the
// dev configuration's Sopot centre (deploy/config/dev.textproto), assigned to its assistant, with
// consent and an intake, ready for contacts.
#include <grpcpp/grpcpp.h>

#include "assist/v1/cases.grpc.pb.h"

namespace assist::bench {

// The dev configuration's assistant of the Sopot centre: who the load programs call as.
inline constexpr const char* kAssistantToken = "dev-sopot-assistant";
inline constexpr const char* kAssistantId = "sopot.assistant";
inline constexpr const char* kCentreId = "mops-sopot";
// The cases are family cases of that one assistant, and a family assistant works with at most 15
// families at a time (the family type's caseload limit): the most a load program can prepare.
inline constexpr int kMaxCases = 15;

// Adds the bearer `token` to the call's metadata.
void As(grpc::ClientContext& context, const char* token);

// Makes case number `n` (person, family, case, assignment, consent, intake); exits the process
// with the status of the call that failed.
long long PrepareCase(assist::v1::CaseService::Stub& api, int n);

}  // namespace assist::bench
