#include "db/statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <limits>

#include "util/log.hpp"

namespace assist::host {

StatementCache::Entry* StatementCache::Acquire(soci::session& session, const std::string& sql) {
  auto found = entries_.find(sql);
  if (found == entries_.end()) {
    if (entries_.size() >= capacity_) DropLeastRecentlyUsed();
    soci::statement statement(session);
    statement.alloc();
    statement.prepare(sql);
    found = entries_.try_emplace(sql, statement).first;
  } else if (found->second.in_use) {
    return nullptr;
  }
  found->second.in_use = true;
  found->second.last_used = ++uses_;
  return &found->second;
}

void StatementCache::DropLeastRecentlyUsed() {
  auto oldest = entries_.end();
  std::uint64_t oldest_use = std::numeric_limits<std::uint64_t>::max();
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (!it->second.in_use && it->second.last_used < oldest_use) {
      oldest = it;
      oldest_use = it->second.last_used;
    }
  }
  if (oldest != entries_.end()) entries_.erase(oldest);
}

PreparedStatement::PreparedStatement(const soci::statement& statement, sdk::Backend backend,
                                     bool* in_use)
    : statement_(statement), backend_(backend), in_use_(in_use) {}

PreparedStatement::~PreparedStatement() {
  try {
    Reset();
  } catch (const std::exception& e) {
    LogError(std::string("resetting a prepared statement failed: ") + e.what());
  }
  if (in_use_ != nullptr) *in_use_ = false;
}

void PreparedStatement::Rebinding() {
  if (!executed_) return;
  Reset();
}

void PreparedStatement::Reset() {
  statement_.bind_clean_up();
  if (backend_ == sdk::Backend::kSqlite) {
    auto* lite = static_cast<soci::sqlite3_statement_backend*>(statement_.get_backend());
    if (lite->stmt_ != nullptr) sqlite_api::sqlite3_reset(lite->stmt_);
  }
  defined_ = false;
  executed_ = false;
}

bool PreparedStatement::Execute() {
  if (!defined_) {
    statement_.define_and_bind();
    defined_ = true;
  }
  executed_ = true;
  return statement_.execute(true);
}

}  // namespace assist::host
