#include "db/wal_checkpoint.hpp"

#include <soci/soci.h>

namespace assist::host {

void CheckpointWalPassive(Database& db) {
  soci::session sql(db.pool());
  int busy = 0, log_pages = 0, checkpointed = 0;
  sql << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(log_pages),
      soci::into(checkpointed);
}

}  // namespace assist::host
