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

assist::v1::Centre Centres::Load(soci::session& sql, const std::string& id) const {
  assist::v1::Centre centre;
  std::string name, municipality, created_at;
  sql << "SELECT name, municipality, created_at FROM centres WHERE id = :id", soci::use(id),
      soci::into(name), soci::into(municipality), soci::into(created_at);
  if (!sql.got_data()) ThrowNotFound("centre", id);
  centre.set_id(id);
  centre.set_name(name);
  centre.set_municipality(municipality);
  centre.set_created_at(created_at);
  std::string type;
  soci::statement st = (sql.prepare << "SELECT type_id FROM centre_assistance_types "
                                       "WHERE centre_id = :id AND enabled = 1 ORDER BY type_id",
                        soci::use(id), soci::into(type));
  st.execute();
  while (st.fetch()) centre.add_enabled_types(type);
  return centre;
}

void Centres::Insert(soci::session& sql, const std::string& id, const std::string& name,
                     const std::string& municipality) const {
  const std::string now = NowTimestamp();
  sql << "INSERT INTO centres (id, name, municipality, created_at) VALUES (:id, :n, :m, :t)",
      soci::use(id), soci::use(name), soci::use(municipality), soci::use(now);
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
  int exists = 0;
  tx.sql() << "SELECT COUNT(*) FROM centres WHERE id = :id", soci::use(request.id()),
      soci::into(exists);
  if (exists) ThrowAlreadyExists("centre " + request.id());

  Insert(tx.sql(), request.id(), request.name(), request.municipality());
  for (const auto& type : request.enabled_types()) SetEnabled(tx, request.id(), type, true, "", "");
  AppendAudit(tx, InCentre(who, request.id()), "CreateCentre", 0, AuditAction::kWrite,
              "centre " + request.id());
  return Load(tx.sql(), request.id());
}

assist::v1::Centre Centres::Get(Transaction& tx, const Identity& who, const std::string& id) const {
  CheckVisible(who, id);
  assist::v1::Centre centre = Load(tx.sql(), id);
  AppendAudit(tx, InCentre(who, id), "GetCentre", 0, AuditAction::kRead, "centre " + id);
  return centre;
}

