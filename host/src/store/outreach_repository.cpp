#include "store/outreach_repository.hpp"

#include <sstream>

namespace assist::host {
namespace {

// needs_met as stored: the enum numbers, comma-separated, e.g. "1,4".
std::string NeedsText(const assist::v1::OutreachContact& contact) {
  std::string text;
  for (int need : contact.needs_met()) {
    if (!text.empty()) text += ',';
    text += std::to_string(need);
  }
  return text;
}

void AddNeeds(const std::string& text, assist::v1::OutreachContact& contact) {
  std::istringstream in(text);
  std::string number;
  while (std::getline(in, number, ',')) {
    if (!number.empty())
      contact.add_needs_met(static_cast<assist::v1::OutreachNeed>(std::stoi(number)));
  }
}

constexpr const char* kColumns =
    "o.id, o.centre_id, o.type_id, o.contact_on, o.pseudonym, o.description, o.identity_quality, "
    "o.place, o.needs_met, o.notes, o.recorded_by, o.recorded_at, COALESCE(o.case_id, 0), "
    "COALESCE(k.person_id, 0), o.keep_until FROM outreach_contacts o LEFT JOIN cases k ON "
    "k.id = o.case_id";

// One row of kColumns bound to a statement, read into contacts.
struct Row {
  long long id = 0, case_id = 0, person_id = 0;
  int quality = 0;
  std::string centre, type, on, pseudonym, description, place, needs, notes, by, at, keep_until;

  void Into(soci::statement& st) {
    st.exchange(soci::into(id));
    for (std::string* s : {&centre, &type, &on, &pseudonym, &description}) {
      st.exchange(soci::into(*s));
    }
    st.exchange(soci::into(quality));
    for (std::string* s : {&place, &needs, &notes, &by, &at}) st.exchange(soci::into(*s));
    st.exchange(soci::into(case_id));
    st.exchange(soci::into(person_id));
    st.exchange(soci::into(keep_until));
  }

  assist::v1::OutreachContact Get() const {
    assist::v1::OutreachContact c;
    c.set_id(id);
    c.set_centre_id(centre);
    c.set_type_id(type);
    c.set_contact_on(on);
    c.set_pseudonym(pseudonym);
    c.set_description(description);
    c.set_identity_quality(static_cast<assist::v1::IdentityQuality>(quality));
    c.set_place(place);
    AddNeeds(needs, c);
    c.set_notes(notes);
    c.set_recorded_by(by);
    c.set_recorded_at(at);
    c.set_case_id(case_id);
    c.set_person_id(person_id);
    c.set_keep_until(keep_until);
    return c;
  }
};

}  // namespace

long long InsertOutreachContact(Transaction& tx, const assist::v1::OutreachContact& contact) {
  long long id = 0;
  const int quality = contact.identity_quality();
  const std::string needs = NeedsText(contact);
  tx.sql() << "INSERT INTO outreach_contacts (centre_id, type_id, contact_on, pseudonym, "
              "description, identity_quality, place, needs_met, notes, recorded_by, recorded_at, "
              "keep_until) VALUES (:c, :t, :o, :p, :d, :q, :pl, :n, :no, :b, :a, :k) RETURNING id",
      soci::use(contact.centre_id()), soci::use(contact.type_id()), soci::use(contact.contact_on()),
      soci::use(contact.pseudonym()), soci::use(contact.description()), soci::use(quality),
      soci::use(contact.place()), soci::use(needs), soci::use(contact.notes()),
      soci::use(contact.recorded_by()), soci::use(contact.recorded_at()),
      soci::use(contact.keep_until()), soci::into(id);
  return id;
}

std::vector<assist::v1::OutreachContact> ListOutreachContactRows(Transaction& tx,
                                                                 const std::string& centre_id,
                                                                 const OutreachFilter& filter,
                                                                 long long after_id, int fetch) {
  Row row;
  soci::statement st(tx.sql());
  st.alloc();
  row.Into(st);
  st.exchange(soci::use(centre_id));
  st.exchange(soci::use(after_id));
  if (!filter.type_id.empty()) st.exchange(soci::use(filter.type_id));
  st.exchange(soci::use(fetch));
  st.prepare(std::string("SELECT ") + kColumns + " WHERE o.centre_id = :c AND o.id > :after" +
             (filter.type_id.empty() ? "" : " AND o.type_id = :t") +
             (filter.unlinked_only ? " AND o.case_id IS NULL" : "") + " ORDER BY o.id LIMIT :n");
  st.define_and_bind();
  st.execute();
  std::vector<assist::v1::OutreachContact> rows;
  while (st.fetch()) rows.push_back(row.Get());
  return rows;
}

std::optional<assist::v1::OutreachContact> FindOutreachContactForUpdate(
    Transaction& tx, const std::string& centre_id, long long id) {
  Row row;
  soci::statement st(tx.sql());
  st.alloc();
  row.Into(st);
  st.exchange(soci::use(id));
  st.exchange(soci::use(centre_id));
  const bool postgresql = tx.backend() == sdk::Backend::kPostgresql;
  st.prepare(std::string("SELECT ") + kColumns + " WHERE o.id = :i AND o.centre_id = :c" +
             (postgresql ? " FOR UPDATE OF o" : ""));
  st.define_and_bind();
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return row.Get();
}

bool LinkOutreachContactRow(Transaction& tx, long long id, long long case_id) {
  soci::statement st = (tx.sql().prepare << "UPDATE outreach_contacts SET case_id = :k, keep_until "
                                            "= '' WHERE id = :i AND case_id IS NULL",
                        soci::use(case_id), soci::use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::vector<assist::v1::OutreachContact> OutreachContactsOfCase(Transaction& tx,
                                                                long long case_id) {
  Row row;
  soci::statement st(tx.sql());
  st.alloc();
  row.Into(st);
  st.exchange(soci::use(case_id));
  st.prepare(std::string("SELECT ") + kColumns + " WHERE o.case_id = :k ORDER BY o.id");
  st.define_and_bind();
  st.execute();
  std::vector<assist::v1::OutreachContact> rows;
  while (st.fetch()) rows.push_back(row.Get());
  return rows;
}

long long DeleteExpiredOutreachContacts(Transaction& tx, const std::string& centre_id,
                                        const std::string& today) {
  soci::statement st = (tx.sql().prepare << "DELETE FROM outreach_contacts WHERE centre_id = :c "
                                            "AND case_id IS NULL AND keep_until < :d",
                        soci::use(centre_id), soci::use(today));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace assist::host
