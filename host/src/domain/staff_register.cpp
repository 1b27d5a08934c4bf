#include "domain/staff_register.hpp"

#include <algorithm>
#include <assist/plugin/checks.hpp>
#include <assist/plugin/validation.hpp>
#include <map>
#include <set>

#include "audit/audit_log.hpp"
#include "domain/errors.hpp"
#include "domain/request_checks.hpp"
#include "store/staff_repository.hpp"
#include "util/clock.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

using assist::v1::StaffMember;

constexpr std::size_t kMaxFullNameBytes = 300;
constexpr std::size_t kMaxQualificationsBytes = 2000;
constexpr std::size_t kMaxLoginBytes = 128;
constexpr double kSmallestShare = 0.001;

// The operator belongs to no centre: what they do to a register is recorded in that centre's
// trail, where its auditors read it.
Identity InCentre(const Identity& who, const std::string& centre_id) {
  Identity recorded = who;
  recorded.centre_id = centre_id;
  return recorded;
}

// The centre a request is about: the caller's own (named or left empty), or for the operator the
// one named, which must exist. Another centre answers NOT_FOUND, worded as a missing one.
std::string CentreOf(Transaction& tx, const Identity& who, const std::string& requested) {
  if (who.role == assist::v1::ROLE_OPERATOR) {
    if (requested.empty()) {
      ThrowInvalid("centre_id", "is required: the operator belongs to no centre",
                   "jest wymagany: operator nie należy do żadnego ośrodka");
    }
    if (!IsSafeId(requested) || !StaffCentreExists(tx, requested)) {
      ThrowNotFound("centre", requested);
    }
    return requested;
  }
  if (!requested.empty() && requested != who.centre_id) ThrowNotFound("centre", requested);
  return who.centre_id;
}

std::string Subject(const std::string& centre_id, const std::string& login) {
  return "centres/" + centre_id + "/staff/" + login;
}

}  // namespace

int StaffRegister::TypeLimit(const std::string& type_id) const {
  const LoadedPlugin* plugin = registry_.Find(type_id);
  return plugin == nullptr ? 0 : plugin->info.max_open_cases_per_assistant;
}

int StaffRegister::EffectiveLimit(Transaction& tx, const std::string& centre_id,
                                  const std::string& type_id) const {
  const int centre = CentreCaseloadLimit(tx, centre_id, type_id).value_or(0);
  return centre > 0 ? centre : TypeLimit(type_id);
}

void StaffRegister::Validate(const StaffMember& m) const {
  sdk::Violations v;
  v.Require(IsSafeId(m.login(), kMaxLoginBytes), "member.login",
            "is required: letters, digits and . _ - @ only, at most 128",
            "jest wymagany: litery, cyfry i . _ - @, najwyżej 128 znaków");
  v.RequireText(m.full_name(), "member.full_name", kMaxFullNameBytes);
  v.Require(m.function() == assist::v1::STAFF_FUNCTION_ASSISTANT ||
                m.function() == assist::v1::STAFF_FUNCTION_SOCIAL_WORKER,
            "member.function", "must be ASSISTANT or SOCIAL_WORKER",
            "musi być ASSISTANT albo SOCIAL_WORKER");
  v.Require(m.employment_form() != assist::v1::EMPLOYMENT_FORM_UNSPECIFIED &&
                assist::v1::EmploymentForm_IsValid(m.employment_form()),
            "member.employment_form", "is required", "jest wymagana");
  v.Require(m.working_time_share() >= kSmallestShare && m.working_time_share() <= 1.0,
            "member.working_time_share", "must be more than 0 and at most 1.0 (full time)",
            "musi być większy od 0 i najwyżej 1,0 (pełny etat)");
  sdk::LimitText(v, m.qualifications(), "member.qualifications", kMaxQualificationsBytes);
  if (m.function() == assist::v1::STAFF_FUNCTION_ASSISTANT) {
    v.Require(m.type_ids_size() > 0, "member.type_ids",
              "an assistant serves at least one assistance type",
              "asystent obsługuje co najmniej jeden rodzaj asysty");
  }
  std::set<std::string> seen;
  for (int i = 0; i < m.type_ids_size(); ++i) {
    const std::string field = "member.type_ids[" + std::to_string(i) + "]";
    RequireLoadedType(v, registry_, m.type_ids(i), field);
    v.Require(seen.insert(m.type_ids(i)).second, field, "is listed twice", "występuje dwukrotnie");
  }
  if (!v.empty()) ThrowInvalid(v.list());
}

