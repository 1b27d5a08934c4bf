#include "store/transfer_repository.hpp"

namespace assist::host {
namespace {

constexpr const char* kTransferColumns =
    "id, case_id, from_centre_id, to_centre_id, type_id, reason, transfer_on, "
    "origin_referred_on, state, requested_by, requested_at, decided_by, decided_at, "
    "decline_reason, new_case_id";

// One row's columns, bound in kTransferColumns order.
struct TransferRow {
  long long id = 0, case_id = 0, new_case_id = 0;
  int state = 0;
  std::string from, to, type, reason, transfer_on, origin_referred_on, requested_by, requested_at,
      decided_by, decided_at, decline_reason;
  soci::indicator new_case_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(soci::into(id));
    st.exchange(soci::into(case_id));
    st.exchange(soci::into(from));
    st.exchange(soci::into(to));
    st.exchange(soci::into(type));
    st.exchange(soci::into(reason));
    st.exchange(soci::into(transfer_on));
    st.exchange(soci::into(origin_referred_on));
    st.exchange(soci::into(state));
    st.exchange(soci::into(requested_by));
    st.exchange(soci::into(requested_at));
    st.exchange(soci::into(decided_by));
    st.exchange(soci::into(decided_at));
    st.exchange(soci::into(decline_reason));
    st.exchange(soci::into(new_case_id, new_case_ind));
  }

  StoredTransfer Get() const {
    StoredTransfer out;
    auto& t = out.transfer;
    t.set_id(id);
    t.set_case_id(case_id);
    t.set_from_centre_id(from);
    t.set_to_centre_id(to);
    t.set_type_id(type);
    t.set_reason(reason);
    t.set_transfer_on(transfer_on);
    t.set_state(static_cast<assist::v1::TransferState>(state));
    t.set_requested_by(requested_by);
    t.set_requested_at(requested_at);
    t.set_decided_by(decided_by);
    t.set_decided_at(decided_at);
    t.set_decline_reason(decline_reason);
    if (new_case_ind == soci::i_ok) t.set_new_case_id(new_case_id);
    out.origin_referred_on = origin_referred_on;
    return out;
  }
};

// `both_centres`: the statement names the centre twice (sender or receiver).
std::optional<StoredTransfer> SelectOne(Transaction& tx, const std::string& sql, long long key,
                                        const std::string& centre_id, bool both_centres) {
  TransferRow row;
  PreparedStatement st = tx.Prepared(sql);
  row.Bind(st.statement());
  st.Bind(soci::use(key), soci::use(centre_id));
  if (both_centres) st.Bind(soci::use(centre_id));
  if (!st.Execute()) return std::nullopt;
  return row.Get();
}

}  // namespace

long long InsertTransfer(Transaction& tx, const assist::v1::CaseTransfer& t,
                         const std::string& origin_referred_on) {
  long long id = 0, case_id = t.case_id();
  tx.sql() << "INSERT INTO case_transfers (case_id, from_centre_id, to_centre_id, type_id, "
              "reason, transfer_on, origin_referred_on, state, requested_by, requested_at, "
              "decided_by, decided_at, decline_reason) VALUES (:c, :f, :t, :ty, :r, :o, :orr, 1, "
              ":rb, :ra, '', '', '') RETURNING id",
      soci::use(case_id), soci::use(t.from_centre_id()), soci::use(t.to_centre_id()),
      soci::use(t.type_id()), soci::use(t.reason()), soci::use(t.transfer_on()),
      soci::use(origin_referred_on), soci::use(t.requested_by()), soci::use(t.requested_at()),
      soci::into(id);
  return id;
}

std::optional<StoredTransfer> FindTransferForUpdate(Transaction& tx, const std::string& centre_id,
                                                    long long id) {
  std::string sql = std::string("SELECT ") + kTransferColumns +
                    " FROM case_transfers WHERE id = :id AND (from_centre_id = :c1 OR "
                    "to_centre_id = :c2)";
  if (tx.backend() == sdk::Backend::kPostgresql) sql += " FOR UPDATE";
  return SelectOne(tx, sql, id, centre_id, true);
}

