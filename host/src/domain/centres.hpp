#pragma once
// Centres (tenants) and the assistance types each has enabled, with the type's per-centre
// settings. Callers other than the operator see only their own centre.
#include <google/protobuf/message.h>

#include <memory>
#include <string>
#include <vector>

#include "assist/host/v1/config.pb.h"
#include "assist/v1/platform.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "plugins/plugin_registry.hpp"
#include "store/centre_repository.hpp"

namespace assist::host {

class Centres {
 public:
  explicit Centres(const PluginRegistry& registry) : registry_(registry) {}

  assist::v1::Centre Create(Transaction& tx, const Identity& who,
                            const assist::v1::CreateCentreRequest& request) const;
  assist::v1::Centre Get(Transaction& tx, const Identity& who, const std::string& id) const;
  std::vector<assist::v1::Centre> List(Transaction& tx, const Identity& who) const;
  assist::v1::Centre Enable(Transaction& tx, const Identity& who,
                            const assist::v1::CentreAssistanceTypeRequest& request) const;
  assist::v1::Centre Disable(Transaction& tx, const Identity& who,
                             const assist::v1::CentreAssistanceTypeRequest& request) const;

  // Reconciles the configured centres at every start: creates missing ones, takes the configured
  // name and municipality, and enables each listed type that the centre has never had (a type
  // disabled through the API stays disabled: that decision is newer than the file). Types not
  // loaded are skipped with a warning, and enabled at a later start that loads them.
  void Bootstrap(
      Database& db,
      const google::protobuf::RepeatedPtrField<assist::host::v1::BootstrapCentre>& centres) const;

  bool TypeEnabled(Transaction& tx, const std::string& centre_id, const std::string& type_id) const;
  // The centre's settings for the type, or null when it has none.
  std::unique_ptr<google::protobuf::Message> Settings(Transaction& tx, const std::string& centre_id,
                                                      const std::string& type_id) const;

 private:
  assist::v1::Centre Load(Transaction& tx, const std::string& id) const;  // NOT_FOUND if absent
  void SetEnabled(Transaction& tx, const std::string& centre_id, const std::string& type_id,
                  bool enabled, const std::string& settings_type,
                  const std::string& settings_json) const;
  void CheckVisible(const Identity& who, const std::string& centre_id) const;

  const PluginRegistry& registry_;
};

}  // namespace assist::host
