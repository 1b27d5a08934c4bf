// Reads at national scale on SQLite: builds a database of N cases (default 100,000) over 300
// centres and the four assistance types with the host's migrations (bench/bench_data.hpp), loads
// the plugins, then times the host's own domain functions behind the read RPCs against the largest
// centre (9 % of all cases): ListDueReviews, ExportPersonData, GetStatistics (one type and all),
// OpenCase's duplicate check (an OpenCase refused because the person has an open case of the
// type), GetCase and a ListCases page. Each runs in its own transaction, rolled back so that the
// audit rows do not pile up; the table gives the median, fastest and slowest of --runs runs.
//
//   scale_reads [--cases 100000] [--centres 300] [--runs 7] [--year 2024]
//               [--plugin-dir DIR] [--db PATH [--generate-only]]
//
// Every answer is checked against plain SQL written independently of the host's statements (the
// statistics against the per-figure queries the host used before core migration 8); a wrong
// answer is reported and makes the program exit 1. Times are reported, never enforced: the
// machine may be shared. --db keeps the database (and reuses it when it has cases, applying any
// newer core migration first, so one database is measured before and after a change).
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <assist/plugin/date.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "bench_data.hpp"
#include "db/core_schema.hpp"
#include "db/database.hpp"
#include "db/migrator.hpp"
#include "domain/case_queries.hpp"
#include "domain/case_workflow.hpp"
#include "domain/centres.hpp"
#include "domain/data_rights.hpp"
#include "domain/errors.hpp"
#include "plugins/plugin_loader.hpp"
#include "plugins/plugin_registry.hpp"

#ifndef ASSIST_PLUGIN_DIR
#define ASSIST_PLUGIN_DIR ""
#endif

namespace {

using Clock = std::chrono::steady_clock;
using namespace assist::host;
using assist::bench::Count;

struct Options {
  assist::bench::ScaleShape shape;
  int runs = 7;
  int year = 2024;
  std::string plugin_dir = ASSIST_PLUGIN_DIR;
  std::string db;
  bool generate_only = false;
};

constexpr const char* kUsage =
    "usage: scale_reads [--cases 100000] [--centres 300] [--runs 7] [--year 2024]\n"
    "                   [--plugin-dir DIR] [--db PATH [--generate-only]]\n";

// The options, or nothing (after saying why) for a flag it does not know or one without a value:
// a mistyped flag must not start a generation of minutes with the defaults.
std::optional<Options> Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "--generate-only") {
      o.generate_only = true;
      continue;
    }
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "scale_reads: %s needs a value\n%s", flag.c_str(), kUsage);
      return std::nullopt;
    }
    std::string value = argv[++i];
    long long n = std::atoll(value.c_str());
    if (flag == "--cases") {
      o.shape.cases = std::clamp(n, 100LL, 10000000LL);
    } else if (flag == "--centres") {
      o.shape.centres = static_cast<int>(std::clamp(n, 2LL, 10000LL));
    } else if (flag == "--runs") {
      o.runs = static_cast<int>(std::clamp(n, 1LL, 1000LL));
    } else if (flag == "--year") {
      o.year = static_cast<int>(std::clamp(n, 2000LL, 2100LL));
    } else if (flag == "--plugin-dir") {
      o.plugin_dir = value;
    } else if (flag == "--db") {
      o.db = value;
    } else {
      std::fprintf(stderr, "scale_reads: unknown flag %s\n%s", flag.c_str(), kUsage);
      return std::nullopt;
    }
  }
  return o;
}