StaffMember StaffRegister::Register(Transaction& tx, const Identity& who,
                                    const assist::v1::RegisterStaffMemberRequest& request) const {
  StaffMember member = request.member();
  member.set_centre_id(CentreOf(tx, who, member.centre_id()));
  Validate(member);
  if (FindStaffMember(tx, member.centre_id(), member.login())) {
    ThrowAlreadyExists("staff member " + member.login() + " of centre " + member.centre_id());
  }
  member.set_active(true);
  InsertStaffMember(tx, member, NowTimestamp());
  AppendAudit(tx, InCentre(who, member.centre_id()), "RegisterStaffMember", 0, AuditAction::kWrite,
              "staff " + member.login());
  return *FindStaffMember(tx, member.centre_id(), member.login());
}

StaffMember StaffRegister::Update(Transaction& tx, const Identity& who,
                                  const assist::v1::UpdateStaffMemberRequest& request) const {
  StaffMember member = request.member();
  member.set_centre_id(CentreOf(tx, who, member.centre_id()));
  Validate(member);
  auto stored = FindStaffMemberForUpdate(tx, member.centre_id(), member.login());
  if (!stored) ThrowNotFound("staff member", member.login());
  UpdateStaffMemberRow(tx, member, NowTimestamp());
  std::string detail = "staff " + member.login();
  if (stored->active() != member.active()) {
    detail += member.active() ? "; activated" : "; deactivated";
  }
  AppendAudit(tx, InCentre(who, member.centre_id()), "UpdateStaffMember", 0, AuditAction::kWrite,
              detail);
  return *FindStaffMember(tx, member.centre_id(), member.login());
}

StaffMember StaffRegister::Get(Transaction& tx, const Identity& who,
                               const assist::v1::GetStaffMemberRequest& request) const {
  const std::string centre_id = CentreOf(tx, who, request.centre_id());
  if (!IsSafeId(request.login(), kMaxLoginBytes)) {
    ThrowInvalid("login", "is required: letters, digits and . _ - @ only, at most 128",
                 "jest wymagany: litery, cyfry i . _ - @, najwyżej 128 znaków");
  }
  auto member = FindStaffMember(tx, centre_id, request.login());
  if (!member) ThrowNotFound("staff member", request.login());
  AppendAudit(tx, InCentre(who, centre_id), "GetStaffMember", 0, AuditAction::kRead,
              "staff " + request.login());
  return *member;
}

assist::v1::ListStaffMembersResponse StaffRegister::List(
    Transaction& tx, const Identity& who,
    const assist::v1::ListStaffMembersRequest& request) const {
  sdk::Violations v;
  CheckIdFilter(v, request.type_id(), "type_id");
  if (!v.empty()) ThrowInvalid(v.list());
  const std::string centre_id = CentreOf(tx, who, request.centre_id());
  assist::v1::ListStaffMembersResponse response;
  for (auto& member :
       ListStaffMemberRows(tx, centre_id, {request.type_id(), request.active_only()})) {
    *response.add_members() = std::move(member);
  }
  AppendAudit(tx, InCentre(who, centre_id), "ListStaffMembers", 0, AuditAction::kRead,
              "staff of centre " + centre_id + ": " + std::to_string(response.members_size()));
  return response;
}

assist::v1::CaseloadLimit StaffRegister::SetCaseloadLimit(
    Transaction& tx, const Identity& who,
    const assist::v1::SetCaseloadLimitRequest& request) const {
  const std::string centre_id = CentreOf(tx, who, request.centre_id());
  LoadedType(registry_, request.type_id());
  const int type_limit = TypeLimit(request.type_id());
  sdk::Violations v;
  v.Require(request.limit() >= 0, "limit", "must not be negative", "nie może być ujemny");
  v.Require(type_limit == 0 || request.limit() <= type_limit, "limit",
            "must not be higher than the assistance type's own limit of " +
                std::to_string(type_limit) + " open cases per assistant",
            "nie może być wyższy niż limit rodzaju asysty: " + std::to_string(type_limit) +
                " otwartych spraw na asystenta");
  if (!v.empty()) ThrowInvalid(v.list());
  if (!SetCentreCaseloadLimit(tx, centre_id, request.type_id(), request.limit())) {
    ThrowPrecondition("TYPE_NOT_ENABLED", "centres/" + centre_id + "/types/" + request.type_id(),
                      "assistance type " + request.type_id() + " was never enabled at centre " +
                          centre_id + " (EnableAssistanceType)");
  }
  AppendAudit(tx, InCentre(who, centre_id), "SetCaseloadLimit", 0, AuditAction::kWrite,
              "type " + request.type_id() + " caseload limit " + std::to_string(request.limit()));
  assist::v1::CaseloadLimit limit;
  limit.set_centre_id(centre_id);
  limit.set_type_id(request.type_id());
  limit.set_type_limit(type_limit);
  limit.set_centre_limit(request.limit());
  limit.set_limit(request.limit() > 0 ? request.limit() : type_limit);
  return limit;
}

