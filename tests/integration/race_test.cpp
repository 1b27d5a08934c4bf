// The concurrency suite of issue 9: the platform's rules must hold when callers race, because
// the database holds them and not only the code's own look-ups. For every rule, 16 callers (each
// on a connection of its own) start together at a latch, 20 rounds; afterwards the state is read
// back through the API. Never INTERNAL or UNKNOWN for a race; a loser is told ALREADY_EXISTS (a
// uniqueness rule), FAILED_PRECONDITION (a state rule) or ABORTED (retry).
//   RaceTest            one host, on SQLite and on PostgreSQL
//   ThreeHostsRaceTest  three hosts sharing one PostgreSQL database, the callers spread over them
//   TwoHostsRaceTest    two hosts writing plans and contacts to one case for two seconds
//   HostsStartRaceTest  three hosts starting at the same moment on a fresh PostgreSQL database
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "race_support.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;

constexpr int kCallers = 16;
constexpr int kRounds = 20;

template <typename Response>
struct Answer {
  grpc::Status status;
  Response response;
};

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string Ids(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (const std::int64_t id : ids) text += (text.empty() ? "" : ", ") + std::to_string(id);
  return "[" + text + "]";
}

// The rules, raced through the callers of however many hosts the suite starts.
class RaceRules : public HostGroupTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(PrepareDatabase());
    if (IsSkipped()) return;
    ASSERT_NO_FATAL_FAILURE(StartHosts(HostCount()));
    for (int i = 0; i < kCallers; ++i) callers_.push_back(&caller(i));
  }

  virtual int HostCount() const = 0;

  // Host for the read-back after `round`: another one than set-up used, when there are several.
  Client& checker(int round) { return client(round % hosts()); }

  // Every caller sends requests[caller] as `who`, all at once.
  template <typename Stub, typename Request, typename Response>
  std::vector<Answer<Response>> Race(const Identity& who,
                                     grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                                     const std::vector<Request>& requests) {
    const std::function<Answer<Response>(int)> call = [&](int i) {
      const auto at = static_cast<std::size_t>(i);
      Answer<Response> answer;
      answer.status = callers_[at]->Call(who, method, requests[at], &answer.response);
      return answer;
    };
    return RunTogether(kCallers, call);
  }

  template <typename Stub, typename Request, typename Response>
  std::vector<Answer<Response>> RaceSame(const Identity& who,
                                         grpc::Status (Stub::*method)(grpc::ClientContext*,
                                                                      const Request&, Response*),
                                         const Request& request) {
    return Race(who, method, std::vector<Request>(kCallers, request));
  }

  void NewPerson(const std::string& family_name, std::int64_t* person_id);
  // A person's case of `payloads`' type, started, with its intake.
  void NewCaseWithIntake(const TypePayloads& payloads, std::int64_t* case_id);
  void OpenCases(std::int64_t subject, std::string_view type, bool family_subject,
                 std::vector<std::int64_t>* open_ids, int round);

  void RaceCreateCentre();
  void RaceOpenCase(bool family_subject);
  void RaceEnableWithSettings();
  void RaceVersionsOfOneCase();
  void RaceCloseCase();

  const CentreStaff& staff_ = Sopot();
  std::vector<Client*> callers_;
};

void RaceRules::NewPerson(const std::string& family_name, std::int64_t* person_id) {
  v1::CreatePersonRequest request;
  request.set_given_name("Marek");
  request.set_family_name(family_name);
  request.set_birth_date("1971-05-30");
  v1::Person person;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CreatePerson, request, &person)));
  *person_id = person.id();
}

void RaceRules::NewCaseWithIntake(const TypePayloads& payloads, std::int64_t* case_id) {
  ASSERT_FALSE(payloads.family_subject);
  v1::OpenCaseRequest open;
  open.set_type_id(std::string(payloads.type_id));
  open.set_referral_reason("referred for the concurrency suite");
  std::int64_t person_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewPerson("Zieliński", &person_id));
  open.set_person_id(person_id);
  v1::Case opened;
  ASSERT_TRUE(IsOk(client().Call(staff_.worker, &Cases::OpenCase, open, &opened)));
  ASSERT_NO_FATAL_FAILURE(StartWork(client(), staff_, opened.id()));
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(opened.id());
  *intake.mutable_intake() = JsonPayload(payloads.intake);
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &with_intake)));
  *case_id = opened.id();
}

