// The read RPCs' statements find their rows by index on SQLite (core migration 8), as the host
// runs them: every SELECT a domain function sends is logged by SOCI and explained with EXPLAIN
// QUERY PLAN on the same connection; no step may scan the cases, the family members or the
// people, and the key ones must use the index meant for them (bench/README.md measures them at
// a million cases).
#include <soci/soci.h>

#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "domain/case_queries.hpp"
#include "domain/data_rights.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "workflow_fixture.hpp"

namespace assist::host::testing {
namespace {

using namespace assist::v1;

struct Explained {
  std::string query;
  std::string plan;  // the plan's steps, one a line
};

class QueryPlans : public WorkflowFixture {
 protected:
  void SetUp() override {
    SetUpWorkflow();
    CreatePersonRequest p;
    p.set_given_name("Anna");
    p.set_family_name("Kowalska");
    p.set_birth_date("1980-05-17");
    person_ = Do([&](Transaction& tx) { return CreatePerson(tx, worker_, p); }).id();
    CreateFamilyRequest f;
    f.set_name("Kowalscy");
    auto* m = f.add_members();
    m->set_person_id(person_);
    m->set_relation(FAMILY_RELATION_PARENT);
    family_ = Do([&](Transaction& tx) { return CreateFamily(tx, worker_, f); }).id();
    for (bool of_family : {false, true}) {
      OpenCaseRequest r;
      r.set_type_id("testplug");
      if (of_family) {
        r.set_family_id(family_);
      } else {
        r.set_person_id(person_);
      }
      r.set_referral_reason("debts");
      Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, r); });
    }
  }

  // The SELECT statements `work` sends on its transaction (rolled back), each explained.
  std::vector<Explained> Explain(const std::function<void(Transaction&)>& work) {
    std::ostringstream log;
    Transaction tx(*db_);
    tx.sql().set_log_stream(&log);
    work(tx);
    tx.sql().set_log_stream(nullptr);
    std::vector<Explained> out;
    std::istringstream lines(log.str());
    for (std::string query; std::getline(lines, query);) {
      if (query.rfind("SELECT", 0) != 0) continue;
      Explained e{query, ""};
      soci::rowset<soci::row> rows = (tx.sql().prepare << "EXPLAIN QUERY PLAN " + query);
      for (const soci::row& row : rows) e.plan += row.get<std::string>(3) + "\n";
      out.push_back(std::move(e));
    }
    return out;
  }

  // No step scans a table of people or cases, and the statement containing `marker` (there
  // must be one) has a plan containing `step`.
  static void ExpectIndexed(const std::vector<Explained>& statements, const std::string& marker,
                            const std::string& step) {
    bool found = false;
    for (const Explained& e : statements) {
      for (const char* table : {"cases", "c", "k", "m", "family_members", "people"}) {
        EXPECT_EQ(e.plan.find(std::string("SCAN ") + table + "\n"), std::string::npos)
            << e.query << "\n"
            << e.plan;
      }
      if (e.query.find(marker) == std::string::npos) continue;
      found = true;
      EXPECT_NE(e.plan.find(step), std::string::npos) << e.query << "\n" << e.plan;
    }
    EXPECT_TRUE(found) << "no statement with " << marker;
  }

  CaseQueries Queries() const { return CaseQueries(*registry_, *centres_); }

  long long person_ = 0, family_ = 0;
};

TEST_P(QueryPlans, DueReviewsWalkTheOpenCasesWithADueDate) {
  ListDueReviewsRequest request;
  request.set_within_days(366);
  ExpectIndexed(Explain([&](Transaction& tx) { Queries().ListDueReviews(tx, head_, request); }),
                "next_review_due <= :horizon", "USING INDEX cases_due_open (centre_id=?");
  // An assistant's: the same walk, keeping the cases they hold a current assignment of (core
  // migration 13), which the assignments' index by login lists.
  Identity assistant = As("asia", "north", ROLE_ASSISTANT);
  auto own = Explain([&](Transaction& tx) { Queries().ListDueReviews(tx, assistant, request); });
  ExpectIndexed(own, "next_review_due <= :horizon", "USING INDEX cases_due_open (centre_id=?");
  ExpectIndexed(own, "next_review_due <= :horizon",
                "COVERING INDEX case_assignments_login (centre_id=? AND login=? AND to_on=?)");
}

