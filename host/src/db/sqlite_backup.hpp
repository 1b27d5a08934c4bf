#pragma once
// `assist-host backup --to FILE`: a consistent copy of a live SQLite database, taken with SQLite's
// online backup API while hosts keep writing (WAL: the copy is one read snapshot, writers are
// not stopped). The copy is checked (PRAGMA integrity_check), synced and only then renamed to
// FILE, so FILE is either a whole, verified backup or absent. Restoring is starting a host whose
// database.connection names the copy (docs/operations.md).
#include <cstdint>
#include <string>

namespace assist::host {

struct BackupReport {
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
};

// Throws std::runtime_error naming what failed; never leaves a partial `target` behind, and
// refuses to overwrite an existing one.
BackupReport BackupSqlite(const std::string& source, const std::string& target);

}  // namespace assist::host
