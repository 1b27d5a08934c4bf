#include "auth/policy.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <utility>

namespace assist::host {
namespace {

using assist::v1::Role;
constexpr unsigned Bit(Role r) { return 1u << static_cast<unsigned>(r); }

constexpr unsigned kHead = Bit(assist::v1::ROLE_HEAD);
constexpr unsigned kWorker = Bit(assist::v1::ROLE_SOCIAL_WORKER);
constexpr unsigned kAssistant = Bit(assist::v1::ROLE_ASSISTANT);
constexpr unsigned kAuditor = Bit(assist::v1::ROLE_AUDITOR);
constexpr unsigned kApp = Bit(assist::v1::ROLE_APP);
constexpr unsigned kOperator = Bit(assist::v1::ROLE_OPERATOR);
constexpr unsigned kPlatformAuditor = Bit(assist::v1::ROLE_PLATFORM_AUDITOR);

constexpr unsigned kStaff = kHead | kWorker | kAssistant | kAuditor | kApp;  // anyone in a centre
constexpr unsigned kCaseWork = kWorker | kAssistant | kApp;  // intake, plan, contacts, reviews

struct Rule {
  std::string_view rpc;
  unsigned roles;
};

constexpr std::array kPolicy = {
    Rule{"ListAssistanceTypes", kStaff | kOperator},
    Rule{"DescribeAssistanceType", kStaff | kOperator},
    Rule{"CreateCentre", kOperator},
    Rule{"GetCentre", kStaff | kOperator},
    Rule{"ListCentres", kStaff | kOperator},
    Rule{"EnableAssistanceType", kHead | kOperator},
    Rule{"DisableAssistanceType", kHead | kOperator},

    Rule{"CreatePerson", kHead | kWorker | kApp},
    Rule{"GetPerson", kStaff},
    Rule{"CreateFamily", kHead | kWorker | kApp},
    Rule{"GetFamily", kStaff},
    Rule{"UpdatePerson", kHead | kWorker | kApp},
    Rule{"UpdateFamily", kHead | kWorker | kApp},

    Rule{"OpenCase", kHead | kWorker | kApp},
    Rule{"AssignAssistant", kHead | kApp},
    Rule{"EndAssignment", kHead | kApp},
    Rule{"RecordConsent", kHead | kCaseWork},
    Rule{"SubmitIntake", kCaseWork},
    Rule{"SubmitPlan", kCaseWork},
    // Art. 49 ust. 2 of the social assistance act: the head of the centre approves the programme.
    Rule{"ApprovePlan", kHead},
    Rule{"RecordContact", kCaseWork},
    Rule{"RecordReview", kCaseWork},
    Rule{"CloseCase", kHead | kCaseWork},
    Rule{"StartMonitoring", kHead | kCaseWork},
    Rule{"EndMonitoring", kHead | kCaseWork},

    Rule{"GetCase", kStaff},
    Rule{"GetPlan", kStaff},
    Rule{"ListPlanVersions", kStaff},
    Rule{"ListContacts", kStaff},
    Rule{"ListReviews", kStaff},
    Rule{"ListCases", kStaff},
    Rule{"ListDueReviews", kStaff},
    Rule{"RenderDocument", kHead | kCaseWork},
    Rule{"GetStatistics", kHead | kWorker | kAuditor | kApp},
    Rule{"RenderStatisticsReport", kHead | kApp},
    Rule{"ExportPersonData", kHead | kWorker},
    Rule{"ApplyRetention", kHead},
    // Streetworkers (social workers, assistants) record whom they met; linking names a person.
    Rule{"RecordOutreachContact", kHead | kCaseWork},
    Rule{"ListOutreachContacts", kHead | kCaseWork | kAuditor},
    Rule{"LinkOutreachContacts", kHead | kCaseWork},
    // Transfers between centres: the heads of the two centres (domain/case_transfers.hpp).
    Rule{"TransferCase", kHead},
    Rule{"ListTransfers", kHead},
    Rule{"AcceptTransfer", kHead},
    Rule{"DeclineTransfer", kHead},
    Rule{"CancelTransfer", kHead},

    // The staff register: the head manages it (the operator too, for any centre), the centre
    // reads it; the caseload limit is the head's like the types the centre runs.
    Rule{"RegisterStaffMember", kHead | kOperator},
    Rule{"UpdateStaffMember", kHead | kOperator},
    Rule{"GetStaffMember", kStaff | kOperator},
    Rule{"ListStaffMembers", kStaff | kOperator},
    Rule{"SetCaseloadLimit", kHead | kOperator},
    Rule{"ListCaseloads", kHead | kWorker | kAuditor | kApp},

    // The platform auditor's trail is the platform trail: the operator's calls of no centre.
    Rule{"ListAuditEvents", kHead | kAuditor | kPlatformAuditor},
    Rule{"VerifyAuditTrail", kHead | kAuditor | kPlatformAuditor},
};

}  // namespace

bool RoleMayCall(Role role, std::string_view rpc) {
  for (const Rule& rule : kPolicy) {
    if (rule.rpc == rpc) return (rule.roles & Bit(role)) != 0;
  }
  return false;
}

bool ScopeGranted(Role role, const std::vector<std::string>& scopes, std::string_view rpc) {
  if (scopes.empty()) return role != assist::v1::ROLE_APP;
  return std::find(scopes.begin(), scopes.end(), kAllScopes) != scopes.end() ||
         std::find(scopes.begin(), scopes.end(), rpc) != scopes.end();
}

std::vector<std::string_view> PolicyRpcs() {
  std::vector<std::string_view> rpcs;
  rpcs.reserve(kPolicy.size());
  for (const Rule& rule : kPolicy) rpcs.push_back(rule.rpc);
  return rpcs;
}

std::string PolicyTableMarkdown() {
  constexpr std::array<std::pair<Role, std::string_view>, 7> kColumns{{
      {assist::v1::ROLE_HEAD, "head"},
      {assist::v1::ROLE_SOCIAL_WORKER, "social worker"},
      {assist::v1::ROLE_ASSISTANT, "assistant"},
      {assist::v1::ROLE_AUDITOR, "auditor"},
      {assist::v1::ROLE_APP, "app"},
      {assist::v1::ROLE_OPERATOR, "operator"},
      {assist::v1::ROLE_PLATFORM_AUDITOR, "platform auditor"},
  }};
  std::string table = "| RPC |";
  std::string rule = "|---|";
  for (const auto& [role, name] : kColumns) {
    table += " " + std::string(name) + " |";
    rule += ":---:|";
  }
  table += "\n" + rule + "\n";
  for (const Rule& r : kPolicy) {
    table += "| `" + std::string(r.rpc) + "` |";
    for (const auto& [role, name] : kColumns) table += (r.roles & Bit(role)) ? " ✓ |" : "   |";
    table += "\n";
  }
  return table;
}

}  // namespace assist::host
