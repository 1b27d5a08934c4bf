#include "fault_load.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "fault_support.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

constexpr int kContactsPerRound = 3;

std::set<std::int64_t> Ids(const DatabaseSetup& database, const std::string& sql) {
  std::set<std::int64_t> ids;
  for (const auto& row : Query(database, sql)) ids.insert(std::stoll(row.at(0)));
  return ids;
}

// The first column of each row, for messages (at most 10).
std::string FirstColumns(const Rows& rows) {
  std::string text;
  for (std::size_t i = 0; i < rows.size() && i < 10; ++i) {
    if (i > 0) text += ", ";
    for (std::size_t column = 0; column < rows[i].size(); ++column) {
      text += (column == 0 ? "" : "/") + rows[i][column];
    }
  }
  if (rows.size() > 10) text += ", ... (" + std::to_string(rows.size()) + " in all)";
  return text;
}

template <typename Id>
std::string Missing(const std::vector<Id>& wanted, const std::set<std::int64_t>& present,
                    std::size_t* count) {
  std::string text;
  *count = 0;
  for (const Id id : wanted) {
    if (present.count(id) != 0) continue;
    if (++*count <= 10) text += (text.empty() ? "" : ", ") + std::to_string(id);
  }
  return text;
}

// Rows a check query finds, which must be none.
void ExpectNone(const DatabaseSetup& database, const std::string& what, const std::string& sql) {
  Rows rows;
  try {
    rows = Query(database, sql);
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": " << e.what();
    return;
  }
  EXPECT_TRUE(rows.empty()) << what << ": " << FirstColumns(rows);
}

}  // namespace

std::size_t Acknowledged::writes() const {
  std::size_t steps = 0;
  for (const auto& [id, stage] : cases) steps += static_cast<std::size_t>(stage);
  return people.size() + families.size() + steps + contacts.size();
}

void Acknowledged::Add(const Acknowledged& more) {
  people.insert(people.end(), more.people.begin(), more.people.end());
  families.insert(families.end(), more.families.begin(), more.families.end());
  for (const auto& [id, stage] : more.cases) cases[id] = std::max(cases[id], stage);
  contacts.insert(contacts.end(), more.contacts.begin(), more.contacts.end());
}

WriteLoad::WriteLoad(Client& client, int threads, std::chrono::milliseconds deadline)
    : client_(client), deadline_(deadline) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this, i] { Write(i); });
}

WriteLoad::~WriteLoad() { Stop(); }

void WriteLoad::Stop() {
  stop_ = true;
  for (std::thread& thread : threads_) {
    if (thread.joinable()) thread.join();
  }
}

Acknowledged WriteLoad::acknowledged() const {
  std::lock_guard lock(mutex_);
  return acknowledged_;
}

std::vector<FailedCall> WriteLoad::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

int WriteLoad::ok_since(FaultClock::time_point since) const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(
      std::count_if(oks_.begin(), oks_.end(), [&](auto ended) { return ended > since; }));
}

int WriteLoad::ok_calls() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(oks_.size());
}

