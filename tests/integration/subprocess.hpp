#pragma once
// Starting programs with posix_spawn, their stdout and stderr joined into one pipe.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace assist::it {

struct Spawned {
  pid_t pid = -1;
  int output_fd = -1;  // read end of the pipe holding the child's stdout and stderr
};

// Starts argv[0] (a path) with the current environment; throws std::runtime_error on failure.
// An empty working_dir keeps the current one.
Spawned Spawn(const std::vector<std::string>& argv, const std::filesystem::path& working_dir = {});

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string output;
};

// Runs argv to completion and collects its output.
RunResult Run(const std::vector<std::string>& argv);

// Reads what is available on fd; false at end of file or on error.
bool ReadSome(int fd, std::string& into);

// "exit 0", "exit 3", "signal 9 (Killed)" for a waitpid status.
std::string DescribeWaitStatus(int status);

}  // namespace assist::it
