#pragma once
// A failed call in words: the status code and message, then every detail the host attached
// (host/src/domain/errors.cpp): each field violation of google.rpc.BadRequest, the precondition
// that failed, the resource not found, the ErrorInfo reason with its metadata and how long to wait
// before a retry.
#include <grpcpp/support/status.h>

#include <string>
#include <string_view>

namespace assistctl {

// "invalid argument", "permission denied", ... for a status code.
std::string CodeWords(grpc::StatusCode code);

// The first line is "<code words>: <message>"; each detail follows on a line of its own,
// indented by two spaces. With `polish`, field violations use the host's Polish descriptions when
// it sent them (assist.v1.LocalizedFieldViolations).
std::string DescribeStatus(const grpc::Status& status, bool polish = false);

}  // namespace assistctl
