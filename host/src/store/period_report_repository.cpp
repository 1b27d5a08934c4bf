#include "store/period_report_repository.hpp"

namespace assist::host {
namespace {

// The served condition on cases `c`, each placeholder named once (SOCI binds in order).
std::string Served(const std::string& type) {
  return std::string(" c.centre_id = :centre") + (type.empty() ? "" : " AND c.type_id = :type") +
         " AND c.referred_on <= :last AND (c.closed_on = '' OR c.closed_on >= :first)";
}

void UseServed(soci::statement& st, const std::string& centre, const std::string& type,
               const ReportPeriod& period) {
  st.exchange(soci::use(centre));
  if (!type.empty()) st.exchange(soci::use(type));
  st.exchange(soci::use(period.last));
  st.exchange(soci::use(period.first));
}

}  // namespace

std::vector<WorkSpan> ServedWorkSpans(Transaction& tx, const std::string& centre,
                                      const std::string& type, const ReportPeriod& period) {
  std::vector<WorkSpan> out;
  WorkSpan row;
  soci::statement st(tx.sql());
  st.alloc();
  st.exchange(soci::into(row.type_id));
  st.exchange(soci::into(row.work_started_on));
  st.exchange(soci::into(row.closed_on));
  UseServed(st, centre, type, period);
  st.exchange(soci::use(period.last));
  st.prepare("SELECT c.type_id, c.work_started_on, c.closed_on FROM cases c WHERE" + Served(type) +
             " AND c.work_started_on <> '' AND c.work_started_on <= :started_by");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) out.push_back(row);
  return out;
}

std::map<std::pair<std::string, std::string>, FlagCount> ServedFlagCounts(
    Transaction& tx, const std::string& centre, const std::string& type,
    const ReportPeriod& period) {
  std::map<std::pair<std::string, std::string>, FlagCount> out;
  std::string type_id, code;
  long long cases = 0, families = 0;
  soci::statement st(tx.sql());
  st.alloc();
  st.exchange(soci::into(type_id));
  st.exchange(soci::into(code));
  st.exchange(soci::into(cases));
  st.exchange(soci::into(families));
  UseServed(st, centre, type, period);
  st.prepare(
      "SELECT c.type_id, f.code, COUNT(*), COUNT(DISTINCT c.family_id) FROM cases c JOIN "
      "case_report_flags f ON f.case_id = c.id AND f.intake_version = c.intake_version WHERE" +
      Served(type) + " GROUP BY c.type_id, f.code ORDER BY c.type_id, f.code");
  st.define_and_bind();
  st.execute();
  while (st.fetch()) {
    out[{type_id, code}] = {static_cast<int>(cases), static_cast<int>(families)};
  }
  return out;
}

void InsertIntakeFlags(Transaction& tx, std::int64_t case_id, int intake_version,
                       const std::vector<std::string>& codes) {
  long long id = case_id;
  for (const std::string& code : codes) {
    tx.sql() << "INSERT INTO case_report_flags (case_id, intake_version, code) VALUES (:c, :v, "
                ":code)",
        soci::use(id), soci::use(intake_version), soci::use(code);
  }
}

bool HasIntakeFlag(Transaction& tx, std::int64_t case_id, int intake_version,
                   const std::string& code) {
  long long id = case_id;
  int found = 0;
  tx.sql() << "SELECT COUNT(*) FROM case_report_flags WHERE case_id = :c AND intake_version = :v "
              "AND code = :code",
      soci::use(id), soci::use(intake_version), soci::use(code), soci::into(found);
  return found > 0;
}

std::string CentreName(Transaction& tx, const std::string& centre_id) {
  std::string name;
  tx.sql() << "SELECT name FROM centres WHERE id = :id", soci::use(centre_id), soci::into(name);
  return name;
}

}  // namespace assist::host