// (a) A centre id is taken once: one caller creates the centre, the others are told it exists.
void RaceRules::RaceCreateCentre() {
  RaceTally tally({StatusCode::OK, StatusCode::ALREADY_EXISTS});
  for (int round = 1; round <= kRounds; ++round) {
    const std::string id = "race-centre-" + std::to_string(round);
    v1::CreateCentreRequest request;
    request.set_id(id);
    request.set_name("Ośrodek Pomocy Społecznej nr " + std::to_string(round));
    request.set_municipality("Sopot");
    request.add_enabled_types("family");
    request.add_enabled_types("homelessness");
    const auto answers = RaceSame(Operator(), &Platform::CreateCentre, request);
    int created = 0;
    for (const auto& answer : answers) {
      tally.Count(answer.status);
      if (answer.status.ok()) ++created;
    }
    if (created != 1) {
      tally.Violation(round, std::to_string(created) + " callers were told they created " + id);
    }
    v1::GetCentreRequest get;
    get.set_id(id);
    v1::Centre centre;
    const grpc::Status read = checker(round).Call(Operator(), &Platform::GetCentre, get, &centre);
    if (!read.ok()) {
      tally.Violation(round, "GetCentre " + id + ": " + Describe(read));
    } else if (centre.enabled_types_size() != 2 || centre.enabled_types(0) != "family" ||
               centre.enabled_types(1) != "homelessness") {
      tally.Violation(round, "centre " + id + " as stored: " + centre.ShortDebugString());
    }
  }
  v1::ListCentresResponse centres;
  ASSERT_TRUE(
      IsOk(client().Call(Operator(), &Platform::ListCentres, v1::ListCentresRequest(), &centres)));
  std::multiset<std::string> raced;
  for (const v1::Centre& centre : centres.centres()) {
    if (centre.id().starts_with("race-centre-")) raced.insert(centre.id());
  }
  EXPECT_EQ(raced.size(), static_cast<std::size_t>(kRounds)) << "centres listed once each";
  EXPECT_EQ(std::set<std::string>(raced.begin(), raced.end()).size(), raced.size());
  ExpectCleanRaces("CreateCentre with one id", tally);
}

// The open cases of `type` whose subject is `subject` (a person or a family), as ListCases sees
// them after `round`.
void RaceRules::OpenCases(std::int64_t subject, std::string_view type, bool family_subject,
                          std::vector<std::int64_t>* open_ids, int round) {
  v1::ListCasesRequest request;
  request.set_type_id(std::string(type));
  request.set_status(v1::CASE_STATUS_OPEN);
  request.set_page_size(500);
  for (;;) {
    v1::ListCasesResponse page;
    ASSERT_TRUE(IsOk(checker(round).Call(staff_.worker, &Cases::ListCases, request, &page)));
    for (const v1::Case& c : page.cases()) {
      const std::int64_t of = family_subject ? c.family_id() : c.person_id();
      if (of == subject) open_ids->push_back(c.id());
    }
    if (page.next_page_token().empty()) return;
    request.set_page_token(page.next_page_token());
  }
}

// (b) One open case per subject and type: the partial unique indexes of migration 4.
void RaceRules::RaceOpenCase(bool family_subject) {
  const std::string_view type = family_subject ? "family" : "homelessness";
  RaceTally tally({StatusCode::OK, StatusCode::ALREADY_EXISTS});
  for (int round = 1; round <= kRounds; ++round) {
    v1::OpenCaseRequest request;
    request.set_type_id(std::string(type));
    request.set_referral_reason("referred by several workers at once");
    std::int64_t subject = 0;
    if (family_subject) {
      ASSERT_NO_FATAL_FAILURE(CreateNowakFamily(client(), staff_, &subject));
      request.set_family_id(subject);
    } else {
      ASSERT_NO_FATAL_FAILURE(NewPerson("Wyścig " + std::to_string(round), &subject));
      request.set_person_id(subject);
    }
    const auto answers = RaceSame(staff_.worker, &Cases::OpenCase, request);
    std::vector<std::int64_t> told;
    for (const auto& answer : answers) {
      tally.Count(answer.status);
      if (answer.status.ok()) told.push_back(answer.response.id());
    }
    std::vector<std::int64_t> open;
    ASSERT_NO_FATAL_FAILURE(OpenCases(subject, type, family_subject, &open, round));
    const std::string whose = (family_subject ? "family " : "person ") + std::to_string(subject);
    if (told.size() != 1 || open.size() != 1 || open != told) {
      tally.Violation(round, std::to_string(open.size()) + " open " + std::string(type) +
                                 " cases for " + whose + " " + Ids(open) + ", " +
                                 std::to_string(told.size()) + " callers told OK " + Ids(told));
    }
  }
  ExpectCleanRaces(std::string("OpenCase ") + std::string(type) + " for one " +
                       (family_subject ? "family" : "person"),
                   tally);
}

