#pragma once
// Statements prepared once per pooled connection and run again with new values. Preparing is most
// of the cost of a short statement: sqlite3_prepare_v2 on SQLite, and on PostgreSQL a one-shot
// statement is PREPARE + EXECUTE + DEALLOCATE where a prepared one is a single EXECUTE.
#include <soci/soci.h>

#include <assist/plugin/data.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

namespace assist::host {

// The statements of one pooled session, by SQL text. Bounded: past `capacity` the least recently
// used statement that is not running is dropped. Cleared before its session reconnects (the
// statements belong to the old connection). Used by one transaction at a time, like its session.
class StatementCache {
 public:
  explicit StatementCache(std::size_t capacity) : capacity_(capacity) {}
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  struct Entry {
    explicit Entry(const soci::statement& prepared) : statement(prepared) {}
    soci::statement statement;
    bool in_use = false;
    std::uint64_t last_used = 0;
  };
  // The statement for `sql`, prepared on `session` now unless cached; nullptr when the cached one
  // is running already (a statement used again while its rows are being read), for the caller to
  // prepare one of its own. Throws soci_error if `sql` does not prepare.
  Entry* Acquire(soci::session& session, const std::string& sql);
  void Clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }

 private:
  void DropLeastRecentlyUsed();

  std::size_t capacity_;
  std::uint64_t uses_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

// A statement of the cache (or of its own, see Acquire), bound anew for each use: exchange the
// into/use elements (Bind, or statement().exchange for helpers that bind a whole row), Execute,
// Fetch further rows. On destruction its bindings are dropped, the statement is reset (SQLite:
// a statement left on a row would keep its read snapshot) and it goes back to the cache.
class PreparedStatement {
 public:
  PreparedStatement(const soci::statement& statement, sdk::Backend backend, bool* in_use);
  ~PreparedStatement();
  PreparedStatement(const PreparedStatement&) = delete;
  PreparedStatement& operator=(const PreparedStatement&) = delete;

  // Adds into/use elements (soci::into(x), soci::use(y, indicator), ...), in the statement's
  // column and parameter order; elements bound before the last Execute are dropped first.
  template <typename... Exchanges>
  PreparedStatement& Bind(const Exchanges&... exchanges) {
    Rebinding();
    (statement_.exchange(exchanges), ...);
    return *this;
  }
  soci::statement& statement() {
    Rebinding();
    return statement_;
  }
  // Runs the statement with the values the use elements point at now, and reads the first row
  // into the into elements: false if there is none.
  bool Execute();
  // The next row; false past the last.
  bool Fetch() { return statement_.fetch(); }
  long long AffectedRows() { return statement_.get_affected_rows(); }

 private:
  void Rebinding();
  void Reset();

  soci::statement statement_;
  sdk::Backend backend_;
  bool* in_use_;  // the cache entry's flag; nullptr for a statement of its own
  bool defined_ = false;
  bool executed_ = false;
};

}  // namespace assist::host
