#pragma once
// Work that rests on an order, not on consent (PluginInfo::ordered_work_flag, SDK 1.6): the family
// type's court-ordered families (k.r.o. art. 109 § 2 pkt 1). The case's current intake holds the
// type's flag; its steps then need no consent, and a recorded withdrawal or refusal does not stop
// them.
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"
#include "plugins/loaded_plugin.hpp"

namespace assist::host {

// Whether the case's current intake holds the type's ordered-work flag.
bool WorkOrdered(Transaction& tx, const LoadedPlugin& plugin, const assist::v1::Case& c);

// Whether an intake with these flags (FlagsOf, as it is being submitted) orders the work.
bool OrdersWork(const LoadedPlugin& plugin, const std::vector<std::string>& intake_flags);

}  // namespace assist::host
