#include "domain/centres.hpp"

#include <algorithm>
#include <assist/plugin/validation.hpp>
#include <regex>

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plugin_bridge.hpp"
#include "domain/request_checks.hpp"
#include "domain/staff_register.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

// The operator belongs to no centre: what they do to a centre is recorded in that centre's trail,
// where its auditors read it.
Identity InCentre(const Identity& who, const std::string& centre_id) {
  Identity recorded = who;
  recorded.centre_id = centre_id;
  return recorded;
}

bool ValidCentreId(const std::string& id) {
  static const std::regex pattern("[a-z0-9][a-z0-9-]{1,63}");
  return std::regex_match(id, pattern);
}

}  // namespace

void Centres::CheckVisible(const Identity& who, const std::string& centre_id) const {
  if (who.role != assist::v1::ROLE_OPERATOR && who.centre_id != centre_id) {
    ThrowNotFound("centre", centre_id);
  }
}

assist::v1::Centre Centres::Load(Transaction& tx, const std::string& id) const {
  auto centre = FindCentre(tx, id);
  if (!centre) ThrowNotFound("centre", id);
  return *centre;
}

assist::v1::Centre Centres::Create(Transaction& tx, const Identity& who,
                                   const assist::v1::CreateCentreRequest& request) const {
  sdk::Violations v;
  v.Require(ValidCentreId(request.id()), "id", "must match [a-z0-9][a-z0-9-]{1,63}",
            "musi pasować do wzorca [a-z0-9][a-z0-9-]{1,63}");
  v.RequireText(request.name(), "name", 300);
  v.RequireText(request.municipality(), "municipality", 200);
  for (int i = 0; i < request.enabled_types_size(); ++i) {
    RequireLoadedType(v, registry_, request.enabled_types(i),
                      "enabled_types[" + std::to_string(i) + "]");
  }
  if (!v.empty()) ThrowInvalid(v.list());
  if (CentreExists(tx, request.id())) ThrowAlreadyExists("centre " + request.id());

  InsertCentre(tx, request.id(), request.name(), request.municipality());
  for (const auto& type : request.enabled_types()) SetEnabled(tx, request.id(), type, true, "", "");
  AppendAudit(tx, InCentre(who, request.id()), "CreateCentre", 0, AuditAction::kWrite,
              "centre " + request.id());
  return Load(tx, request.id());
}

assist::v1::Centre Centres::Get(Transaction& tx, const Identity& who, const std::string& id) const {
  CheckVisible(who, id);
  assist::v1::Centre centre = Load(tx, id);
  AppendAudit(tx, InCentre(who, id), "GetCentre", 0, AuditAction::kRead, "centre " + id);
  return centre;
}

std::vector<assist::v1::Centre> Centres::List(Transaction& tx, const Identity& who) const {
  if (who.role != assist::v1::ROLE_OPERATOR) {
    AppendAudit(tx, who, "ListCentres", 0, AuditAction::kRead, "centre " + who.centre_id);
    return {Load(tx, who.centre_id)};
  }
  std::vector<assist::v1::Centre> centres;
  for (const auto& each : CentreIds(tx.sql())) {
    centres.push_back(Load(tx, each));
    // The operator read each centre: each centre's trail says so.
    AppendAudit(tx, InCentre(who, each), "ListCentres", 0, AuditAction::kRead, "centre " + each);
  }
  return centres;
}

void Centres::SetEnabled(Transaction& tx, const std::string& centre_id, const std::string& type_id,
                         bool enabled, const std::string& settings_type,
                         const std::string& settings_json) const {
  UpsertCentreType(tx, centre_id, type_id, enabled, settings_type, settings_json);
}

