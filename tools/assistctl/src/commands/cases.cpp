// cases list|show|due: the centre's cases as the caller may see them (an assistant: their own).
#include <algorithm>
#include <cctype>
#include <memory>

#include "commands/case_view.hpp"
#include "commands/commands.hpp"

namespace assistctl {
namespace {

using assist::v1::CaseService;

constexpr int kMaxPageSize = 500;  // the host's limit for ListCases and ListDueReviews

// "monitoring-ended" -> CASE_STATUS_MONITORING_ENDED.
assist::v1::CaseStatus ParseStatus(const std::string& words) {
  std::string name = "CASE_STATUS_";
  for (const char c : words) {
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  assist::v1::CaseStatus status = assist::v1::CASE_STATUS_UNSPECIFIED;
  assist::v1::CaseStatus_Parse(name, &status);
  return status;
}

// Pages through `fetch` until the host has no more or `limit` items (0: no limit) are in `all`.
template <typename Response, typename Fetch, typename Items>
void CollectPages(Response& all, Items* (Response::*items)(), Fetch fetch, int limit) {
  std::string token;
  do {
    Response page = fetch(token);
    for (auto& item : *(page.*items)()) {
      if (limit > 0 && (all.*items)()->size() >= limit) return;
      *(all.*items)()->Add() = std::move(item);
    }
    token = page.next_page_token();
  } while (!token.empty());
}

struct ListOptions {
  assist::v1::ListCasesRequest request;
  std::string status;
  int limit = 0;
};

void AddList(CLI::App& cases, Session& session) {
  auto* list = cases.add_subcommand("list", "List cases, filtered; pages through all of them");
  auto options = std::make_shared<ListOptions>();
  auto& r = options->request;
  list->add_option("--type", *r.mutable_type_id(), "only this assistance type");
  list->add_option("--status", options->status, "only cases in this status")
      ->check(CLI::IsMember({"open", "closed", "monitoring", "monitoring-ended"}));
  list->add_option("--assistant", *r.mutable_assistant_id(), "only cases of this assistant");
  list->add_flag_function(
      "--overdue", [&r](std::int64_t) { r.set_review_overdue(true); },
      "only cases whose review is overdue (as of --as-of)");
  list->add_option("--as-of", *r.mutable_as_of(), "date for --overdue, YYYY-MM-DD (today)");
  list->add_option("--limit", options->limit, "at most this many cases (0: all)")
      ->check(CLI::NonNegativeNumber);
  list->callback([&session, options] {
    options->request.set_status(ParseStatus(options->status));
    options->request.set_page_size(kMaxPageSize);
    auto& connection = session.connection();
    assist::v1::ListCasesResponse all;
    CollectPages(
        all, &assist::v1::ListCasesResponse::mutable_cases,
        [&](const std::string& token) {
          options->request.set_page_token(token);
          return connection.Call("ListCases", connection.cases(), &CaseService::Stub::ListCases,
                                 options->request);
        },
        options->limit);
    if (session.json()) return PrintJson(session.out(), all);
    Table table = CaseTable();
    for (const auto& c : all.cases()) AddCaseRow(table, c);
    table.Print(session.out());
  });
}

void AddShow(CLI::App& cases, Session& session) {
  auto* show = cases.add_subcommand("show", "Show one case with its intake, plan and outcome");
  auto id = std::make_shared<std::int64_t>(0);
  show->add_option("id", *id, "case id")->required();
  show->callback([&session, id] {
    assist::v1::GetCaseRequest request;
    request.set_case_id(*id);
    auto& connection = session.connection();
    const auto detail =
        connection.Call("GetCase", connection.cases(), &CaseService::Stub::GetCase, request);
    if (session.json()) return PrintJson(session.out(), detail);
    PrintCaseDetail(session.out(), detail);
  });
}

struct DueOptions {
  assist::v1::ListDueReviewsRequest request;
  int within_days = 0;
  int limit = 0;
};

void AddDue(CLI::App& cases, Session& session) {
  auto* due = cases.add_subcommand("due", "List the reviews that are due or overdue");
  auto options = std::make_shared<DueOptions>();
  due->add_option("--as-of", *options->request.mutable_as_of(), "YYYY-MM-DD (default today)");
  due->add_option("--within-days", options->within_days, "also reviews due in the next N days")
      ->check(CLI::NonNegativeNumber);
  due->add_option("--limit", options->limit, "at most this many (0: all)")
      ->check(CLI::NonNegativeNumber);
  due->callback([&session, options] {
    options->request.set_within_days(options->within_days);
    options->request.set_page_size(kMaxPageSize);
    auto& connection = session.connection();
    assist::v1::ListDueReviewsResponse all;
    CollectPages(
        all, &assist::v1::ListDueReviewsResponse::mutable_reviews,
        [&](const std::string& token) {
          options->request.set_page_token(token);
          return connection.Call("ListDueReviews", connection.cases(),
                                 &CaseService::Stub::ListDueReviews, options->request);
        },
        options->limit);
    if (session.json()) return PrintJson(session.out(), all);
    Table table({"CASE", "TYPE", "SUBJECT", "ASSISTANT", "DUE ON", "OVERDUE"});
    for (const auto& review : all.reviews()) {
      const auto& c = review.case_();
      table.Add({std::to_string(c.id()), c.type_id(), SubjectWords(c),
                 c.assistant_id().empty() ? "-" : c.assistant_id(), review.due_on(),
                 review.overdue() ? std::to_string(review.days_overdue()) + " days" : "-"});
    }
    table.Print(session.out());
  });
}

}  // namespace

void AddCaseCommands(CLI::App& app, Session& session) {
  auto* cases = app.add_subcommand(
      "cases",
      "Cases: list (with filters), show, due reviews; the head's assignments and plan "
      "decisions");
  cases->require_subcommand(1);
  AddList(*cases, session);
  AddShow(*cases, session);
  AddDue(*cases, session);
  AddCaseDecisionCommands(*cases, session);
}

}  // namespace assistctl