// (c) Enabling a type with settings is an upsert of one row: every caller may win (or be told to
// retry), and the row ends as one of theirs.
void RaceRules::RaceEnableWithSettings() {
  constexpr int kLowest = 100;  // caller i sends a limit of kLowest + 10 i hours
  constexpr int kHighest = kLowest + 10 * (kCallers - 1);
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewCaseWithIntake(disability::Payloads(), &case_id));
  // The plan the head's limit is probed with: accepted up to the limit, refused above it.
  const auto plan_with = [&](int hours, int round) {
    v1::SubmitPlanRequest plan;
    plan.set_case_id(case_id);
    *plan.mutable_plan() = JsonPayload(disability::PlanWithHours(hours));
    v1::PlanVersion version;
    return checker(round).Call(staff_.assistant, &Cases::SubmitPlan, plan, &version);
  };

  RaceTally tally({StatusCode::OK, StatusCode::ABORTED});
  for (int round = 1; round <= kRounds; ++round) {
    v1::CentreAssistanceTypeRequest reset;  // no settings: the programme's default limits
    reset.set_centre_id(std::string(kSopot));
    reset.set_type_id("disability");
    v1::Centre centre;
    ASSERT_TRUE(IsOk(client().Call(staff_.head, &Platform::EnableAssistanceType, reset, &centre)));

    std::vector<v1::CentreAssistanceTypeRequest> requests;
    for (int i = 0; i < kCallers; ++i) {
      auto& request = requests.emplace_back(reset);
      *request.mutable_settings() = JsonPayload(disability::SettingsWithLimit(kLowest + 10 * i));
    }
    const auto answers = Race(staff_.head, &Platform::EnableAssistanceType, requests);
    int enabled = 0;
    for (const auto& answer : answers) {
      tally.Count(answer.status);
      if (!answer.status.ok()) continue;
      ++enabled;
      const auto& types = answer.response.enabled_types();
      if (std::count(types.begin(), types.end(), "disability") != 1) {
        tally.Violation(round, "an answer lists: " + answer.response.ShortDebugString());
      }
    }
    if (enabled == 0) tally.Violation(round, "no caller could enable the type");

    v1::GetCentreRequest get;
    get.set_id(std::string(kSopot));
    const grpc::Status read = checker(round).Call(staff_.head, &Platform::GetCentre, get, &centre);
    const auto& types = centre.enabled_types();
    if (!read.ok() || std::count(types.begin(), types.end(), "disability") != 1) {
      tally.Violation(round,
                      "GetCentre: " + (read.ok() ? centre.ShortDebugString() : Describe(read)));
    }
    // The limit in force is one a caller sent: at least the lowest, at most the highest.
    if (const grpc::Status low = plan_with(kLowest, round); !low.ok()) {
      tally.Violation(
          round, "a plan of " + std::to_string(kLowest) + " hours was refused: " + Describe(low));
    }
    const grpc::Status high = plan_with(kHighest + 1, round);
    const std::vector<std::string> fields = ViolatedFields(high);
    if (high.error_code() != StatusCode::INVALID_ARGUMENT || !Contains(fields, "plan.activities")) {
      tally.Violation(round, "a plan of " + std::to_string(kHighest + 1) +
                                 " hours, above every limit sent, got " + Describe(high));
    }
  }
  ExpectCleanRaces("EnableAssistanceType with settings", tally);
}

