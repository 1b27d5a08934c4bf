#include "db/sqlite_backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <stdexcept>

namespace assist::host {
namespace {

using Connection = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Connection Open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  Connection connection(db, &sqlite3_close);
  if (rc != SQLITE_OK) {
    throw std::runtime_error("cannot open " + path + ": " +
                             (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(db, 5000);
  return connection;
}

std::string IntegrityCheck(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK) {
    return sqlite3_errmsg(db);
  }
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> statement(raw, &sqlite3_finalize);
  std::string verdict;
  while (sqlite3_step(raw) == SQLITE_ROW) {
    if (!verdict.empty()) verdict += "; ";
    verdict += reinterpret_cast<const char*>(sqlite3_column_text(raw, 0));
  }
  return verdict;
}

void Sync(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("cannot sync " + path);
  }
  ::close(fd);
}

}  // namespace

BackupReport BackupSqlite(const std::string& source, const std::string& target) {
  namespace fs = std::filesystem;
  if (fs::exists(target)) throw std::runtime_error(target + " exists; not overwritten");
  if (!fs::exists(source)) throw std::runtime_error("no database at " + source);
  const std::string partial = target + ".partial";
  fs::remove(partial);
  BackupReport report;
  try {
    Connection from = Open(source, SQLITE_OPEN_READONLY);
    Connection to = Open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
    if (backup == nullptr) throw std::runtime_error(sqlite3_errmsg(to.get()));
    // All pages in one step: one read transaction, so the copy is a single snapshot. In WAL mode
    // that snapshot does not hold writers back.
    int rc = SQLITE_OK;
    do {
      rc = sqlite3_backup_step(backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    report.pages = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE) {
      throw std::runtime_error(std::string("backup of ") + source +
                               " failed: " + sqlite3_errstr(rc));
    }
    const std::string verdict = IntegrityCheck(to.get());
    if (verdict != "ok") throw std::runtime_error("the copy fails integrity_check: " + verdict);
  } catch (...) {
    fs::remove(partial);
    throw;
  }
  Sync(partial, O_RDONLY);
  fs::rename(partial, target);
  Sync(fs::absolute(target).parent_path().string(), O_RDONLY | O_DIRECTORY);
  report.bytes = static_cast<std::int64_t>(fs::file_size(target));
  return report;
}

}  // namespace assist::host
