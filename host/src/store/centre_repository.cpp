#include "store/centre_repository.hpp"

#include "util/clock.hpp"

namespace assist::host {

std::optional<assist::v1::Centre> FindCentre(Transaction& tx, const std::string& id) {
  soci::session& sql = tx.sql();
  assist::v1::Centre centre;
  std::string name, municipality, created_at;
  sql << "SELECT name, municipality, created_at FROM centres WHERE id = :id", soci::use(id),
      soci::into(name), soci::into(municipality), soci::into(created_at);
  if (!sql.got_data()) return std::nullopt;
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

bool CentreExists(Transaction& tx, const std::string& id) {
  int exists = 0;
  tx.sql() << "SELECT COUNT(*) FROM centres WHERE id = :id", soci::use(id), soci::into(exists);
  return exists > 0;
}

void InsertCentre(Transaction& tx, const std::string& id, const std::string& name,
                  const std::string& municipality) {
  const std::string now = NowTimestamp();
  tx.sql() << "INSERT INTO centres (id, name, municipality, created_at) VALUES (:id, :n, :m, :t)",
      soci::use(id), soci::use(name), soci::use(municipality), soci::use(now);
}

std::optional<CentreNaming> FindCentreNaming(Transaction& tx, const std::string& id) {
  CentreNaming naming;
  tx.sql() << "SELECT name, municipality FROM centres WHERE id = :id", soci::use(id),
      soci::into(naming.name), soci::into(naming.municipality);
  if (!tx.sql().got_data()) return std::nullopt;
  return naming;
}

void UpdateCentreNaming(Transaction& tx, const std::string& id, const CentreNaming& naming) {
  tx.sql() << "UPDATE centres SET name = :n, municipality = :m WHERE id = :id",
      soci::use(naming.name), soci::use(naming.municipality), soci::use(id);
}

std::vector<std::string> CentreIds(soci::session& sql) {
  std::vector<std::string> ids;
  std::string id;
  soci::statement st = (sql.prepare << "SELECT id FROM centres ORDER BY id", soci::into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

void UpsertCentreType(Transaction& tx, const std::string& centre_id, const std::string& type_id,
                      bool enabled, const std::string& settings_type,
                      const std::string& settings_json) {
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

void DisableCentreType(Transaction& tx, const std::string& centre_id, const std::string& type_id) {
  tx.sql()
      << "UPDATE centre_assistance_types SET enabled = 0 WHERE centre_id = :c AND type_id = :t",
      soci::use(centre_id), soci::use(type_id);
}

bool CentreTypeEnabled(Transaction& tx, const std::string& centre_id, const std::string& type_id) {
  int enabled = 0;
  tx.sql() << "SELECT COUNT(*) FROM centre_assistance_types WHERE centre_id = :c AND type_id = :t "
              "AND enabled = 1",
      soci::use(centre_id), soci::use(type_id), soci::into(enabled);
  return enabled > 0;
}

bool CentreTypeKnown(Transaction& tx, const std::string& centre_id, const std::string& type_id) {
  int known = 0;
  tx.sql() << "SELECT COUNT(*) FROM centre_assistance_types WHERE centre_id = :c AND "
              "type_id = :t",
      soci::use(centre_id), soci::use(type_id), soci::into(known);
  return known > 0;
}

std::optional<std::string> CentreTypeSettingsJson(Transaction& tx, const std::string& centre_id,
                                                  const std::string& type_id) {
  std::string json;
  const bool found = tx.Prepared(
                           "SELECT settings_json FROM centre_assistance_types WHERE centre_id = :c "
                           "AND type_id = :t")
                         .Bind(soci::use(centre_id), soci::use(type_id), soci::into(json))
                         .Execute();
  if (!found) return std::nullopt;
  return json;
}

void LockCentreBootstrap(Transaction& tx) {
  if (tx.backend() == sdk::Backend::kPostgresql) {
    tx.sql() << "SELECT pg_advisory_xact_lock(hashtext('bootstrap_centres'))";
  }
}

}  // namespace assist::host