// (d) Versions of one case: callers submit plans to the same case at once (in even rounds half of
// them intakes); the versions of each are contiguous from 1, one per acknowledged submission, and
// each plan version holds what its caller was told it holds.
void RaceRules::RaceVersionsOfOneCase() {
  const auto is_intake = [](int round, int caller) { return round % 2 == 0 && caller % 2 == 0; };
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), staff_, &case_id));
  v1::SubmitIntakeRequest first;
  first.set_case_id(case_id);
  *first.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, first, &with_intake)));
  int intakes = 1;                   // the set-up's
  std::map<int, std::string> plans;  // acknowledged version -> its goal
  RaceTally tally({StatusCode::OK, StatusCode::ABORTED});
  for (int round = 1; round <= kRounds; ++round) {
    struct Submitted {
      grpc::Status status;
      int version = 0;
      std::string goal;  // plans only
    };
    const std::function<Submitted(int)> submit = [&](int i) {
      Submitted out;
      Client& caller = *callers_[static_cast<std::size_t>(i)];
      if (is_intake(round, i)) {
        v1::SubmitIntakeRequest intake;
        intake.set_case_id(case_id);
        *intake.mutable_intake() = JsonPayload(family::IntakeJson());
        v1::Case c;
        out.status = caller.Call(staff_.assistant, &Cases::SubmitIntake, intake, &c);
        out.version = c.intake_version();
      } else {
        out.goal = "goal of round " + std::to_string(round) + " caller " + std::to_string(i);
        v1::SubmitPlanRequest plan;
        plan.set_case_id(case_id);
        *plan.mutable_plan() = JsonPayload(family::PlanJson(out.goal));
        v1::PlanVersion version;
        out.status = caller.Call(staff_.assistant, &Cases::SubmitPlan, plan, &version);
        out.version = version.version();
      }
      return out;
    };
    const std::vector<Submitted> answers = RunTogether(kCallers, submit);
    std::set<int> intake_versions;
    for (std::size_t i = 0; i < answers.size(); ++i) {
      const Submitted& answer = answers[i];
      tally.Count(answer.status);
      if (!answer.status.ok()) continue;
      if (is_intake(round, static_cast<int>(i))) {
        ++intakes;
        if (!intake_versions.insert(answer.version).second) {
          tally.Violation(
              round, "intake version " + std::to_string(answer.version) + " acknowledged twice");
        }
      } else if (!plans.emplace(answer.version, answer.goal).second) {
        tally.Violation(round,
                        "plan version " + std::to_string(answer.version) + " acknowledged twice");
      }
    }

    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(checker(round), staff_.worker, case_id, &detail));
    if (detail.case_().intake_version() != intakes ||
        detail.case_().plan_version() != static_cast<int>(plans.size())) {
      tally.Violation(round, "the case says intake v" +
                                 std::to_string(detail.case_().intake_version()) + ", plan v" +
                                 std::to_string(detail.case_().plan_version()) + "; acknowledged " +
                                 std::to_string(intakes) + " intakes, " +
                                 std::to_string(plans.size()) + " plans");
    }
    v1::ListPlanVersionsRequest list;
    list.set_case_id(case_id);
    v1::ListPlanVersionsResponse stored;
    ASSERT_TRUE(IsOk(checker(round).Call(staff_.worker, &Cases::ListPlanVersions, list, &stored)));
    std::string listed;
    bool contiguous = stored.versions_size() == static_cast<int>(plans.size());
    for (int i = 0; i < stored.versions_size(); ++i) {
      const v1::PlanVersion& version = stored.versions(i);
      listed += " " + std::to_string(version.version());
      contiguous = contiguous && version.version() == i + 1;
      const auto acknowledged = plans.find(version.version());
      if (acknowledged != plans.end() &&
          version.plan().json().find(acknowledged->second) == std::string::npos) {
        tally.Violation(round, "plan version " + std::to_string(version.version()) +
                                   " does not hold \"" + acknowledged->second + "\"");
      }
    }
    if (!contiguous) {
      tally.Violation(round, "plan versions stored:" + listed + "; acknowledged " +
                                 std::to_string(plans.size()));
    }
  }
  ExpectCleanRaces("SubmitIntake and SubmitPlan on one case", tally);
}