assist::v1::Centre Centres::Enable(Transaction& tx, const Identity& who,
                                   const assist::v1::CentreAssistanceTypeRequest& request) const {
  CheckVisible(who, request.centre_id());
  Load(tx, request.centre_id());
  const LoadedPlugin* plugin = &LoadedType(registry_, request.type_id());
  std::string settings_type, settings_json;
  if (!IsEmpty(request.settings())) {
    if (plugin->settings == nullptr) {
      ThrowInvalid("settings", "assistance type " + request.type_id() + " takes no settings",
                   "rodzaj asysty " + request.type_id() + " nie przyjmuje ustawień");
    }
    auto settings = DecodePayload(request.settings(), *plugin->settings, "settings");
    sdk::CaseContext context;
    context.centre_id = request.centre_id();
    context.step_date = sdk::Today();
    sdk::Status verdict = plugin->plugin->Validate(sdk::Step::kSettings, *settings, context);
    if (!verdict.ok()) {
      CountRefusal(request.type_id(), sdk::Step::kSettings);
      auto violations = verdict.violations();
      for (auto& each : violations) each.field = "settings." + each.field;
      if (violations.empty())
        violations.push_back({"settings", verdict.message(), verdict.message()});
      ThrowInvalid(violations);
    }
    settings_type = plugin->settings->full_name();
    settings_json = ToStoredJson(*settings);
  }
  SetEnabled(tx, request.centre_id(), request.type_id(), true, settings_type, settings_json);
  AppendAudit(tx, InCentre(who, request.centre_id()), "EnableAssistanceType", 0,
              AuditAction::kWrite, "centre " + request.centre_id() + " type " + request.type_id());
  return Load(tx, request.centre_id());
}

assist::v1::Centre Centres::Disable(Transaction& tx, const Identity& who,
                                    const assist::v1::CentreAssistanceTypeRequest& request) const {
  CheckVisible(who, request.centre_id());
  assist::v1::Centre centre = Load(tx, request.centre_id());
  // A type whose plugin is gone can still be disabled where it was enabled; any other type must
  // be loaded (an unknown id is INVALID_ARGUMENT).
  const auto& enabled = centre.enabled_types();
  if (std::find(enabled.begin(), enabled.end(), request.type_id()) == enabled.end()) {
    LoadedType(registry_, request.type_id());
  }
  // Open cases of the type go on; only new referrals are refused.
  DisableCentreType(tx, request.centre_id(), request.type_id());
  AppendAudit(tx, InCentre(who, request.centre_id()), "DisableAssistanceType", 0,
              AuditAction::kWrite, "centre " + request.centre_id() + " type " + request.type_id());
  return Load(tx, request.centre_id());
}

bool Centres::TypeEnabled(Transaction& tx, const std::string& centre_id,
                          const std::string& type_id) const {
  return CentreTypeEnabled(tx, centre_id, type_id);
}

std::unique_ptr<google::protobuf::Message> Centres::Settings(Transaction& tx,
                                                             const std::string& centre_id,
                                                             const std::string& type_id) const {
  const LoadedPlugin* plugin = registry_.Find(type_id);
  if (plugin == nullptr || plugin->settings == nullptr) return nullptr;
  auto json = CentreTypeSettingsJson(tx, centre_id, type_id);
  if (!json || json->empty()) return nullptr;
  return FromStoredJson(*json, *plugin->settings);
}

void Centres::Bootstrap(
    Database& db,
    const google::protobuf::RepeatedPtrField<assist::host::v1::BootstrapCentre>& centres) const {
  for (const auto& config : centres) {
    Transaction tx(db);
    // Hosts starting together on one database take turns: the checks below then hold.
    LockCentreBootstrap(tx);
    std::vector<std::string> changes;
    auto stored = FindCentreNaming(tx, config.id());
    if (!stored) {
      InsertCentre(tx, config.id(), config.name(), config.municipality());
      changes.push_back("created");
    } else if (stored->name != config.name() || stored->municipality != config.municipality()) {
      UpdateCentreNaming(tx, config.id(), {config.name(), config.municipality()});
      changes.push_back("name and municipality from the config");
    }
    for (const auto& type : config.enabled_types()) {
      if (registry_.Find(type) == nullptr) {
        LogWarning("bootstrap centre " + config.id() + ": assistance type " + type +
                   " is not loaded; it is enabled at a start that loads it");
        continue;
      }
      if (CentreTypeKnown(tx, config.id(), type)) continue;
      SetEnabled(tx, config.id(), type, true, "", "");
      changes.push_back("type " + type + " enabled");
    }
    StaffRegister(registry_).Bootstrap(tx, config, changes);
    if (changes.empty()) continue;  // nothing to write: the transaction rolls back
    std::string detail = "centre " + config.id() + ":";
    for (std::size_t i = 0; i < changes.size(); ++i) detail += (i ? ", " : " ") + changes[i];
    Identity system;
    system.actor_id = "assist-host";
    system.centre_id = config.id();
    system.role = assist::v1::ROLE_OPERATOR;
    system.request_id = "bootstrap";
    AppendAudit(tx, system, "BootstrapCentre", 0, AuditAction::kWrite, detail);
    tx.Commit();
    LogInfo("bootstrap: " + detail);
  }
}

}  // namespace assist::host
