#pragma once
#include "db/database.hpp"

namespace assist::host {

// SQLite: copies what is in the write-ahead log into the database file now, without blocking
// writers (PASSIVE), on a pooled connection outside any transaction (a checkpoint cannot run
// inside one).
void CheckpointWalPassive(Database& db);

}  // namespace assist::host
