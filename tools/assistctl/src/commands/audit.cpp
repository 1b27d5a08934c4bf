// audit list|export: the audit trail (head, auditor), newest event first as the host pages it.
#include <fstream>
#include <iostream>
#include <memory>

#include "commands/commands.hpp"
#include "output.hpp"

namespace assistctl {
namespace {

using assist::v1::AuditService;

constexpr int kMaxPageSize = 1000;  // the host's limit for ListAuditEvents

struct AuditOptions {
  std::int64_t case_id = 0;
  std::string actor_id;
  int limit = 0;
  int page_size = kMaxPageSize;
  std::string output;
};

std::shared_ptr<AuditOptions> AddFilterOptions(CLI::App& command, int default_limit) {
  auto options = std::make_shared<AuditOptions>();
  options->limit = default_limit;
  command.add_option("--case", options->case_id, "only events of this case")
      ->check(CLI::PositiveNumber);
  command.add_option("--actor", options->actor_id, "only events of this actor id");
  command
      .add_option(
          "--limit", options->limit,
          "at most this many events (0: all; default " + std::to_string(default_limit) + ")")
      ->check(CLI::NonNegativeNumber);
  command.add_option("--page-size", options->page_size, "events asked for per call")
      ->check(CLI::Range(1, kMaxPageSize));
  return options;
}

// Calls ListAuditEvents page after page, handing each event to `each` until the trail ends or
// `limit` events (0: no limit) were handed over; returns how many.
template <typename Each>
int ForEachEvent(Session& session, const AuditOptions& options, Each each) {
  auto& connection = session.connection();
  assist::v1::ListAuditEventsRequest request;
  request.set_case_id(options.case_id);
  request.set_actor_id(options.actor_id);
  const bool limit_below_page = options.limit > 0 && options.limit < options.page_size;
  request.set_page_size(limit_below_page ? options.limit : options.page_size);
  int count = 0;
  for (;;) {
    const auto page = connection.Call("ListAuditEvents", connection.audit(),
                                      &AuditService::Stub::ListAuditEvents, request);
    for (const auto& event : page.events()) {
      if (options.limit > 0 && count >= options.limit) return count;
      each(event);
      ++count;
    }
    if (page.next_page_token().empty()) return count;
    request.set_page_token(page.next_page_token());
  }
}

void AddList(CLI::App& audit, Session& session) {
  auto* list = audit.add_subcommand("list", "Show the latest audit events as a table");
  auto options = AddFilterOptions(*list, 50);
  list->callback([&session, options] {
    assist::v1::ListAuditEventsResponse all;
    ForEachEvent(session, *options,
                 [&](const assist::v1::AuditEvent& e) { *all.add_events() = e; });
    if (session.json()) return PrintJson(session.out(), all);
    Table table({"ID", "AT", "ACTOR", "ROLE", "RPC", "CASE", "ACTION", "DETAIL", "REQUEST"});
    for (const auto& e : all.events()) {
      table.Add({std::to_string(e.id()), e.at(), e.actor_id(),
                 EnumWords(assist::v1::Role_Name(e.role()), "ROLE_"), e.rpc(),
                 e.case_id() == 0 ? "-" : std::to_string(e.case_id()), e.action(), e.detail(),
                 e.request_id()});
    }
    table.Print(session.out());
  });
}

void AddExport(CLI::App& audit, Session& session) {
  auto* exporter = audit.add_subcommand(
      "export", "Write every audit event (filtered) as JSON lines: one protobuf JSON object each");
  auto options = AddFilterOptions(*exporter, 0);
  exporter->add_option("--output,-o", options->output, "file to write (default stdout)");
  exporter->callback([&session, options] {
    std::ofstream file;
    if (!options->output.empty()) {
      file.open(options->output, std::ios::out | std::ios::trunc);
      if (!file) throw UsageError("cannot write " + options->output);
    }
    std::ostream& out = options->output.empty() ? session.out() : file;
    const int count = ForEachEvent(session, *options, [&](const assist::v1::AuditEvent& event) {
      out << ToJson(event, false) << '\n';
    });
    out.flush();
    if (!out)
      throw Failure(ExitCode::kOther,
                    "writing the export failed after " + std::to_string(count) + " events");
    if (!options->output.empty()) {
      std::cerr << "exported " << count << " audit events to " << options->output << "\n";
    }
  });
}

}  // namespace

void AddAuditCommands(CLI::App& app, Session& session) {
  auto* audit = app.add_subcommand("audit", "The audit trail: list, export as JSON lines");
  audit->require_subcommand(1);
  AddList(*audit, session);
  AddExport(*audit, session);
}

}  // namespace assistctl
