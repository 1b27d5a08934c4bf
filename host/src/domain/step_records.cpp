#include "domain/step_records.hpp"

#include "domain/payload_codec.hpp"
#include "util/clock.hpp"

namespace assist::host {

void InsertConsentDecision(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                           const std::string& note) {
  int decision = c.consent();
  std::string now = NowTimestamp();
  long long case_id = c.id();
  tx.Prepared(
        "INSERT INTO consent_decisions (case_id, decision, decided_on, note, recorded_by, "
        "recorded_at) VALUES (:c, :d, :o, :n, :b, :a)")
      .Bind(soci::use(case_id), soci::use(decision), soci::use(c.consent_on()), soci::use(note),
            soci::use(who.actor_id), soci::use(now))
      .Execute();
}

long long InsertContact(Transaction& tx, const assist::v1::Contact& contact,
                        const google::protobuf::Message* details) {
  std::string details_type = details ? details->GetDescriptor()->full_name() : "";
  std::string details_json = details ? ToStoredJson(*details) : "";
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

long long InsertReview(Transaction& tx, const assist::v1::Review& review,
                       const google::protobuf::Message& payload) {
  std::string review_type = payload.GetDescriptor()->full_name();
  std::string review_json = ToStoredJson(payload);
  long long id = 0, case_id = review.case_id();
  tx.Prepared(
        "INSERT INTO reviews (case_id, reviewed_on, review_type, review_json, "
        "next_review_due, recorded_by, recorded_at) VALUES (:c, :o, :t, :j, :n, :b, :a) "
        "RETURNING id")
      .Bind(soci::use(case_id), soci::use(review.reviewed_on()), soci::use(review_type),
            soci::use(review_json), soci::use(review.next_review_due()),
            soci::use(review.recorded_by()), soci::use(review.recorded_at()), soci::into(id))
      .Execute();
  return id;
}

}  // namespace assist::host