std::optional<StoredTransfer> FindTransferIntoCase(Transaction& tx, const std::string& centre_id,
                                                   long long new_case_id) {
  return SelectOne(tx,
                   std::string("SELECT ") + kTransferColumns +
                       " FROM case_transfers WHERE new_case_id = :n AND to_centre_id = :c",
                   new_case_id, centre_id, false);
}

std::optional<long long> PendingTransferOf(Transaction& tx, long long case_id) {
  long long id = 0;
  const bool found = tx.Prepared("SELECT id FROM case_transfers WHERE case_id = :c AND state = 1")
                         .Bind(soci::use(case_id), soci::into(id))
                         .Execute();
  if (!found) return std::nullopt;
  return id;
}

bool DecideTransfer(Transaction& tx, long long id, assist::v1::TransferState state,
                    const std::string& decided_by, const std::string& decided_at,
                    const std::string& decline_reason, long long new_case_id) {
  int s = state;
  soci::indicator new_case_ind = new_case_id != 0 ? soci::i_ok : soci::i_null;
  PreparedStatement st = tx.Prepared(
      "UPDATE case_transfers SET state = :s, decided_by = :b, decided_at = :a, decline_reason = "
      ":r, new_case_id = :n WHERE id = :id AND state = 1");
  st.Bind(soci::use(s), soci::use(decided_by), soci::use(decided_at), soci::use(decline_reason),
          soci::use(new_case_id, new_case_ind), soci::use(id));
  st.Execute();
  return st.AffectedRows() == 1;
}

std::vector<StoredTransfer> ListTransferRows(Transaction& tx, const std::string& centre_id,
                                             const TransferListFilter& filter) {
  // Only the filters that are set are in the statement (as ListCaseRows does), each value bound.
  std::string sql = std::string("SELECT ") + kTransferColumns + " FROM case_transfers WHERE ";
  if (filter.outgoing && filter.incoming) {
    sql += "(from_centre_id = :c1 OR to_centre_id = :c2)";
  } else {
    sql += filter.outgoing ? "from_centre_id = :c1" : "to_centre_id = :c1";
  }
  if (filter.state != 0) sql += " AND state = :s";
  if (filter.before_id != 0) sql += " AND id < :b";
  sql += " ORDER BY id DESC LIMIT :n";
  TransferRow row;
  soci::statement st(tx.sql());
  st.alloc();
  row.Bind(st);
  st.exchange(soci::use(centre_id));
  if (filter.outgoing && filter.incoming) st.exchange(soci::use(centre_id));
  if (filter.state != 0) st.exchange(soci::use(filter.state));
  if (filter.before_id != 0) st.exchange(soci::use(filter.before_id));
  st.exchange(soci::use(filter.fetch));
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<StoredTransfer> out;
  while (st.fetch()) out.push_back(row.Get());
  return out;
}

void AnonymiseTransferTexts(Transaction& tx, long long case_id) {
  tx.Prepared(
        "UPDATE case_transfers SET reason = 'anonymised', decline_reason = CASE WHEN "
        "decline_reason = '' THEN '' ELSE 'anonymised' END WHERE case_id = :c OR new_case_id = :n")
      .Bind(soci::use(case_id), soci::use(case_id))
      .Execute();
}

void CopyIntakeFlags(Transaction& tx, long long from_case, int from_version, long long to_case,
                     int to_version) {
  tx.sql() << "INSERT INTO case_report_flags (case_id, intake_version, code) SELECT :to, :tv, "
              "code FROM case_report_flags WHERE case_id = :from AND intake_version = :fv",
      soci::use(to_case), soci::use(to_version), soci::use(from_case), soci::use(from_version);
}

}  // namespace assist::host