// (d) Closing a case is done once; the homelessness plugin keeps one exit row per case
// (homelessness_exits, keyed by case_id), written in the same transaction.
void RaceRules::RaceCloseCase() {
  const TypePayloads payloads = homelessness::Payloads();
  RaceTally tally({StatusCode::OK, StatusCode::FAILED_PRECONDITION, StatusCode::ABORTED});
  for (int round = 1; round <= kRounds; ++round) {
    std::int64_t case_id = 0;
    ASSERT_NO_FATAL_FAILURE(NewCaseWithIntake(payloads, &case_id));
    v1::CloseCaseRequest close;
    close.set_case_id(case_id);
    close.set_reason(v1::CLOSURE_REASON_GOALS_ACHIEVED);
    *close.mutable_outcome() = JsonPayload(payloads.outcome);
    const auto answers = RaceSame(staff_.worker, &Cases::CloseCase, close);
    int closed = 0;
    for (const auto& answer : answers) {
      tally.Count(answer.status);
      if (answer.status.ok()) ++closed;
      if (answer.status.error_code() == StatusCode::FAILED_PRECONDITION &&
          !Contains(PreconditionTypes(answer.status), "CASE_NOT_OPEN")) {
        tally.Violation(round, "a loser was told " + Describe(answer.status));
      }
    }
    if (closed != 1) {
      tally.Violation(round, std::to_string(closed) + " callers were told they closed case " +
                                 std::to_string(case_id));
    }
    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(checker(round), staff_.worker, case_id, &detail));
    if (detail.case_().status() != v1::CASE_STATUS_CLOSED || detail.outcome().json().empty()) {
      tally.Violation(round, "case after the race: " + detail.case_().ShortDebugString());
    }
  }
  ExpectCleanRaces("CloseCase of one homelessness case", tally);
}

// ---- one host: SQLite and PostgreSQL --------------------------------------------------------

class RaceTest : public RaceRules {
 protected:
  int HostCount() const override { return 1; }
};

TEST_P(RaceTest, CreateCentreWithOneId) { RaceCreateCentre(); }
TEST_P(RaceTest, OpenCaseForOnePerson) { RaceOpenCase(false); }
TEST_P(RaceTest, OpenCaseForOneFamily) { RaceOpenCase(true); }
TEST_P(RaceTest, EnableTypeWithSettings) { RaceEnableWithSettings(); }
TEST_P(RaceTest, VersionsOfOneCase) { RaceVersionsOfOneCase(); }
TEST_P(RaceTest, CloseOneCase) { RaceCloseCase(); }

INSTANTIATE_BACKENDS(RaceTest);

// ---- three hosts on one PostgreSQL database -------------------------------------------------

class ThreeHostsRaceTest : public RaceRules {
 protected:
  int HostCount() const override { return 3; }
};

TEST_P(ThreeHostsRaceTest, CreateCentreWithOneId) { RaceCreateCentre(); }
TEST_P(ThreeHostsRaceTest, OpenCaseForOnePerson) { RaceOpenCase(false); }
TEST_P(ThreeHostsRaceTest, OpenCaseForOneFamily) { RaceOpenCase(true); }
TEST_P(ThreeHostsRaceTest, EnableTypeWithSettings) { RaceEnableWithSettings(); }
TEST_P(ThreeHostsRaceTest, VersionsOfOneCase) { RaceVersionsOfOneCase(); }
TEST_P(ThreeHostsRaceTest, CloseOneCase) { RaceCloseCase(); }

INSTANTIATE_POSTGRESQL_ONLY(ThreeHostsRaceTest);

// ---- two hosts writing one case -------------------------------------------------------------

class TwoHostsRaceTest : public HostGroupTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(PrepareDatabase());
    if (IsSkipped()) return;
    ASSERT_NO_FATAL_FAILURE(StartHosts(2));
  }

  const CentreStaff& staff_ = Sopot();
};

