#include "store/review_repository.hpp"

namespace assist::host {

long long InsertReviewRow(Transaction& tx, const assist::v1::Review& review,
                          const std::string& type_name, const std::string& json) {
  long long id = 0, case_id = review.case_id();
  tx.Prepared(
        "INSERT INTO reviews (case_id, reviewed_on, review_type, review_json, "
        "next_review_due, recorded_by, recorded_at) VALUES (:c, :o, :t, :j, :n, :b, :a) "
        "RETURNING id")
      .Bind(soci::use(case_id), soci::use(review.reviewed_on()), soci::use(type_name),
            soci::use(json), soci::use(review.next_review_due()), soci::use(review.recorded_by()),
            soci::use(review.recorded_at()), soci::into(id))
      .Execute();
  return id;
}

std::vector<StoredReview> ListReviewRows(Transaction& tx, long long case_id) {
  long long id = 0;
  std::string on, type, json, next, by, at;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, reviewed_on, review_type, review_json, next_review_due, "
                           "recorded_by, recorded_at FROM reviews WHERE case_id = :c ORDER BY id",
       soci::use(case_id), soci::into(id), soci::into(on), soci::into(type), soci::into(json),
       soci::into(next), soci::into(by), soci::into(at));
  st.execute();
  std::vector<StoredReview> rows;
  while (st.fetch()) {
    auto& row = rows.emplace_back();
    auto* r = &row.review;
    r->set_id(id);
    r->set_case_id(case_id);
    r->set_reviewed_on(on);
    r->set_next_review_due(next);
    r->set_recorded_by(by);
    r->set_recorded_at(at);
    row.type_name = type;
    row.json = json;
  }
  return rows;
}

std::vector<StoredReview> ReviewsByDate(Transaction& tx, long long case_id) {
  std::string on, json;
  soci::statement st = (tx.sql().prepare << "SELECT reviewed_on, review_json FROM reviews "
                                            "WHERE case_id = :c ORDER BY reviewed_on, id",
                        soci::use(case_id), soci::into(on), soci::into(json));
  st.execute();
  std::vector<StoredReview> rows;
  while (st.fetch()) {
    auto& row = rows.emplace_back();
    row.review.set_case_id(case_id);
    row.review.set_reviewed_on(on);
    row.json = json;
  }
  return rows;
}

}  // namespace assist::host
