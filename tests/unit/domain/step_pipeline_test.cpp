// The one order every case step runs in (validate, store, OnAccepted, adopt, refresh, next review
// date) and the tail that writes, audits and reloads the case, with a plugin that records what it
// is called with, on a real database.
#include "domain/step_pipeline.hpp"

#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <assist/plugin/version.hpp>
#include <string>
#include <utility>
#include <vector>

#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/people.hpp"
#include "workflow_fixture.hpp"

namespace assist::host {
namespace {

using assist::v1::Case;
using google::protobuf::Struct;

std::string StepName(sdk::Step step) { return step == sdk::Step::kIntake ? "intake" : "plan"; }

// Logs every call. Validate refuses a payload with "refuse" (a violation) or "by_state"
// (Status::Refused TEST_RULE) and warns VALIDATED; OnAccepted refuses one with "over"
// (Status::Refused OVER_LIMIT) and warns ACCEPTED; the next review is due plan_version months
// after the step, while the case is open.
class RecordingPlugin final : public sdk::Plugin {
 public:
  explicit RecordingPlugin(std::vector<std::string>& log) : log_(log) {
    info_.id = "recorder";
    info_.intake_type = info_.plan_type = info_.review_type = info_.outcome_type =
        "google.protobuf.Struct";
  }
  const sdk::PluginInfo& Info() const override { return info_; }

  sdk::Status Validate(sdk::Step step, const google::protobuf::Message& payload,
                       const sdk::CaseContext& c) const override {
    log_.push_back("Validate " + StepName(step) + Seen(c));
    if (static_cast<const Struct&>(payload).fields().count("refuse")) {
      return sdk::Status::Invalid({{"refuse", "is refused", "jest odrzucone"}});
    }
    if (static_cast<const Struct&>(payload).fields().count("by_state")) {
      return sdk::Status::Refused("TEST_RULE", "refused by state", "odmowa", {{"left", "3"}});
    }
    return sdk::Status::Ok().AddWarning({"VALIDATED", "validated", "sprawdzone"});
  }

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& c) const override {
    log_.push_back("NextReviewDue" + Seen(c));
    if (c.state != sdk::CaseState::kOpen) return std::nullopt;
    return sdk::AddMonths(c.step_date, c.plan_version);
  }

  sdk::Status OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                         const sdk::CaseContext& c, sdk::DataSession&) const override {
    log_.push_back("OnAccepted " + StepName(step) + Seen(c));
    if (static_cast<const Struct&>(payload).fields().count("over")) {
      return sdk::Status::Refused("OVER_LIMIT", "over the limit", "ponad limit", {{"left", "0"}});
    }
    return sdk::Status::Ok().AddWarning({"ACCEPTED", "accepted", "przyjęte"});
  }

 private:
  // What the context shows: the current intake's "n" and the plan version.
  static std::string Seen(const sdk::CaseContext& c) {
    std::string intake = "-";
    if (c.intake != nullptr) {
      const auto& fields = static_cast<const Struct*>(c.intake)->fields();
      if (fields.count("n")) intake = fields.at("n").string_value();
    }
    return " (intake " + intake + ", plan " + std::to_string(c.plan_version) + ")";
  }

  std::vector<std::string>& log_;
  sdk::PluginInfo info_;
};

std::unique_ptr<google::protobuf::Message> Payload(const std::string& json) {
  auto s = std::make_unique<Struct>();
  EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(json, s.get()).ok());
  return s;
}

class StepPipelineTest : public testing::WorkflowFixture {
 protected:
  void SetUp() override {
    SetUpWorkflow();
    if (IsSkipped() || HasFatalFailure()) return;
    recorder_.plugin = std::make_unique<RecordingPlugin>(log_);
    recorder_.info = recorder_.plugin->Info();
    recorder_.intake = recorder_.plan = recorder_.review = recorder_.outcome = Struct::descriptor();
    recorder_.sdk_minor = sdk::kSdkVersionMinor;
    assist::v1::CreatePersonRequest p;
    p.set_given_name("Jan");
    p.set_family_name("Nowak");
    p.set_birth_date("1980-05-01");
    auto person = Do([&](Transaction& tx) { return CreatePerson(tx, worker_, p); });
    assist::v1::OpenCaseRequest r;
    r.set_type_id("testplug");
    r.set_person_id(person.id());
    r.set_referral_reason("debt");
    r.set_referred_on("2025-01-10");
    case_ = Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, r); });
  }

  std::vector<std::string> log_;
  LoadedPlugin recorder_;
  Case case_;
  const sdk::Date step_date_ = *sdk::ParseDate("2025-03-01");
};