double Millis(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

std::vector<long long> Ids(soci::session& sql, const std::string& query) {
  std::vector<long long> ids;
  soci::rowset<long long> rows = (sql.prepare << query);
  for (long long id : rows) ids.push_back(id);
  return ids;
}

std::string Quoted(const std::string& text) { return "'" + text + "'"; }

int failures = 0;

void Check(bool ok, const std::string& what) {
  if (ok) return;
  ++failures;
  std::fprintf(stderr, "WRONG: %s\n", what.c_str());
}

struct Row {
  std::string name;
  std::vector<double> ms;
  std::string note;
};

// Runs `work` `runs` times, each in a transaction of its own that is rolled back; times `work`
// only (not BEGIN and ROLLBACK).
Row Time(Database& db, const std::string& name, int runs,
         const std::function<std::string(Transaction&)>& work) {
  Row row{name, {}, {}};
  for (int i = 0; i < runs; ++i) {
    Transaction tx(db);
    auto started = Clock::now();
    row.note = work(tx);
    row.ms.push_back(Millis(Clock::now() - started));
  }
  return row;
}

// The figures of one type and year as the host computed them up to core migration 8: one query
// per figure. The reference the host's answer is checked against.
struct Figures {
  long long served = 0, families = 0, assistants = 0, people = 0, children = 0, opened = 0,
            closed = 0, open_at_end = 0;
  std::map<int, long long> closures;
  bool operator==(const Figures&) const = default;
};

Figures Reference(soci::session& sql, const std::string& centre, const std::string& type,
                  int year) {
  const std::string first = Quoted(std::to_string(year) + "-01-01");
  const std::string last = Quoted(std::to_string(year) + "-12-31");
  const std::string of_type =
      " FROM cases WHERE centre_id = " + Quoted(centre) + " AND type_id = " + Quoted(type);
  const std::string served = of_type + " AND referred_on <= " + last +
                             " AND (closed_on = '' OR closed_on >= " + first + ")";
  Figures f;
  f.served = Count(sql, "SELECT COUNT(*)" + served);
  f.families = Count(sql, "SELECT COUNT(DISTINCT family_id)" + served);
  f.assistants = Count(sql, "SELECT COUNT(DISTINCT NULLIF(assistant_id, ''))" + served);
  f.people = Count(sql, "SELECT COUNT(DISTINCT pid) FROM (SELECT person_id AS pid" + served +
                            " AND person_id IS NOT NULL UNION SELECT m.person_id FROM "
                            "family_members m WHERE m.family_id IN (SELECT family_id" +
                            served + "))");
  f.children = Count(sql,
                     "SELECT COUNT(DISTINCT m.person_id) FROM family_members m WHERE "
                     "m.relation = " +
                         std::to_string(assist::v1::FAMILY_RELATION_CHILD) +
                         " AND m.family_id IN (SELECT family_id" + served + ")");
  f.opened = Count(sql, "SELECT COUNT(*)" + of_type + " AND referred_on >= " + first +
                            " AND referred_on <= " + last);
  const std::string closed = of_type + " AND closed_on >= " + first + " AND closed_on <= " + last;
  f.closed = Count(sql, "SELECT COUNT(*)" + closed);
  f.open_at_end = Count(sql, "SELECT COUNT(*)" + of_type + " AND referred_on <= " + last +
                                 " AND (closed_on = '' OR closed_on > " + last + ")");
  int reason = 0;
  long long n = 0;
  soci::statement st =
      (sql.prepare << "SELECT closure_reason, COUNT(*)" + closed + " GROUP BY closure_reason",
       soci::into(reason), soci::into(n));
  st.execute();
  while (st.fetch()) f.closures[reason] = n;
  return f;
}

Figures FromAnswer(const assist::v1::TypeStatistics& t) {
  Figures f;
  f.served = t.cases_served();
  f.families = t.families_served();
  f.assistants = t.assistants();
  f.people = t.people_served();
  f.children = t.children_served();
  f.opened = t.cases_opened();
  f.closed = t.cases_closed();
  f.open_at_end = t.open_at_year_end();
  for (const auto& c : t.closures()) f.closures[c.reason()] = c.cases();
  return f;
}

void CheckStatistics(soci::session& sql, const assist::v1::Statistics& stats,
                     const std::string& centre, int year, const std::string& only_type) {
  std::set<std::string> answered;
  for (const auto& t : stats.types()) {
    answered.insert(t.type_id());
    Check(FromAnswer(t) == Reference(sql, centre, t.type_id(), year),
          "GetStatistics figures of " + t.type_id());
  }
  for (const std::string& type : assist::bench::ScaleTypes()) {
    if (!only_type.empty() && only_type != type) continue;
    bool expected = !only_type.empty() || Reference(sql, centre, type, year).served > 0;
    Check(answered.count(type) == (expected ? 1U : 0U), std::string("GetStatistics lists ") + type);
  }
}

std::vector<long long> DueIds(const assist::v1::ListDueReviewsResponse& r) {
  std::vector<long long> ids;
  for (const auto& due : r.reviews()) ids.push_back(due.case_().id());
  return ids;
}

}  // namespace

