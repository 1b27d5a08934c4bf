#pragma once
// assistctl's exit codes, one per kind of failure, so that a script can tell "fix the command"
// from "ask for access" from "try again later". docs/assistctl.md lists them.
#include <grpcpp/support/status.h>

namespace assistctl {

enum class ExitCode : int {
  kOk = 0,
  kOther = 1,        // internal error of the host, unreadable answer, output not written
  kUsage = 2,        // bad command line, config file or local input file
  kAccess = 3,       // UNAUTHENTICATED, PERMISSION_DENIED
  kNotFound = 4,     // NOT_FOUND
  kRejected = 5,     // INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS, OUT_OF_RANGE
  kUnavailable = 6,  // UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED: retry later
};

ExitCode ExitCodeFor(grpc::StatusCode code);

}  // namespace assistctl