TEST_P(StepPipelineTest, RunsValidateStoreAcceptedAdoptRefreshThenTheReviewDate) {
  Transaction tx(*db_);
  Case c = case_;
  PluginCall call(tx, recorder_, *centres_, c, step_date_);
  log_.emplace_back("-- step");
  StepResult result = RunStep(call, c, {sdk::Step::kPlan, Payload(R"({"n": "new"})"), "plan"},
                              [&](const google::protobuf::Message* payload) {
                                ASSERT_NE(payload, nullptr);
                                log_.emplace_back("store");
                                c.set_plan_version(c.plan_version() + 1);
                              });
  // OnAccepted still sees the case as it was (the refresh comes after it); NextReviewDue sees
  // the stored step's plan version.
  EXPECT_EQ(log_, (std::vector<std::string>{"-- step", "Validate plan (intake -, plan 0)", "store",
                                            "OnAccepted plan (intake -, plan 0)",
                                            "NextReviewDue (intake -, plan 1)"}));
  EXPECT_EQ(result.next_review_due, "2025-04-01");
  EXPECT_EQ(c.next_review_due(), "2025-04-01");
  ASSERT_EQ(result.warnings.size(), 2u);
  EXPECT_EQ(result.warnings[0].code(), "VALIDATED");
  EXPECT_EQ(result.warnings[1].code(), "ACCEPTED");
}

TEST_P(StepPipelineTest, AnAcceptedIntakeIsTheOneTheReviewDateAndLaterCallsSee) {
  Transaction tx(*db_);
  Case c = case_;
  PluginCall call(tx, recorder_, *centres_, c, step_date_);
  RunStep(call, c, {sdk::Step::kIntake, Payload(R"({"n": "first"})"), "intake"});
  EXPECT_EQ(log_.back(), "NextReviewDue (intake first, plan 0)");
  RunStep(call, c, {sdk::Step::kIntake, Payload(R"({"n": "second"})"), "intake"});
  EXPECT_EQ(
      log_,
      (std::vector<std::string>{
          "Validate intake (intake -, plan 0)", "OnAccepted intake (intake -, plan 0)",
          "NextReviewDue (intake first, plan 0)", "Validate intake (intake first, plan 0)",
          "OnAccepted intake (intake first, plan 0)", "NextReviewDue (intake second, plan 0)"}));
}

