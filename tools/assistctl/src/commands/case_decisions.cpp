// cases assign|end-assignment|approve-plan: the head of a centre's decisions on a case.
#include <cstdint>
#include <memory>

#include "commands/case_view.hpp"
#include "commands/commands.hpp"

namespace assistctl {
namespace {

using assist::v1::CaseService;

void AddAssign(CLI::App& cases, Session& session) {
  auto* assign = cases.add_subcommand(
      "assign", "Assign an assistant to a case (a new primary ends the previous one)");
  auto request = std::make_shared<assist::v1::AssignAssistantRequest>();
  auto id = std::make_shared<std::int64_t>(0);
  auto role = std::make_shared<std::string>("primary");
  assign->add_option("id", *id, "case id")->required();
  assign->add_option("assistant", *request->mutable_assistant_id(), "the assistant's login")
      ->required();
  assign->add_option("--role", *role, "primary, co-assistant or substitute (primary)")
      ->check(CLI::IsMember({"primary", "co-assistant", "substitute"}));
  assign->add_option("--from", *request->mutable_assigned_on(), "first day, YYYY-MM-DD (today)");
  assign->callback([&session, request, id, role] {
    request->set_case_id(*id);
    request->set_role(*role == "co-assistant" ? assist::v1::ASSIGNMENT_ROLE_CO_ASSISTANT
                      : *role == "substitute" ? assist::v1::ASSIGNMENT_ROLE_SUBSTITUTE
                                              : assist::v1::ASSIGNMENT_ROLE_PRIMARY);
    auto& connection = session.connection();
    const auto updated = connection.Call("AssignAssistant", connection.cases(),
                                         &CaseService::Stub::AssignAssistant, *request);
    if (session.json()) return PrintJson(session.out(), updated);
    Table table = CaseTable();
    AddCaseRow(table, updated);
    table.Print(session.out());
  });
}

void AddEndAssignment(CLI::App& cases, Session& session) {
  auto* end = cases.add_subcommand(
      "end-assignment", "End an assistant's co-assistant or substitute assignment to a case");
  auto request = std::make_shared<assist::v1::EndAssignmentRequest>();
  auto id = std::make_shared<std::int64_t>(0);
  end->add_option("id", *id, "case id")->required();
  end->add_option("assistant", *request->mutable_assistant_id(), "the assistant's login")
      ->required();
  end->add_option("--on", *request->mutable_ended_on(), "last day, YYYY-MM-DD (today)");
  end->callback([&session, request, id] {
    request->set_case_id(*id);
    auto& connection = session.connection();
    const auto updated = connection.Call("EndAssignment", connection.cases(),
                                         &CaseService::Stub::EndAssignment, *request);
    if (session.json()) return PrintJson(session.out(), updated);
    Table table = CaseTable();
    AddCaseRow(table, updated);
    table.Print(session.out());
  });
}

void AddApprovePlan(CLI::App& cases, Session& session) {
  auto* approve = cases.add_subcommand(
      "approve-plan", "Approve (or with --reject, reject) the latest plan version of a case");
  auto request = std::make_shared<assist::v1::ApprovePlanRequest>();
  auto id = std::make_shared<std::int64_t>(0);
  auto version = std::make_shared<int>(0);
  auto reject = std::make_shared<bool>(false);
  approve->add_option("id", *id, "case id")->required();
  approve->add_option("--version", *version, "the plan version decided on (the latest)")
      ->required()
      ->check(CLI::PositiveNumber);
  approve->add_flag("--reject", *reject, "reject the plan instead (needs --reason)");
  approve->add_option("--reason", *request->mutable_reason(), "why, required to reject");
  approve->add_option("--on", *request->mutable_decided_on(), "day of decision (today)");
  approve->callback([&session, request, id, version, reject] {
    request->set_case_id(*id);
    request->set_version(*version);
    request->set_decision(*reject ? assist::v1::PLAN_DECISION_REJECTED
                                  : assist::v1::PLAN_DECISION_APPROVED);
    auto& connection = session.connection();
    const auto plan = connection.Call("ApprovePlan", connection.cases(),
                                      &CaseService::Stub::ApprovePlan, *request);
    if (session.json()) return PrintJson(session.out(), plan);
    PrintFields(session.out(),
                {{"case", std::to_string(plan.case_id())},
                 {"plan version", std::to_string(plan.version())},
                 {"approval", EnumWords(assist::v1::PlanApprovalState_Name(plan.approval().state()),
                                        "PLAN_APPROVAL_STATE_")},
                 {"decided", plan.approval().decided_on() + " by " + plan.approval().decided_by()},
                 {"reason", plan.approval().reason()},
                 {"in force", plan.in_force() ? "yes" : "no"}});
  });
}

}  // namespace

void AddCaseDecisionCommands(CLI::App& cases, Session& session) {
  AddAssign(cases, session);
  AddEndAssignment(cases, session);
  AddApprovePlan(cases, session);
}

}  // namespace assistctl
