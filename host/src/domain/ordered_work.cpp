#include "domain/ordered_work.hpp"

#include <algorithm>

#include "store/period_report_repository.hpp"

namespace assist::host {

bool WorkOrdered(Transaction& tx, const LoadedPlugin& plugin, const assist::v1::Case& c) {
  const std::string& flag = plugin.info.ordered_work_flag;
  if (flag.empty() || c.intake_version() == 0) return false;
  return HasIntakeFlag(tx, c.id(), c.intake_version(), flag);
}

bool OrdersWork(const LoadedPlugin& plugin, const std::vector<std::string>& intake_flags) {
  const std::string& flag = plugin.info.ordered_work_flag;
  return !flag.empty() &&
         std::find(intake_flags.begin(), intake_flags.end(), flag) != intake_flags.end();
}

}  // namespace assist::host
