#pragma once
// A private directory under $TMPDIR (or /tmp), removed with everything in it on destruction.
#include <filesystem>
#include <string_view>

namespace assist::it {

class TempDir {
 public:
  // Creates "<tmp>/<prefix>-XXXXXX" with mode 0700; throws std::runtime_error on failure.
  explicit TempDir(std::string_view prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace assist::it
