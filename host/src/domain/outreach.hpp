#pragma once
// Street outreach before a case exists (CaseService.RecordOutreachContact and its kin): whom a
// streetworker met, by a pseudonym or a description, where and with which needs met, without a
// name or consent; linked to the person's case once they are identified and consent, deleted
// after a short retention otherwise. Only types that declare street_outreach (SDK 1.5) take them.
// A contact of another centre is NOT_FOUND.
#include <assist/plugin/date.hpp>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/centres.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

class Outreach {
 public:
  // `retention_days`: how long an unlinked contact is kept after the day it was made.
  Outreach(const PluginRegistry& registry, const Centres& centres, int retention_days)
      : registry_(registry), centres_(centres), retention_days_(retention_days) {}

  assist::v1::OutreachContact Record(Transaction& tx, const Identity& who,
                                     const assist::v1::RecordOutreachContactRequest& request) const;
  assist::v1::ListOutreachContactsResponse List(
      Transaction& tx, const Identity& who,
      const assist::v1::ListOutreachContactsRequest& request) const;
  assist::v1::LinkOutreachContactsResponse Link(
      Transaction& tx, const Identity& who,
      const assist::v1::LinkOutreachContactsRequest& request) const;

  // The daily sweep (as `host`, of one centre): deletes the unlinked contacts whose retention
  // ended before `today`, with one audit row when there were any. Returns how many.
  long long DeleteExpired(Transaction& tx, const Identity& host, const sdk::Date& today) const;

 private:
  const PluginRegistry& registry_;
  const Centres& centres_;
  int retention_days_;
};

}  // namespace assist::host
