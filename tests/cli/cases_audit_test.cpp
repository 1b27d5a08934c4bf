// assistctl cases, statistics and audit against a real host: a case opened through the API shows
// in `cases list` and `cases show`; `audit export` writes every event as a JSON line.
#include <set>

#include "assist/v1/cases.pb.h"
#include "case_steps.hpp"
#include "cli_host_test.hpp"
#include "family_payloads.hpp"
#include "homelessness_steps.hpp"
#include "json_lines.hpp"
#include "test_pki.hpp"

namespace assist::cli_test {
namespace {

using testing::HasSubstr;
using testing::Not;

class CasesAudit : public CliHostTest {};

TEST_P(CasesAudit, ACaseOpenedThroughTheApiIsListedAndShown) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(it::NewStartedFamilyCase(client(), it::Sopot(), &case_id));
  assist::v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = it::JsonPayload(it::family::IntakeJson());
  assist::v1::Case updated;
  ASSERT_TRUE(client().Call(it::Sopot().worker, &it::Cases::SubmitIntake, intake, &updated).ok());
  const std::string id = std::to_string(case_id);

  const std::vector<std::string> list{"cases", "list", "--type", "family", "--status", "open"};
  const CliResult listed = Ctl(it::Sopot().head, list);
  ASSERT_EQ(listed.exit_code, 0) << Describe(list, listed);
  EXPECT_THAT(listed.out, HasSubstr("NEXT REVIEW"));
  EXPECT_THAT(listed.out, HasSubstr(it::Sopot().assistant.actor_id));
  EXPECT_THAT(listed.out, HasSubstr("family " + std::to_string(updated.family_id())));

  const CliResult closed = Ctl(it::Sopot().head, {"cases", "list", "--status", "closed", "--json"});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  assist::v1::ListCasesResponse none;
  ASSERT_EQ(ParseJson(closed.out, &none), "") << closed.out;
  EXPECT_EQ(none.cases_size(), 0);

  const auto overdue_as_of = [&](const std::string& date) {
    const std::vector<std::string> args{"cases", "list", "--overdue", "--as-of", date, "--json"};
    const CliResult result = Ctl(it::Sopot().head, args);
    EXPECT_EQ(result.exit_code, 0) << Describe(args, result);
    assist::v1::ListCasesResponse response;
    EXPECT_EQ(ParseJson(result.out, &response), "") << result.out;
    return response.cases_size();
  };
  EXPECT_EQ(overdue_as_of("2099-01-01"), 1);
  EXPECT_EQ(overdue_as_of(it::DateFromToday(0)), 0);

