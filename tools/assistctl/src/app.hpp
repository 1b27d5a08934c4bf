#pragma once
// assistctl's whole run: parse the command line, run the command, turn every failure into words
// on `err` and an exit code (exit_codes.hpp).
#include <functional>
#include <ostream>

namespace assistctl {

int RunAssistctl(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
                 const std::function<const char*(const char*)>& getenv);

}  // namespace assistctl