void WriteLoad::Write(int thread) {
  while (!stop_) {
    if (!Round(thread)) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

template <typename Request, typename Response>
bool WriteLoad::Step(const char* rpc, const Identity& who,
                     grpc::Status (Cases::*method)(grpc::ClientContext*, const Request&, Response*),
                     const Request& request, Response* response) {
  if (stop_) return false;
  const auto started = FaultClock::now();
  const grpc::Status status = CallWithin(client_, who, deadline_, method, request, response);
  const auto ended = FaultClock::now();
  std::lock_guard lock(mutex_);
  if (status.ok()) {
    oks_.push_back(ended);
    return true;
  }
  failures_.push_back({rpc, status.error_code(), status.error_message(), started, ended});
  return false;
}

bool WriteLoad::Round(int thread) {
  const CentreStaff& staff = Sopot();
  v1::CreatePersonRequest person_request;
  person_request.set_given_name("Ewa");
  person_request.set_family_name("Obciazeniowa-" + std::to_string(thread));
  person_request.set_birth_date("1984-03-07");
  v1::Person person;
  if (!Step("CreatePerson", staff.worker, &Cases::CreatePerson, person_request, &person)) {
    return false;
  }
  {
    std::lock_guard lock(mutex_);
    acknowledged_.people.push_back(person.id());
  }

  v1::CreateFamilyRequest family_request;
  family_request.set_name("Rodzina Obciazeniowa " + std::to_string(person.id()));
  auto* parent = family_request.add_members();
  parent->set_person_id(person.id());
  parent->set_relation(v1::FAMILY_RELATION_PARENT);
  v1::Family family;
  if (!Step("CreateFamily", staff.worker, &Cases::CreateFamily, family_request, &family)) {
    return false;
  }
  {
    std::lock_guard lock(mutex_);
    acknowledged_.families.push_back(family.id());
  }

  v1::OpenCaseRequest open;
  open.set_type_id("family");
  open.set_family_id(family.id());
  open.set_referral_reason("fault test: write load");
  v1::Case opened;
  if (!Step("OpenCase", staff.worker, &Cases::OpenCase, open, &opened)) return false;
  const std::int64_t case_id = opened.id();
  const auto reached = [&](CaseStage stage) {
    std::lock_guard lock(mutex_);
    acknowledged_.cases[case_id] = stage;
  };
  reached(CaseStage::kOpened);

  v1::AssignAssistantRequest assign;
  assign.set_case_id(case_id);
  assign.set_assistant_id(std::string(staff.assistant.actor_id));
  v1::Case assigned;
  if (!Step("AssignAssistant", staff.head, &Cases::AssignAssistant, assign, &assigned)) {
    return false;
  }
  reached(CaseStage::kAssigned);

  v1::RecordConsentRequest consent;
  consent.set_case_id(case_id);
  consent.set_decision(v1::CONSENT_STATE_GIVEN);
  consent.set_note("fault test");
  v1::Case consented;
  if (!Step("RecordConsent", staff.worker, &Cases::RecordConsent, consent, &consented)) {
    return false;
  }
  reached(CaseStage::kConsented);

  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case with_intake;
  if (!Step("SubmitIntake", staff.assistant, &Cases::SubmitIntake, intake, &with_intake)) {
    return false;
  }
  reached(CaseStage::kIntake);

  for (int i = 0; i < kContactsPerRound; ++i) {
    v1::RecordContactRequest contact_request;
    contact_request.set_case_id(case_id);
    contact_request.set_kind(v1::CONTACT_KIND_HOME_VISIT);
    contact_request.set_duration_minutes(45);
    contact_request.set_notes("fault test: visit " + std::to_string(i + 1));
    v1::Contact contact;
    if (!Step("RecordContact", staff.assistant, &Cases::RecordContact, contact_request, &contact)) {
      return false;
    }
    std::lock_guard lock(mutex_);
    acknowledged_.contacts.push_back(contact.id());
  }

  // The case is closed at the end of its round: one assistant may have at most 15 open family
  // cases (the family type's caseload limit), and the load opens far more than that.
  v1::SubmitPlanRequest plan;
  plan.set_case_id(case_id);
  *plan.mutable_plan() = JsonPayload(family::PlanJson("regular school attendance"));
  v1::PlanVersion version;
  if (!Step("SubmitPlan", staff.assistant, &Cases::SubmitPlan, plan, &version)) return false;
  v1::CloseCaseRequest close;
  close.set_case_id(case_id);
  close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
  *close.mutable_outcome() = JsonPayload(family::OutcomeJson());
  v1::Case closed;
  return Step("CloseCase", staff.worker, &Cases::CloseCase, close, &closed);
}

std::string SummarizeFailures(const std::vector<FailedCall>& failures) {
  if (failures.empty()) return "none";
  std::map<grpc::StatusCode, int> counts;
  std::map<grpc::StatusCode, const FailedCall*> first;
  for (const FailedCall& failure : failures) {
    ++counts[failure.code];
    first.emplace(failure.code, &failure);
  }
  std::string text;
  for (const auto& [code, count] : counts) {
    if (!text.empty()) text += ", ";
    text += CodeName(code) + " x" + std::to_string(count) + " (first: " + first[code]->rpc + ": " +
            first[code]->message + ")";
  }
  return text;
}

void ExpectAcknowledgedPresent(const DatabaseSetup& database, const Acknowledged& acknowledged) {
  try {
    std::size_t lost = 0;
    std::string which = Missing(acknowledged.people, Ids(database, "SELECT id FROM people"), &lost);
    EXPECT_EQ(lost, 0u) << "acknowledged people lost: " << which;
    which = Missing(acknowledged.families, Ids(database, "SELECT id FROM families"), &lost);
    EXPECT_EQ(lost, 0u) << "acknowledged families lost: " << which;
    which = Missing(acknowledged.contacts, Ids(database, "SELECT id FROM contacts"), &lost);
    EXPECT_EQ(lost, 0u) << "acknowledged contacts lost: " << which;

    std::map<std::int64_t, std::vector<std::string>> stored;
    for (auto& row :
         Query(database, "SELECT id, assistant_id, consent, intake_version FROM cases")) {
      stored[std::stoll(row.at(0))] = std::move(row);
    }
    std::vector<std::string> problems;
    for (const auto& [id, stage] : acknowledged.cases) {
      const auto found = stored.find(id);
      if (found == stored.end()) {
        problems.push_back("case " + std::to_string(id) + " lost");
        continue;
      }
      const auto& row = found->second;
      if (stage >= CaseStage::kAssigned && row.at(1) != Sopot().assistant.actor_id) {
        problems.push_back("case " + std::to_string(id) + ": assignment lost");
      }
      if (stage >= CaseStage::kConsented && row.at(2) != std::to_string(v1::CONSENT_STATE_GIVEN)) {
        problems.push_back("case " + std::to_string(id) + ": consent lost");
      }
      if (stage >= CaseStage::kIntake && std::stoi(row.at(3)) < 1) {
        problems.push_back("case " + std::to_string(id) + ": intake lost");
      }
    }
    EXPECT_TRUE(problems.empty()) << problems.size() << " acknowledged case steps lost, e.g. "
                                  << (problems.empty() ? "" : problems.front());
  } catch (const std::exception& e) {
    ADD_FAILURE() << "reading " << database.backend << " database: " << e.what();
  }
}

void ExpectNoHalfWrittenSteps(const DatabaseSetup& database) {
  const std::string writes_of = "SELECT COUNT(*) FROM audit_events a WHERE a.action = 'write' ";
  ExpectNone(database, "cases without the audit row of OpenCase",
             "SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE "
             "a.rpc = 'OpenCase' AND a.action = 'write' AND a.centre_id = c.centre_id AND "
             "a.case_id = c.id)");
  ExpectNone(database, "cases whose intake version, intake documents and SubmitIntake rows differ",
             "SELECT c.id, c.intake_version FROM cases c WHERE c.intake_version <> (SELECT "
             "COUNT(*) FROM case_documents d WHERE d.case_id = c.id AND d.kind = 'intake') OR "
             "c.intake_version <> (" +
                 writes_of +
                 "AND a.rpc = 'SubmitIntake' AND a.centre_id = c.centre_id AND a.case_id = c.id)");
  ExpectNone(database, "cases whose consent decisions and RecordConsent rows differ",
             "SELECT c.id FROM cases c WHERE (SELECT COUNT(*) FROM consent_decisions d WHERE "
             "d.case_id = c.id) <> (" +
                 writes_of +
                 "AND a.rpc = 'RecordConsent' AND a.centre_id = c.centre_id AND a.case_id = c.id)");
  ExpectNone(
      database, "cases given consent without a consent decision",
      "SELECT c.id FROM cases c WHERE c.consent = " + std::to_string(v1::CONSENT_STATE_GIVEN) +
          " AND NOT EXISTS (SELECT 1 FROM consent_decisions d WHERE d.case_id = c.id)");
  ExpectNone(
      database, "cases assigned without an AssignAssistant row, or the other way round",
      "SELECT c.id FROM cases c WHERE (c.assistant_id <> '') <> ((" + writes_of +
          "AND a.rpc = 'AssignAssistant' AND a.centre_id = c.centre_id AND a.case_id = c.id) > 0)");
  ExpectNone(database, "cases whose contacts and RecordContact rows differ",
             "SELECT c.id FROM cases c WHERE (SELECT COUNT(*) FROM contacts k WHERE k.case_id = "
             "c.id) <> (" +
                 writes_of +
                 "AND a.rpc = 'RecordContact' AND a.centre_id = c.centre_id AND a.case_id = c.id)");
  ExpectNone(database, "families without members",
             "SELECT f.id FROM families f WHERE NOT EXISTS (SELECT 1 FROM family_members m WHERE "
             "m.family_id = f.id)");
  const auto same_count = [&](const std::string& what, const std::string& table,
                              const std::string& rpc) {
    const std::string rows = "(SELECT COUNT(*) FROM " + table + ")";
    const std::string audited = "(" + writes_of + "AND a.rpc = '" + rpc + "')";
    ExpectNone(database, what,
               "SELECT " + rows + ", " + audited + " WHERE " + rows + " <> " + audited);
  };
  same_count("people and CreatePerson rows differ in number", "people", "CreatePerson");
  same_count("families and CreateFamily rows differ in number", "families", "CreateFamily");
}

}  // namespace assist::it
