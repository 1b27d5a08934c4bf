#pragma once
// Centres (tenants) and the assistance types each has enabled (centres,
// centre_assistance_types). Nothing here audits or checks who may see a centre
// (domain/centres.hpp does).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "assist/v1/platform.pb.h"
#include "db/database.hpp"

namespace assist::host {

// The centre with its enabled types in order, if it exists.
std::optional<assist::v1::Centre> FindCentre(Transaction& tx, const std::string& id);
bool CentreExists(Transaction& tx, const std::string& id);
void InsertCentre(Transaction& tx, const std::string& id, const std::string& name,
                  const std::string& municipality);

struct CentreNaming {
  std::string name;
  std::string municipality;
};
std::optional<CentreNaming> FindCentreNaming(Transaction& tx, const std::string& id);
void UpdateCentreNaming(Transaction& tx, const std::string& id, const CentreNaming& naming);

// The ids of every centre, in order. On a bare session: the retention sweep reads them outside
// its batch transactions.
std::vector<std::string> CentreIds(soci::session& sql);

// Enables or disables the type for the centre with these settings, adding its row if needed.
void UpsertCentreType(Transaction& tx, const std::string& centre_id, const std::string& type_id,
                      bool enabled, const std::string& settings_type,
                      const std::string& settings_json);
// Disables the type, keeping its settings.
void DisableCentreType(Transaction& tx, const std::string& centre_id, const std::string& type_id);
bool CentreTypeEnabled(Transaction& tx, const std::string& centre_id, const std::string& type_id);
// The type has a row for the centre, enabled or not.
bool CentreTypeKnown(Transaction& tx, const std::string& centre_id, const std::string& type_id);
// The settings JSON stored for the type ("" for none), if the centre has a row for it.
std::optional<std::string> CentreTypeSettingsJson(Transaction& tx, const std::string& centre_id,
                                                  const std::string& type_id);

// PostgreSQL: hosts reconciling the configured centres at once take turns, until the transaction
// ends.
void LockCentreBootstrap(Transaction& tx);

}  // namespace assist::host
