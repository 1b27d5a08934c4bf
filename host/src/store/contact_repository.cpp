#include "store/contact_repository.hpp"

namespace assist::host {

long long InsertContactRow(Transaction& tx, const assist::v1::Contact& contact,
                           const std::string& details_type, const std::string& details_json) {
  long long id = 0, case_id = contact.case_id();
  int kind = contact.kind(), minutes = contact.duration_minutes();
  tx.Prepared(
        "INSERT INTO contacts (case_id, contact_on, kind, duration_minutes, place, notes, "
        "details_type, details_json, recorded_by, recorded_at) VALUES (:c, :o, :k, :d, :p, "
        ":n, :dt, :dj, :b, :a) RETURNING id")
      .Bind(soci::use(case_id), soci::use(contact.contact_on()), soci::use(kind),
            soci::use(minutes), soci::use(contact.place()), soci::use(contact.notes()),
            soci::use(details_type), soci::use(details_json), soci::use(contact.recorded_by()),
            soci::use(contact.recorded_at()), soci::into(id))
      .Execute();
  return id;
}

std::vector<StoredContact> ListContactRows(Transaction& tx, long long case_id, long long after_id,
                                           int fetch) {
  long long id = 0;
  int kind = 0, minutes = 0;
  std::string on, place, notes, details_type, details_json, by, at;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, contact_on, kind, duration_minutes, place, notes, "
                           "details_type, details_json, recorded_by, recorded_at FROM contacts "
                           "WHERE case_id = :c AND id > :after ORDER BY id LIMIT :n",
       soci::use(case_id), soci::use(after_id), soci::use(fetch), soci::into(id), soci::into(on),
       soci::into(kind), soci::into(minutes), soci::into(place), soci::into(notes),
       soci::into(details_type), soci::into(details_json), soci::into(by), soci::into(at));
  st.execute();
  std::vector<StoredContact> rows;
  while (st.fetch()) {
    auto& row = rows.emplace_back();
    auto* c = &row.contact;
    c->set_id(id);
    c->set_case_id(case_id);
    c->set_contact_on(on);
    c->set_kind(static_cast<assist::v1::ContactKind>(kind));
    c->set_duration_minutes(minutes);
    c->set_place(place);
    c->set_notes(notes);
    c->set_recorded_by(by);
    c->set_recorded_at(at);
    row.details_type = details_type;
    row.details_json = details_json;
  }
  return rows;
}

std::vector<StoredContact> ContactsByDate(Transaction& tx, long long case_id) {
  std::string on, notes, type, json;
  int kind_code = 0, minutes = 0;
  soci::statement st = (tx.sql().prepare << "SELECT contact_on, kind, duration_minutes, notes, "
                                            "details_type, details_json FROM contacts "
                                            "WHERE case_id = :c ORDER BY contact_on, id",
                        soci::use(case_id), soci::into(on), soci::into(kind_code),
                        soci::into(minutes), soci::into(notes), soci::into(type), soci::into(json));
  st.execute();
  std::vector<StoredContact> rows;
  while (st.fetch()) {
    auto& row = rows.emplace_back();
    row.contact.set_case_id(case_id);
    row.contact.set_contact_on(on);
    row.contact.set_kind(static_cast<assist::v1::ContactKind>(kind_code));
    row.contact.set_duration_minutes(minutes);
    row.contact.set_notes(notes);
    row.details_type = type;
    row.details_json = json;
  }
  return rows;
}

}  // namespace assist::host