std::vector<std::string> CentreIds(soci::session& sql) {
  std::vector<std::string> ids;
  std::string id;
  soci::statement st = (sql.prepare << "SELECT id FROM centres ORDER BY id", soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

std::vector<assist::v1::Centre> Centres::List(Transaction& tx, const Identity& who) const {
  if (who.role != assist::v1::ROLE_OPERATOR) {
    AppendAudit(tx, who, "ListCentres", 0, AuditAction::kRead, "centre " + who.centre_id);
    return {Load(tx.sql(), who.centre_id)};
  }
  std::vector<assist::v1::Centre> centres;
  for (const auto& each : CentreIds(tx.sql())) {
    centres.push_back(Load(tx.sql(), each));
    // The operator read each centre: each centre's trail says so.
    AppendAudit(tx, InCentre(who, each), "ListCentres", 0, AuditAction::kRead, "centre " + each);
  }
  return centres;
}

void Centres::SetEnabled(Transaction& tx, const std::string& centre_id, const std::string& type_id,
                         bool enabled, const std::string& settings_type,
                         const std::string& settings_json) const {
  std::string now = NowTimestamp();
  int flag = enabled ? 1 : 0;
  // Portable upsert: both SQLite (3.24+) and PostgreSQL accept ON CONFLICT ... DO UPDATE.
  tx.sql() << "INSERT INTO centre_assistance_types (centre_id, type_id, enabled, settings_type, "
              "settings_json, changed_at) VALUES (:c, :t, :e, :st, :sj, :at) "
              "ON CONFLICT (centre_id, type_id) DO UPDATE SET enabled = excluded.enabled, "
              "settings_type = excluded.settings_type, settings_json = excluded.settings_json, "
              "changed_at = excluded.changed_at",
      soci::use(centre_id), soci::use(type_id), soci::use(flag), soci::use(settings_type),
      soci::use(settings_json), soci::use(now);
}

assist::v1::Centre Centres::Enable(Transaction& tx, const Identity& who,
                                   const assist::v1::CentreAssistanceTypeRequest& request) const {
  CheckVisible(who, request.centre_id());
  Load(tx.sql(), request.centre_id());
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
  return Load(tx.sql(), request.centre_id());
}

assist::v1::Centre Centres::Disable(Transaction& tx, const Identity& who,
                                    const assist::v1::CentreAssistanceTypeRequest& request) const {
  CheckVisible(who, request.centre_id());
  assist::v1::Centre centre = Load(tx.sql(), request.centre_id());
  // A type whose plugin is gone can still be disabled where it was enabled; any other type must
  // be loaded (an unknown id is INVALID_ARGUMENT).
  const auto& enabled = centre.enabled_types();
  if (std::find(enabled.begin(), enabled.end(), request.type_id()) == enabled.end()) {
    LoadedType(registry_, request.type_id());
  }
  // Open cases of the type go on; only new referrals are refused.
  tx.sql()
      << "UPDATE centre_assistance_types SET enabled = 0 WHERE centre_id = :c AND type_id = :t",
      soci::use(request.centre_id()), soci::use(request.type_id());
  AppendAudit(tx, InCentre(who, request.centre_id()), "DisableAssistanceType", 0,
              AuditAction::kWrite, "centre " + request.centre_id() + " type " + request.type_id());
  return Load(tx.sql(), request.centre_id());
}

bool Centres::TypeEnabled(soci::session& sql, const std::string& centre_id,
                          const std::string& type_id) const {
  int enabled = 0;
  sql << "SELECT COUNT(*) FROM centre_assistance_types WHERE centre_id = :c AND type_id = :t "
         "AND enabled = 1",
      soci::use(centre_id), soci::use(type_id), soci::into(enabled);
  return enabled > 0;
}

std::unique_ptr<google::protobuf::Message> Centres::Settings(Transaction& tx,
                                                             const std::string& centre_id,
                                                             const std::string& type_id) const {
  const LoadedPlugin* plugin = registry_.Find(type_id);
  if (plugin == nullptr || plugin->settings == nullptr) return nullptr;
  std::string json;
  const bool found = tx.Prepared(
                           "SELECT settings_json FROM centre_assistance_types WHERE centre_id = :c "
                           "AND type_id = :t")
                         .Bind(soci::use(centre_id), soci::use(type_id), soci::into(json))
                         .Execute();
  if (!found || json.empty()) return nullptr;
  return FromStoredJson(json, *plugin->settings);
}

void Centres::Bootstrap(
    Database& db,
    const google::protobuf::RepeatedPtrField<assist::host::v1::BootstrapCentre>& centres) const {
  for (const auto& config : centres) {
    Transaction tx(db);
    if (db.backend() == sdk::Backend::kPostgresql) {
      // Hosts starting together on one database take turns: the checks below then hold.
      tx.sql() << "SELECT pg_advisory_xact_lock(hashtext('bootstrap_centres'))";
    }
    std::vector<std::string> changes;
    std::string name, municipality;
    tx.sql() << "SELECT name, municipality FROM centres WHERE id = :id", soci::use(config.id()),
        soci::into(name), soci::into(municipality);
    if (!tx.sql().got_data()) {
      Insert(tx.sql(), config.id(), config.name(), config.municipality());
      changes.push_back("created");
    } else if (name != config.name() || municipality != config.municipality()) {
      tx.sql() << "UPDATE centres SET name = :n, municipality = :m WHERE id = :id",
          soci::use(config.name()), soci::use(config.municipality()), soci::use(config.id());
      changes.push_back("name and municipality from the config");
    }
    for (const auto& type : config.enabled_types()) {
      if (registry_.Find(type) == nullptr) {
        LogWarning("bootstrap centre " + config.id() + ": assistance type " + type +
                   " is not loaded; it is enabled at a start that loads it");
        continue;
      }
      int known = 0;
      tx.sql() << "SELECT COUNT(*) FROM centre_assistance_types WHERE centre_id = :c AND "
                  "type_id = :t",
          soci::use(config.id()), soci::use(type), soci::into(known);
      if (known > 0) continue;
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
