#pragma once
// What a command throws when it cannot do its job: the words for the user and the exit code.
#include <stdexcept>
#include <string>

#include "exit_codes.hpp"

namespace assistctl {

class Failure : public std::runtime_error {
 public:
  Failure(ExitCode code, const std::string& what) : std::runtime_error(what), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

// A bad command line, config file or input file: exit 2.
class UsageError : public Failure {
 public:
  explicit UsageError(const std::string& what) : Failure(ExitCode::kUsage, what) {}
};

}  // namespace assistctl
