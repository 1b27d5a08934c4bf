#pragma once
// Documents an assistance type writes from a whole case record (e.g. the family court opinion).
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/centres.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

assist::v1::CaseDocument RenderDocument(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry, const Centres& centres,
                                        const assist::v1::RenderDocumentRequest& request);

}  // namespace assist::host