int main(int argc, char** argv) {
  std::optional<Options> parsed = Parse(argc, argv);
  if (!parsed) return 2;
  Options o = *parsed;
  if (o.generate_only && o.db.empty()) {
    std::fprintf(stderr, "--generate-only needs --db PATH\n");
    return 2;
  }
  std::filesystem::path dir;
  if (o.db.empty()) {
    dir = std::filesystem::temp_directory_path() /
          ("assist-scale-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    o.db = (dir / "bench.db").string();
  }
  int status = 0;
  try {
    Database db(assist::sdk::Backend::kSqlite, o.db, 2);  // a transaction and `sql`
    auto started = Clock::now();
    int applied = ApplyMigrations(db, "core", CoreMigrations());
    if (applied > 0) {
      std::printf("%d core migration(s) applied in %.0f ms\n", applied,
                  Millis(Clock::now() - started));
    }
    std::vector<LoadReport> reports;
    LoadOptions load;
    load.refuse_writable_by_others = false;
    auto loaded = LoadPlugins(o.plugin_dir, reports, load);
    for (auto& plugin : loaded) ApplyMigrations(db, plugin->info.id, plugin->plugin->Migrations());
    PluginRegistry registry(std::move(loaded));
    for (const std::string& type : assist::bench::ScaleTypes()) {
      if (registry.Find(type) == nullptr) {
        std::fprintf(stderr, "plugin %s not loaded from %s (--plugin-dir)\n", type.c_str(),
                     o.plugin_dir.c_str());
        return 2;
      }
    }
    soci::session sql(db.pool());
    if (Count(sql, "SELECT COUNT(*) FROM cases") == 0) {
      started = Clock::now();
      assist::bench::GenerateScaleData(sql, o.shape);
      std::printf("generated %lld cases in %.1f s\n", Count(sql, "SELECT COUNT(*) FROM cases"),
                  std::chrono::duration<double>(Clock::now() - started).count());
    }
    const std::string centre = "c000";
    std::printf("%lld cases, %lld people, %lld centres; centre %s: %lld cases\n",
                Count(sql, "SELECT COUNT(*) FROM cases"), Count(sql, "SELECT COUNT(*) FROM people"),
                Count(sql, "SELECT COUNT(*) FROM centres"), centre.c_str(),
                Count(sql, "SELECT COUNT(*) FROM cases WHERE centre_id = 'c000'"));
    if (o.generate_only) return 0;

    Centres centres(registry);
    CaseQueries queries(registry, centres);
    CaseWorkflow workflow(registry, centres, 10);
    Identity head;
    head.actor_id = "bench-head";
    head.centre_id = centre;
    head.role = assist::v1::ROLE_HEAD;
    head.request_id = "scale-bench";
    Identity assistant = head;
    assistant.actor_id = "asst5";
    assistant.role = assist::v1::ROLE_ASSISTANT;

    const std::string in_centre = " FROM cases WHERE centre_id = 'c000'";
    const long long member =
        Count(sql,
              "SELECT MIN(m.person_id) FROM family_members m JOIN cases c ON c.family_id = "
              "m.family_id WHERE c.centre_id = 'c000'");
    const long long middle_case = Count(sql, "SELECT MAX(id)" + in_centre) / 2;
    const long long some_case =
        Count(sql, "SELECT MIN(id)" + in_centre + " AND id >= " + std::to_string(middle_case));
    std::string open_type;
    long long open_person = 0;
    sql << "SELECT type_id, person_id" + in_centre +
               " AND status = 1 AND person_id IS NOT NULL ORDER BY id DESC LIMIT 1",
        soci::into(open_type), soci::into(open_person);

    std::vector<Row> rows;
    const std::string as_of = "2026-12-01";
    const int within = 30, page = 50;
    const std::string horizon =
        assist::sdk::FormatDate(assist::sdk::AddDays(*assist::sdk::ParseDate(as_of), within));
    const std::string due_reference = "SELECT id" + in_centre +
                                      " AND status = 1 AND next_review_due <> '' AND "
                                      "next_review_due <= '" +
                                      horizon + "'";
    for (const Identity* who : {&head, &assistant}) {
      const bool own = who == &assistant;
      std::string name = own ? "ListDueReviews (an assistant's)" : "ListDueReviews";
      std::string filter = own ? " AND assistant_id = 'asst5'" : "";
      rows.push_back(Time(db, name, o.runs, [&](Transaction& tx) {
        assist::v1::ListDueReviewsRequest request;
        request.set_as_of(as_of);
        request.set_within_days(within);
        request.set_page_size(page);
        auto first = queries.ListDueReviews(tx, *who, request);
        std::vector<long long> got = DueIds(first);
        int pages = 1;
        if (!first.next_page_token().empty()) {
          request.set_page_token(first.next_page_token());
          std::vector<long long> more = DueIds(queries.ListDueReviews(tx, *who, request));
          got.insert(got.end(), more.begin(), more.end());
          ++pages;
        }
        auto want = Ids(sql, due_reference + filter + " ORDER BY next_review_due, id LIMIT " +
                                 std::to_string(2 * page));
        Check(got == want, name + ": the first two pages");
        return std::to_string(got.size()) + " rows in " + std::to_string(pages) + " page(s)";
      }));
    }
    rows.push_back(Time(db, "ExportPersonData", o.runs, [&](Transaction& tx) {
      auto out = ExportPersonData(tx, head, member);
      google::protobuf::Value root;
      Check(google::protobuf::util::JsonStringToMessage(out.json(), &root).ok(),
            "ExportPersonData: JSON");
      auto cases = root.struct_value().fields().at("cases").list_value().values_size();
      auto want =
          Count(sql, "SELECT COUNT(*)" + in_centre + " AND (person_id = " + std::to_string(member) +
                         " OR family_id IN (SELECT family_id FROM family_members WHERE "
                         "person_id = " +
                         std::to_string(member) + "))");
      Check(cases == want && cases > 0, "ExportPersonData: the person's cases");
      return std::to_string(cases) + " case(s)";
    }));
    for (const std::string& type : {assist::bench::ScaleTypes().front(), std::string()}) {
      std::string name = type.empty() ? "GetStatistics, all types" : "GetStatistics, one type";
      rows.push_back(Time(db, name, o.runs, [&](Transaction& tx) {
        assist::v1::GetStatisticsRequest request;
        request.set_year(o.year);
        request.set_type_id(type);
        auto stats = queries.GetStatistics(tx, head, request);
        return std::to_string(stats.types_size()) + " type(s)";
      }));
      Transaction tx(db);
      assist::v1::GetStatisticsRequest request;
      request.set_year(o.year);
      request.set_type_id(type);
      CheckStatistics(sql, queries.GetStatistics(tx, head, request), centre, o.year, type);
    }
    rows.push_back(Time(db, "OpenCase, refused as a duplicate", o.runs, [&](Transaction& tx) {
      assist::v1::OpenCaseRequest request;
      request.set_type_id(open_type);
      request.set_person_id(open_person);
      request.set_referral_reason("bench");
      grpc::StatusCode code = grpc::StatusCode::OK;
      try {
        workflow.OpenCase(tx, head, request);
      } catch (const RpcError& e) {
        code = e.status().error_code();
      }
      Check(code == grpc::StatusCode::ALREADY_EXISTS, "OpenCase: refused as ALREADY_EXISTS");
      return std::string("ALREADY_EXISTS");
    }));
    rows.push_back(Time(db, "GetCase", o.runs, [&](Transaction& tx) {
      auto detail = queries.GetCase(tx, head, some_case);
      Check(detail.case_().id() == some_case && detail.has_intake() && detail.has_plan(),
            "GetCase: the case asked for, with its intake and plan");
      return "plan version " + std::to_string(detail.plan().version());
    }));
    for (const Identity* who : {&head, &assistant}) {
      const bool own = who == &assistant;
      std::string name = own ? "ListCases page (an assistant's)" : "ListCases page";
      rows.push_back(Time(db, name, o.runs, [&](Transaction& tx) {
        assist::v1::ListCasesRequest request;
        request.set_page_size(page);
        auto first = queries.ListCases(tx, *who, request);
        std::vector<long long> got;
        for (const auto& c : first.cases()) got.push_back(c.id());
        auto want = Ids(sql, "SELECT id" + in_centre + (own ? " AND assistant_id = 'asst5'" : "") +
                                 " ORDER BY id LIMIT " + std::to_string(page));
        Check(got == want, name + ": the first page");
        return std::to_string(got.size()) + " rows";
      }));
    }

    std::printf("\n%-34s %10s %10s %10s  %s\n", "domain function (centre c000)", "median ms",
                "min ms", "max ms", "answer");
    for (const Row& row : rows) {
      std::printf("%-34s %10.2f %10.2f %10.2f  %s\n", row.name.c_str(),
                  assist::bench::Percentile(row.ms, 0.5),
                  *std::min_element(row.ms.begin(), row.ms.end()),
                  *std::max_element(row.ms.begin(), row.ms.end()), row.note.c_str());
    }
    if (failures > 0) {
      std::fprintf(stderr, "%d wrong answer(s)\n", failures);
      status = 1;
    } else {
      std::printf("every answer checked: right\n");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "scale_reads failed: %s\n", e.what());
    status = 1;
  }
  if (!dir.empty()) {
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
  return status;
}
