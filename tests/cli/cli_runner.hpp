#pragma once
// Runs the assistctl binary as a child process with an environment of the test's choosing (no
// variable of the test's own environment leaks in), and collects its stdout and stderr apart.
#include <map>
#include <string>
#include <vector>

namespace assist::cli_test {

struct CliResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

using Environment = std::map<std::string, std::string>;

// Runs `binary args...` with exactly `env`, `stdin_text` on its standard input.
CliResult RunCli(const std::string& binary, const std::vector<std::string>& args,
                 const Environment& env, const std::string& stdin_text = "");

// For failure messages: the command line, its exit code, stdout and stderr.
std::string Describe(const std::vector<std::string>& args, const CliResult& result);

}  // namespace assist::cli_test