TEST_P(QueryPlans, AnExportLooksUpThePersonsCasesAndFamilies) {
  auto statements = Explain([&](Transaction& tx) { ExportPersonData(tx, head_, person_); });
  ExpectIndexed(statements, "UNION SELECT k.id", "INDEX cases_person (person_id=?");
  ExpectIndexed(statements, "UNION SELECT k.id", "INDEX family_members_person (person_id=?)");
  ExpectIndexed(statements, "UNION SELECT k.id", "INDEX cases_family (family_id=?");
}

TEST_P(QueryPlans, StatisticsReadTheirIndexOnly) {
  for (const std::string type : {"testplug", ""}) {
    GetStatisticsRequest request;
    request.set_year(2026);
    request.set_type_id(type);
    auto statements =
        Explain([&](Transaction& tx) { Queries().GetStatistics(tx, head_, request); });
    ExpectIndexed(statements, "AS served", "COVERING INDEX cases_statistics (centre_id=?");
    ExpectIndexed(statements, "AS year_cases", "COVERING INDEX cases_statistics (centre_id=?");
    ExpectIndexed(statements, "closure_reason, COUNT(*)",
                  "COVERING INDEX cases_statistics (centre_id=?");
    ExpectIndexed(statements, "d.kind = 'outcome'",
                  "INDEX cases_statistics (centre_id=? AND "
                  "type_id=? AND closed_on>? AND closed_on<?)");
    // The assistants of the period: their assignments' index holds every column read (core
    // migration 20), so no row of the assignments is read either.
    ExpectIndexed(statements, "DISTINCT c.type_id, a.login",
                  "COVERING INDEX case_assignments_period (centre_id=? AND case_id=?");
  }
}

TEST_P(QueryPlans, ThePeriodBreakdownsReadTheStatisticsIndex) {
  for (const std::string type : {"testplug", ""}) {
    GetStatisticsRequest request;
    request.set_year(2026);
    request.set_period(STATISTICS_PERIOD_FIRST_HALF);
    request.set_type_id(type);
    auto statements =
        Explain([&](Transaction& tx) { Queries().GetStatistics(tx, head_, request); });
    // The lengths of work and the intake flags read work_started_on and intake_version, which
    // the index holds since core migration 20.
    ExpectIndexed(statements, "c.work_started_on <= :started_by",
                  "COVERING INDEX cases_statistics (centre_id=?");
    ExpectIndexed(statements, "m.relation = :child",
                  "COVERING INDEX cases_statistics (centre_id=?");
    ExpectIndexed(statements, "m.relation = :child",
                  "COVERING INDEX family_members_served (family_id=?");
    ExpectIndexed(statements, "JOIN case_report_flags",
                  "COVERING INDEX cases_statistics (centre_id=?");
  }
}

TEST_P(QueryPlans, OpenCaseChecksTheSubjectsOpenCasesByIndex) {
  OpenCaseRequest r;
  r.set_type_id("testplug");
  r.set_person_id(person_);
  r.set_referral_reason("again");
  auto statements = Explain(
      [&](Transaction& tx) { EXPECT_THROW(workflow_->OpenCase(tx, worker_, r), RpcError); });
  ExpectIndexed(statements, "AND person_id = :subject", "INDEX cases_person (person_id=?");
}

TEST_P(QueryPlans, AnAssistantsCaseListUsesTheAssignmentsIndex) {
  Identity assistant = As("asia", "north", ROLE_ASSISTANT);
  ListCasesRequest request;
  ExpectIndexed(Explain([&](Transaction& tx) { Queries().ListCases(tx, assistant, request); }),
                "a.login = :assistant",
                "COVERING INDEX case_assignments_login (centre_id=? AND login=? AND to_on=?)");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, QueryPlans, ::testing::Values(sdk::Backend::kSqlite),
                         [](const auto&) { return std::string("sqlite"); });

}  // namespace
}  // namespace assist::host::testing
