#pragma once
// The data-layer facade a plugin may use from its hooks: the host's SOCI session, already inside
// the transaction of the step being accepted. A plugin never begins, commits or rolls back; it
// keeps to its own tables (named "<plugin id>_..."), created by its migrations, and binds every
// value (`soci::use`), never concatenates SQL.
#include <soci/soci.h>

#include <string>
#include <vector>

namespace assist::sdk {

enum class Backend { kSqlite, kPostgresql };

class DataSession {
 public:
  virtual ~DataSession() = default;
  virtual Backend backend() const = 0;
  virtual soci::session& sql() = 0;
};

// One schema step of a plugin (or of the host). The host applies each version once, in order, in
// a transaction together with its row in schema_migrations (owner = plugin id). Statements are
// separated by a ';' that ends a line. Write both dialects; they may be the same text.
struct Migration {
  int version = 0;
  std::string name;
  std::string sqlite;
  std::string postgresql;
};

}  // namespace assist::sdk