assist::v1::ListCaseloadsResponse StaffRegister::ListCaseloads(
    Transaction& tx, const Identity& who, const assist::v1::ListCaseloadsRequest& request) const {
  sdk::Violations v;
  CheckIdFilter(v, request.type_id(), "type_id");
  if (!v.empty()) ThrowInvalid(v.list());
  assist::v1::ListCaseloadsResponse response;
  std::map<std::string, int> limits;
  for (const CaseloadRow& row : ListCaseloadRows(tx, who.centre_id, request.type_id())) {
    auto limit = limits.find(row.type_id);
    if (limit == limits.end()) {
      limit = limits.emplace(row.type_id, EffectiveLimit(tx, who.centre_id, row.type_id)).first;
    }
    auto* load = response.add_caseloads();
    load->set_login(row.login);
    load->set_full_name(row.full_name);
    load->set_type_id(row.type_id);
    load->set_open_cases(row.open_cases);
    load->set_limit(limit->second);
    load->set_active(row.active);
  }
  AppendAudit(tx, who, "ListCaseloads", 0, AuditAction::kRead,
              "caseloads: " + std::to_string(response.caseloads_size()));
  return response;
}

StaffMember StaffRegister::RequireAssignable(Transaction& tx, const assist::v1::Case& c,
                                             const std::string& login, const std::string& field,
                                             assist::v1::AssignmentRole role) const {
  auto member = FindStaffMemberForUpdate(tx, c.centre_id(), login);
  if (!member) {
    ThrowNotFoundField("staff member", login,
                       {field, "is not a registered staff member of this centre (StaffService)",
                        "nie jest zarejestrowanym pracownikiem tego ośrodka (StaffService)"});
  }
  const std::string subject = Subject(c.centre_id(), login);
  if (!member->active()) {
    ThrowPreconditionInfo("STAFF_MEMBER_INACTIVE", subject,
                          "staff member " + login + " is not active in the centre's register",
                          {{"assistant_id", login}});
  }
  if (member->function() != assist::v1::STAFF_FUNCTION_ASSISTANT) {
    ThrowPreconditionInfo("NOT_AN_ASSISTANT", subject,
                          "staff member " + login + " is registered as " +
                              assist::v1::StaffFunction_Name(member->function()) +
                              ", not as an assistant",
                          {{"assistant_id", login}});
  }
  const auto& types = member->type_ids();
  if (std::find(types.begin(), types.end(), c.type_id()) == types.end()) {
    ThrowPreconditionInfo("ASSISTANCE_TYPE_NOT_SERVED", subject,
                          "assistant " + login + " does not serve assistance type " + c.type_id() +
                              " (UpdateStaffMember)",
                          {{"assistant_id", login}, {"type_id", c.type_id()}});
  }
  const int limit = EffectiveLimit(tx, c.centre_id(), c.type_id());
  if (limit > 0 && role != assist::v1::ASSIGNMENT_ROLE_SUBSTITUTE) {
    const int load = OpenCaseload(tx, c.centre_id(), login, c.type_id(), c.id());
    if (load >= limit) {
      ThrowPreconditionInfo("CASELOAD_LIMIT", subject,
                            "assistant " + login + " already has " + std::to_string(load) +
                                " open " + c.type_id() + " cases, the limit is " +
                                std::to_string(limit),
                            {{"assistant_id", login},
                             {"type_id", c.type_id()},
                             {"current_load", std::to_string(load)},
                             {"limit", std::to_string(limit)}});
    }
  }
  return *member;
}

void StaffRegister::Bootstrap(Transaction& tx, const assist::host::v1::BootstrapCentre& centre,
                              std::vector<std::string>& changes) const {
  for (const auto& configured : centre.staff()) {
    if (!IsSafeId(configured.login(), kMaxLoginBytes)) {
      LogWarning("bootstrap centre " + centre.id() + ": staff login \"" + configured.login() +
                 "\" is not letters, digits and . _ - @; skipped");
      continue;
    }
    if (FindStaffMember(tx, centre.id(), configured.login())) continue;
    StaffMember member;
    member.set_centre_id(centre.id());
    member.set_login(configured.login());
    member.set_full_name(configured.full_name());
    member.set_function(configured.function() == assist::v1::STAFF_FUNCTION_UNSPECIFIED
                            ? assist::v1::STAFF_FUNCTION_ASSISTANT
                            : configured.function());
    *member.mutable_type_ids() = configured.type_ids();
    member.set_employment_form(configured.employment_form());
    member.set_working_time_share(
        configured.working_time_share() > 0 ? configured.working_time_share() : 1.0);
    member.set_qualifications(configured.qualifications());
    member.set_active(true);
    InsertStaffMember(tx, member, NowTimestamp());
    changes.push_back("staff " + member.login() + " registered");
  }
}

std::string StaffDisplayName(Transaction& tx, const std::string& centre_id,
                             const std::string& login) {
  auto member = FindStaffMember(tx, centre_id, login);
  return member && !member->full_name().empty() ? member->full_name() : login;
}

}  // namespace assist::host
