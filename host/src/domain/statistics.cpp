#include "domain/statistics.hpp"

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plugin_bridge.hpp"
#include "domain/request_checks.hpp"

namespace assist::host {
namespace {

using google::protobuf::Message;

struct YearBounds {
  std::string first, last;  // "YYYY-01-01", "YYYY-12-31"
};

// A case is served in a year when it was referred by the year's end and not closed before it began.
constexpr const char* kServed =
    "centre_id = :centre AND type_id = :type AND referred_on <= :last "
    "AND (closed_on = '' OR closed_on >= :first)";

int CountServed(Transaction& tx, const std::string& select, const std::string& centre,
                const std::string& type, const YearBounds& y) {
  int n = 0;
  tx.sql() << select + " WHERE " + kServed, soci::use(centre), soci::use(type), soci::use(y.last),
      soci::use(y.first), soci::into(n);
  return n;
}

void FillCounts(Transaction& tx, const std::string& centre, const std::string& type,
                const YearBounds& y, assist::v1::TypeStatistics& out) {
  out.set_cases_served(CountServed(tx, "SELECT COUNT(*) FROM cases", centre, type, y));
  out.set_families_served(
      CountServed(tx, "SELECT COUNT(DISTINCT family_id) FROM cases", centre, type, y));
  out.set_assistants(CountServed(tx, "SELECT COUNT(DISTINCT NULLIF(assistant_id, '')) FROM cases",
                                 centre, type, y));
  int people = 0;
  tx.sql() << std::string(
                  "SELECT COUNT(DISTINCT pid) FROM (SELECT person_id AS pid FROM cases "
                  "WHERE person_id IS NOT NULL AND ") +
                  kServed +
                  " UNION SELECT m.person_id AS pid FROM family_members m JOIN cases c ON "
                  "c.family_id = m.family_id WHERE c.centre_id = :centre2 AND c.type_id = :type2 "
                  "AND c.referred_on <= :last2 AND (c.closed_on = '' OR c.closed_on >= :first2)) "
                  "AS served",
      soci::use(centre), soci::use(type), soci::use(y.last), soci::use(y.first), soci::use(centre),
      soci::use(type), soci::use(y.last), soci::use(y.first), soci::into(people);
  out.set_people_served(people);
  int opened = 0, closed = 0, open_at_end = 0;
  tx.sql() << "SELECT COUNT(*) FROM cases WHERE centre_id = :c AND type_id = :t AND referred_on "
              ">= :first AND referred_on <= :last",
      soci::use(centre), soci::use(type), soci::use(y.first), soci::use(y.last), soci::into(opened);
  tx.sql() << "SELECT COUNT(*) FROM cases WHERE centre_id = :c AND type_id = :t AND closed_on "
              ">= :first AND closed_on <= :last",
      soci::use(centre), soci::use(type), soci::use(y.first), soci::use(y.last), soci::into(closed);
  tx.sql() << "SELECT COUNT(*) FROM cases WHERE centre_id = :c AND type_id = :t AND referred_on "
              "<= :last AND (closed_on = '' OR closed_on > :last2)",
      soci::use(centre), soci::use(type), soci::use(y.last), soci::use(y.last),
      soci::into(open_at_end);
  out.set_cases_opened(opened);
  out.set_cases_closed(closed);
  out.set_open_at_year_end(open_at_end);
  int reason = 0, cases = 0;
  soci::statement by_reason =
      (tx.sql().prepare << "SELECT closure_reason, COUNT(*) FROM cases WHERE centre_id = :c AND "
                           "type_id = :t AND closed_on >= :first AND closed_on <= :last "
                           "GROUP BY closure_reason ORDER BY closure_reason",
       soci::use(centre), soci::use(type), soci::use(y.first), soci::use(y.last),
       soci::into(reason), soci::into(cases));
  by_reason.execute();
  while (by_reason.fetch()) {
    auto* closure = out.add_closures();
    closure->set_reason(static_cast<assist::v1::ClosureReason>(reason));
    closure->set_cases(cases);
  }
}

void FillIndicators(Transaction& tx, const std::string& centre, const LoadedPlugin& plugin,
                    const YearBounds& y, assist::v1::TypeStatistics& out) {
  std::vector<std::unique_ptr<Message>> outcomes;
  std::string json;
  soci::statement st =
      (tx.sql().prepare << "SELECT d.payload_json FROM case_documents d JOIN cases c "
                           "ON c.id = d.case_id WHERE c.centre_id = :c AND "
                           "c.type_id = :t AND d.kind = 'outcome' AND c.closed_on "
                           ">= :first AND c.closed_on <= :last ORDER BY c.id",
       soci::use(centre), soci::use(plugin.info.id), soci::use(y.first), soci::use(y.last),
       soci::into(json));
  st.execute();
  while (st.fetch()) outcomes.push_back(FromStoredJson(json, *plugin.outcome));
  std::vector<const Message*> views;
  for (const auto& each : outcomes) views.push_back(each.get());
  for (const auto& s : SummarizeOutcomes(plugin, views)) {
    auto* i = out.add_indicators();
    i->set_code(s.code);
    i->set_label_pl(s.label_pl);
    i->set_label_en(s.label_en);
    i->set_cases(s.cases);
    i->set_mean_before(s.mean_before);
    i->set_mean_after(s.mean_after);
    i->set_improved(s.improved);
  }
}

}  // namespace

assist::v1::Statistics CentreStatistics(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry,
                                        const assist::v1::GetStatisticsRequest& request) {
  if (request.year() < 2000 || request.year() > 2100) {
    ThrowInvalid("year", "must be between 2000 and 2100", "musi mieścić się między 2000 a 2100");
  }
  std::vector<const LoadedPlugin*> types;
  if (!request.type_id().empty()) {
    types.push_back(&LoadedType(registry, request.type_id()));
  } else {
    for (const auto& plugin : registry.all()) types.push_back(plugin.get());
  }
  const std::string year = std::to_string(request.year());
  const YearBounds bounds{year + "-01-01", year + "-12-31"};
  assist::v1::Statistics stats;
  stats.set_centre_id(who.centre_id);
  stats.set_year(request.year());
  for (const LoadedPlugin* plugin : types) {
    assist::v1::TypeStatistics type;
    type.set_type_id(plugin->info.id);
    FillCounts(tx, who.centre_id, plugin->info.id, bounds, type);
    if (type.cases_served() == 0 && request.type_id().empty()) continue;
    FillIndicators(tx, who.centre_id, *plugin, bounds, type);
    *stats.add_types() = std::move(type);
  }
  AppendAudit(tx, who, "GetStatistics", 0, AuditAction::kRead, "statistics " + year);
  return stats;
}

}  // namespace assist::host