// 8 callers per host submit plans and record contacts on one case, alternately, for two seconds:
// no acknowledged write is lost, plan versions run 1..n without a gap, n = acknowledged plans.
TEST_P(TwoHostsRaceTest, PlansAndContactsOnOneCase) {
  constexpr auto kDuration = std::chrono::seconds(2);
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), staff_, &case_id));
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(case_id);
  *intake.mutable_intake() = JsonPayload(family::IntakeJson());
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, intake, &with_intake)));
  std::vector<Client*> callers;
  for (int i = 0; i < kCallers; ++i) callers.push_back(&caller(i));  // caller i: host i % 2

  struct Work {
    std::vector<grpc::Status> statuses;
    std::map<int, std::string> plans;              // acknowledged version -> goal
    std::map<std::int64_t, std::string> contacts;  // acknowledged contact id -> notes
  };
  const auto until = std::chrono::steady_clock::now() + kDuration;
  const std::function<Work(int)> work = [&](int i) {
    Work done;
    Client& caller = *callers[static_cast<std::size_t>(i)];
    for (int n = 0; std::chrono::steady_clock::now() < until; ++n) {
      const std::string text =
          "caller " + std::to_string(i) + (n % 2 == 0 ? " plan " : " contact ") + std::to_string(n);
      if (n % 2 == 0) {
        v1::SubmitPlanRequest plan;
        plan.set_case_id(case_id);
        *plan.mutable_plan() = JsonPayload(family::PlanJson(text));
        v1::PlanVersion version;
        const grpc::Status status =
            caller.Call(staff_.assistant, &Cases::SubmitPlan, plan, &version);
        if (status.ok()) done.plans[version.version()] = text;
        done.statuses.push_back(status);
      } else {
        v1::RecordContactRequest contact;
        contact.set_case_id(case_id);
        contact.set_kind(v1::CONTACT_KIND_HOME_VISIT);
        contact.set_duration_minutes(45);
        contact.set_notes(text);
        v1::Contact recorded;
        const grpc::Status status =
            caller.Call(staff_.assistant, &Cases::RecordContact, contact, &recorded);
        if (status.ok()) done.contacts[recorded.id()] = text;
        done.statuses.push_back(status);
      }
    }
    return done;
  };
  const std::vector<Work> results = RunTogether(kCallers, work);

  RaceTally tally({StatusCode::OK, StatusCode::ABORTED});
  std::map<int, std::string> plans;
  std::map<std::int64_t, std::string> contacts;
  for (const Work& done : results) {
    for (const grpc::Status& status : done.statuses) tally.Count(status);
    for (const auto& [version, goal] : done.plans) {
      if (!plans.emplace(version, goal).second) {
        tally.Violation("acknowledgements",
                        "plan version " + std::to_string(version) + " acknowledged twice");
      }
    }
    for (const auto& [id, notes] : done.contacts) {
      if (!contacts.emplace(id, notes).second) {
        tally.Violation("acknowledgements",
                        "contact " + std::to_string(id) + " acknowledged twice");
      }
    }
  }

  for (int host = 0; host < hosts(); ++host) {
    const std::string where = "read on host " + std::to_string(host);
    v1::ListPlanVersionsRequest list;
    list.set_case_id(case_id);
    v1::ListPlanVersionsResponse stored;
    ASSERT_TRUE(IsOk(client(host).Call(staff_.worker, &Cases::ListPlanVersions, list, &stored)));
    std::set<int> versions;
    for (int i = 0; i < stored.versions_size(); ++i) {
      const v1::PlanVersion& version = stored.versions(i);
      versions.insert(version.version());
      if (version.version() != i + 1) {
        tally.Violation(where, "stored plan version #" + std::to_string(i + 1) + " is version " +
                                   std::to_string(version.version()));
      }
      const auto acknowledged = plans.find(version.version());
      if (acknowledged == plans.end()) {
        tally.Violation(where, "plan version " + std::to_string(version.version()) +
                                   " is stored but no caller was told so");
      } else if (version.plan().json().find(acknowledged->second) == std::string::npos) {
        tally.Violation(where, "plan version " + std::to_string(version.version()) +
                                   " does not hold \"" + acknowledged->second + "\"");
      }
    }
    for (const auto& [version, goal] : plans) {
      if (!versions.contains(version)) {
        tally.Violation(where, "acknowledged plan version " + std::to_string(version) + " (" +
                                   goal + ") is missing");
      }
    }

    std::map<std::int64_t, std::string> listed;
    v1::ListContactsRequest request;
    request.set_case_id(case_id);
    request.set_page_size(500);
    for (;;) {
      v1::ListContactsResponse page;
      ASSERT_TRUE(IsOk(client(host).Call(staff_.worker, &Cases::ListContacts, request, &page)));
      for (const v1::Contact& contact : page.contacts()) listed[contact.id()] = contact.notes();
      if (page.next_page_token().empty()) break;
      request.set_page_token(page.next_page_token());
    }
    if (listed != contacts) {
      int missing = 0;
      for (const auto& [id, notes] : contacts) missing += listed.contains(id) ? 0 : 1;
      tally.Violation(where, std::to_string(listed.size()) + " contacts listed, " +
                                 std::to_string(contacts.size()) + " acknowledged, " +
                                 std::to_string(missing) + " acknowledged ones missing");
    }

    v1::CaseDetail detail;
    ASSERT_NO_FATAL_FAILURE(GetCase(client(host), staff_.worker, case_id, &detail));
    if (detail.case_().plan_version() != static_cast<int>(plans.size())) {
      tally.Violation(where, "the case says plan version " +
                                 std::to_string(detail.case_().plan_version()) + ", " +
                                 std::to_string(plans.size()) + " plans acknowledged");
    }
  }
  std::cout << "[ races    ] " << plans.size() << " plans and " << contacts.size()
            << " contacts acknowledged in " << kDuration.count() << " s\n";
  EXPECT_GT(plans.size(), 0u);
  EXPECT_GT(contacts.size(), 0u);
  ExpectCleanRaces("SubmitPlan and RecordContact on one case from two hosts", tally);
}

