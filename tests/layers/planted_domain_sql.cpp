// Not built: tools/check_layers.cmake reads this file as if it were one of host/src/domain/, for
// the CTest host_layers_refuse_sql_in_domain, which passes only when the check refuses its SQL.
#include "domain/people.hpp"

namespace assist::host {

int CountPeople(Transaction& tx, const std::string& centre_id) {
  int count = 0;
  tx.sql() << "SELECT COUNT(*) FROM people WHERE centre_id = :c", soci::use(centre_id),
      soci::into(count);
  return count;
}

}  // namespace assist::host