  const CliResult json = Ctl(it::Sopot().assistant, {"cases", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  assist::v1::ListCasesResponse mine;
  ASSERT_EQ(ParseJson(json.out, &mine), "") << json.out;
  ASSERT_EQ(mine.cases_size(), 1);
  EXPECT_EQ(mine.cases(0).id(), case_id);
  const CliResult other = Ctl(it::Sopot().other_assistant, {"cases", "list", "--json"});
  assist::v1::ListCasesResponse theirs;
  ASSERT_EQ(ParseJson(other.out, &theirs), "") << other.out;
  EXPECT_EQ(theirs.cases_size(), 0);

  const CliResult shown = Ctl(it::Sopot().worker, {"cases", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << Describe({"cases", "show", id}, shown);
  EXPECT_THAT(shown.out, HasSubstr("status:"));
  EXPECT_THAT(shown.out, HasSubstr("intake version:"));
  EXPECT_THAT(shown.out, HasSubstr("intake (assist.family.v1.Intake):"));

  const CliResult detail_json = Ctl(it::Sopot().worker, {"cases", "show", id, "--json"});
  ASSERT_EQ(detail_json.exit_code, 0) << Describe({"cases", "show", id, "--json"}, detail_json);
  assist::v1::CaseDetail detail;
  ASSERT_EQ(ParseJson(detail_json.out, &detail), "") << detail_json.out;
  EXPECT_EQ(detail.case_().intake_version(), 1);
  EXPECT_EQ(detail.intake().type(), "assist.family.v1.Intake");
  EXPECT_FALSE(detail.intake().json().empty());

  const std::vector<std::string> due{"cases", "due", "--within-days", "366", "--json"};
  const CliResult reviews = Ctl(it::Sopot().head, due);
  ASSERT_EQ(reviews.exit_code, 0) << Describe(due, reviews);
  assist::v1::ListDueReviewsResponse due_reviews;
  ASSERT_EQ(ParseJson(reviews.out, &due_reviews), "") << reviews.out;
  ASSERT_EQ(due_reviews.reviews_size(), 1) << reviews.out;
  EXPECT_EQ(due_reviews.reviews(0).case_().id(), case_id);

  const CliResult hidden = Ctl(it::Jastrzebia().head, {"cases", "show", id});
  EXPECT_EQ(hidden.exit_code, 4) << hidden.err;

  const CliResult stats = Ctl(it::Sopot().head, {"statistics", "--type", "family", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  assist::v1::Statistics statistics;
  ASSERT_EQ(ParseJson(stats.out, &statistics), "") << stats.out;
  ASSERT_EQ(statistics.types_size(), 1);
  EXPECT_EQ(statistics.types(0).cases_opened(), 1);
  const CliResult table = Ctl(it::Sopot().auditor, {"statistics"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_THAT(table.out, HasSubstr("centre mops-sopot"));
}

// The head's decisions: a substitute assigned and ended, a programme approved, a rejection
// without its reason refused.
TEST_P(CasesAudit, TheHeadAssignsEndsAssignmentsAndDecidesOnPlans) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(it::NewStartedFamilyCase(client(), it::Sopot(), &case_id));
  const std::string id = std::to_string(case_id);
  const std::string substitute(it::Sopot().other_assistant.actor_id);
  const std::string primary(it::Sopot().assistant.actor_id);

  const std::vector<std::string> assign{"cases", "assign", id, substitute, "--role", "substitute"};
  const CliResult assigned = Ctl(it::Sopot().head, assign);
  ASSERT_EQ(assigned.exit_code, 0) << Describe(assign, assigned);
  const CliResult shown = Ctl(it::Sopot().head, {"cases", "show", id});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("substitute " + substitute));
  EXPECT_THAT(shown.out, HasSubstr("primary " + primary));
  const CliResult by_worker = Ctl(it::Sopot().worker, assign);
  EXPECT_EQ(by_worker.exit_code, 3) << by_worker.err;  // only the head assigns

  const std::vector<std::string> end{"cases", "end-assignment", id, substitute, "--json"};
  const CliResult ended = Ctl(it::Sopot().head, end);
  ASSERT_EQ(ended.exit_code, 0) << Describe(end, ended);
  assist::v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(it::GetCase(client(), it::Sopot().head, case_id, &detail));
  ASSERT_EQ(detail.assignments_size(), 2);
  EXPECT_FALSE(detail.assignments(1).to_on().empty());

  std::int64_t programme_case = 0;
  ASSERT_NO_FATAL_FAILURE(it::NewHomelessnessCase(client(), it::Sopot(), &programme_case));
  assist::v1::PlanVersion programme;
  ASSERT_NO_FATAL_FAILURE(it::SubmitProgramme(client(), it::Sopot(), programme_case, &programme));
  const std::string programme_id = std::to_string(programme_case);
  const std::vector<std::string> no_reason{"cases", "approve-plan", programme_id, "--version",
                                           "1",     "--reject"};
  const CliResult refused = Ctl(it::Sopot().head, no_reason);
  EXPECT_EQ(refused.exit_code, 5) << Describe(no_reason, refused);
  EXPECT_THAT(refused.err, HasSubstr("reason"));
  const std::vector<std::string> approve{"cases", "approve-plan", programme_id, "--version", "1"};
  const CliResult approved = Ctl(it::Sopot().head, approve);
  ASSERT_EQ(approved.exit_code, 0) << Describe(approve, approved);
  EXPECT_THAT(approved.out, HasSubstr("approved"));
  EXPECT_THAT(approved.out, HasSubstr("yes"));  // in force
  const CliResult programme_shown = Ctl(it::Sopot().head, {"cases", "show", programme_id});
  EXPECT_THAT(programme_shown.out, HasSubstr("plan in force"));
}

TEST_P(CasesAudit, AuditExportWritesEveryEventAsAJsonLine) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(it::NewStartedFamilyCase(client(), it::Sopot(), &case_id));
  const CliResult denied = Ctl(it::Sopot().assistant, {"audit", "list"});
  EXPECT_EQ(denied.exit_code, 3) << denied.err;

  // Every event there is now, read through the API page by page.
  std::set<std::int64_t> before;
  assist::v1::ListAuditEventsRequest request;
  request.set_page_size(1000);
  do {
    assist::v1::ListAuditEventsResponse page;
    ASSERT_TRUE(
        client().Call(it::Sopot().auditor, &it::Audit::ListAuditEvents, request, &page).ok());
    for (const auto& event : page.events()) before.insert(event.id());
    request.set_page_token(page.next_page_token());
  } while (!request.page_token().empty());
  ASSERT_GT(before.size(), 6u);

  const std::vector<std::string> export_args{"audit", "export", "--page-size", "3"};
  const CliResult exported = Ctl(it::Sopot().auditor, export_args);
  ASSERT_EQ(exported.exit_code, 0) << Describe(export_args, exported);
  std::set<std::int64_t> seen;
  std::int64_t previous = INT64_MAX;
  for (const std::string& line : Lines(exported.out)) {
    assist::v1::AuditEvent event;
    ASSERT_EQ(ParseJson(line, &event), "") << line;
    EXPECT_LT(event.id(), previous) << "newest first, each once";
    previous = event.id();
    seen.insert(event.id());
    EXPECT_EQ(event.centre_id(), "mops-sopot");
  }
  for (const std::int64_t id : before) EXPECT_EQ(seen.count(id), 1u) << "event " << id;
  // Nothing else but, at most, the export's own first read of the trail (audited as it runs).
  EXPECT_LE(seen.size(), before.size() + 1);

  const auto file = dir() / "audit.jsonl";
  const CliResult to_file = Ctl(it::Sopot().head, {"audit", "export", "--case",
                                                   std::to_string(case_id), "-o", file.string()});
  ASSERT_EQ(to_file.exit_code, 0) << to_file.err;
  EXPECT_THAT(to_file.err, HasSubstr("audit events to"));
  const std::vector<std::string> case_lines = Lines(it::ReadFile(file));
  ASSERT_FALSE(case_lines.empty());
  for (const std::string& line : case_lines) {
    assist::v1::AuditEvent event;
    ASSERT_EQ(ParseJson(line, &event), "") << line;
    EXPECT_EQ(event.case_id(), case_id);
  }

  const CliResult listed = Ctl(it::Sopot().auditor, {"audit", "list", "--limit", "4"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(Lines(listed.out).size(), 5u) << listed.out;  // the header and four events
  EXPECT_THAT(listed.out, HasSubstr("ListAuditEvents"));
}

INSTANTIATE_CLI_BACKENDS(CasesAudit);

}  // namespace
}  // namespace assist::cli_test