INSTANTIATE_POSTGRESQL_ONLY(TwoHostsRaceTest);

// ---- hosts starting together ----------------------------------------------------------------

class HostsStartRaceTest : public HostGroupTest {};

// Replicas of a deployment start at the same moment on a database none of them has migrated yet
// (core and plugin migrations, bootstrap centres): every one must come up and serve.
TEST_P(HostsStartRaceTest, ThreeHostsOnAFreshDatabase) {
  constexpr int kAttempts = 5;
  std::vector<std::string> problems;
  for (int attempt = 1; attempt <= kAttempts; ++attempt) {
    ASSERT_NO_FATAL_FAILURE(PrepareDatabase());
    if (IsSkipped()) return;
    const std::vector<std::string> errors = StartHostsTogether(3);
    for (std::size_t i = 0; i < errors.size(); ++i) {
      if (!errors[i].empty()) {
        constexpr std::size_t kTail = 700;  // the host's last words: why it stopped
        const std::string& error = errors[i];
        problems.push_back("attempt " + std::to_string(attempt) + ", host " + std::to_string(i) +
                           ": ..." + error.substr(error.size() > kTail ? error.size() - kTail : 0));
      }
    }
    for (int host = 0; host < hosts(); ++host) {
      v1::ListCentresResponse centres;
      const grpc::Status listed =
          client(host).Call(Operator(), &Platform::ListCentres, v1::ListCentresRequest(), &centres);
      v1::ListAssistanceTypesResponse types;
      const grpc::Status typed = client(host).Call(Operator(), &Platform::ListAssistanceTypes,
                                                   v1::ListAssistanceTypesRequest(), &types);
      if (!listed.ok() || centres.centres_size() != 2 || !typed.ok() || types.types_size() != 4) {
        problems.push_back(
            "attempt " + std::to_string(attempt) + ", a host that came up: " +
            (listed.ok() ? std::to_string(centres.centres_size()) + " centres" : Describe(listed)) +
            ", " + (typed.ok() ? std::to_string(types.types_size()) + " types" : Describe(typed)));
      }
    }
    StopHosts();
  }
  std::string all;
  for (const std::string& problem : problems) all += problem + "\n";
  EXPECT_TRUE(problems.empty()) << problems.size() << " problems:\n" << all;
}

INSTANTIATE_POSTGRESQL_ONLY(HostsStartRaceTest);

}  // namespace
}  // namespace assist::it