TEST_P(StepPipelineTest, ARefusedPayloadStopsBeforeTheStoreNamingTheRequestField) {
  Transaction tx(*db_);
  Case c = case_;
  c.set_next_review_due("2030-01-01");
  PluginCall call(tx, recorder_, *centres_, c, step_date_);
  bool stored = false;
  try {
    RunStep(call, c, {sdk::Step::kIntake, Payload(R"({"refuse": true})"), "intake"},
            [&](const google::protobuf::Message*) { stored = true; });
    FAIL() << "the refused payload was accepted";
  } catch (const RpcError& e) {
    EXPECT_EQ(e.status().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(e.status().error_details().find("intake.refuse"), std::string::npos);
  }
  EXPECT_FALSE(stored);
  EXPECT_EQ(log_, std::vector<std::string>{"Validate intake (intake -, plan 0)"});
  EXPECT_EQ(c.next_review_due(), "2030-01-01");
}

// The status a step ends with, and its serialised details (ErrorInfo, PreconditionFailure).
std::pair<grpc::StatusCode, std::string> Refusal(PluginCall& call, Case& c, const char* json) {
  try {
    RunStep(call, c, {sdk::Step::kPlan, Payload(json), "plan"});
  } catch (const RpcError& e) {
    return {e.status().error_code(), e.status().error_details()};
  }
  return {grpc::StatusCode::OK, ""};
}

TEST_P(StepPipelineTest, ARefusalWithAReasonIsFailedPreconditionWithThePluginsReason) {
  Transaction tx(*db_);
  Case c = case_;
  PluginCall call(tx, recorder_, *centres_, c, step_date_);
  for (const auto& [json, reason] : {std::pair{R"({"by_state": true})", "TEST_RULE"},
                                     std::pair{R"({"over": true})", "OVER_LIMIT"}}) {
    const auto [code, details] = Refusal(call, c, json);
    EXPECT_EQ(code, grpc::StatusCode::FAILED_PRECONDITION) << json;
    EXPECT_NE(details.find(reason), std::string::npos) << json;
    EXPECT_NE(details.find("left"), std::string::npos) << json;
    EXPECT_NE(details.find("message_pl"), std::string::npos) << json;
  }
}

TEST_P(StepPipelineTest, APluginOlderThanSdk14IsNeverReadAsRefusingWithAReason) {
  recorder_.sdk_minor = 3;
  Transaction tx(*db_);
  Case c = case_;
  PluginCall call(tx, recorder_, *centres_, c, step_date_);
  const auto [validated, validate_details] = Refusal(call, c, R"({"by_state": true})");
  EXPECT_EQ(validated, grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_NE(validate_details.find("ASSISTANCE_TYPE_RULE"), std::string::npos);
  EXPECT_EQ(validate_details.find("TEST_RULE"), std::string::npos);
  EXPECT_EQ(Refusal(call, c, R"({"over": true})").first, grpc::StatusCode::INTERNAL);
}

TEST_P(StepPipelineTest, AStepWithoutPayloadStoresAndAsksOnlyForTheReviewDate) {
  Transaction tx(*db_);
  Case c = case_;
  c.set_plan_version(2);
  PluginCall call(tx, recorder_, *centres_, c, step_date_);
  Struct unset;
  const google::protobuf::Message* seen = &unset;
  StepResult result =
      RunStep(call, c, {}, [&](const google::protobuf::Message* payload) { seen = payload; });
  EXPECT_EQ(seen, nullptr);
  EXPECT_EQ(log_, std::vector<std::string>{"NextReviewDue (intake -, plan 2)"});
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_EQ(result.next_review_due, "2025-05-01");

  // A closed case: the refreshed context says so, and no review is due.
  c.set_status(assist::v1::CASE_STATUS_CLOSED);
  EXPECT_EQ(RunStep(call, c, {}).next_review_due, "");
  EXPECT_EQ(c.next_review_due(), "");
}

TEST_P(StepPipelineTest, TheTailWritesAuditsWhatChangedAndReturnsTheStoredCase) {
  Case c = case_;
  c.set_assistant_id("asia");
  c.set_assigned_on("2025-01-15");
  assist::v1::Warning warning;
  warning.set_code("W");
  Case stored = Do([&](Transaction& tx) {
    return SaveStepAndReload(tx, worker_, c, "AssignAssistant", "assistant asia", {warning});
  });
  EXPECT_EQ(stored.assistant_id(), "asia");
  EXPECT_NE(stored.updated_at(), "");
  ASSERT_EQ(stored.warnings_size(), 1);
  EXPECT_EQ(stored.warnings(0).code(), "W");
  EXPECT_EQ(Text("SELECT detail FROM audit_events WHERE rpc = 'AssignAssistant'"),
            "assistant asia; changed: assistant_id, assigned_on");

  // Nothing changed: the detail alone.
  Do([&](Transaction& tx) {
    SaveStep(tx, worker_, stored, "RecordContact", "contact 1");
    return 0;
  });
  EXPECT_EQ(Text("SELECT detail FROM audit_events WHERE rpc = 'RecordContact'"), "contact 1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases WHERE assistant_id = 'asia'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StepPipelineTest, ::testing::ValuesIn(testing::TestBackends()),
                         testing::BackendTestName);

}  // namespace
}  // namespace assist::host
