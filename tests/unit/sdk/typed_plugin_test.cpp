// TypedPlugin (SDK 1.2): the type names it reports, the typed hooks it calls for each step, and the
// answers it gives for what a plugin has no hook for, the same as the hand-written dispatch gave.
#include <assist/v1/cases.pb.h>
#include <assist/v1/common.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

#include <assist/plugin/sdk.hpp>
#include <assist/plugin/testing/sqlite_session.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace assist::sdk {
namespace {

// Platform messages standing in for a plugin's own: any distinct generated types will do.
using In = v1::Person;
using Pl = v1::Family;
using Co = v1::Contact;
using Re = v1::Review;
using Ou = v1::BeforeAfter;

// Records which hook ran with what; rejects an intake without a given name; throws for a plan
// named "throw".
class Recorder final : public TypedPlugin<Recorder, In, Pl, Re, Ou, Co> {
 public:
  Recorder() : TypedPlugin({.id = "recorder", .version = "1.2.3", .review_cadence = "never"}) {}

  Status ValidateIntake(const In& intake, const CaseContext& context) const {
    calls.push_back("intake " + intake.given_name() + " " + std::to_string(context.case_id));
    Violations v;
    v.RequireText(intake.given_name(), "given_name");
    return v.ToStatus();
  }
  Status ValidatePlan(const Pl& plan, const CaseContext&) const {
    if (plan.name() == "throw") throw std::runtime_error("boom");
    calls.push_back("plan " + plan.name());
    return Status::Ok();
  }
  Status ValidateContact(const Co& contact, const CaseContext&) const {
    calls.push_back("contact " + contact.place());
    return Status::Ok();
  }
  Status ValidateReview(const Re& review, const CaseContext&) const {
    calls.push_back("review " + review.reviewed_on());
    return Status::Ok();
  }
  Status ValidateOutcome(const Ou& outcome, const CaseContext&) const {
    calls.push_back("outcome " + std::to_string(outcome.before()));
    return Status::Ok();
  }
  std::optional<Date> NextReviewDue(const CaseContext&) const override { return std::nullopt; }

  // Only outcomes are stored; a negative "after" throws.
  Status AcceptOutcome(const Ou& outcome, const CaseContext&, DataSession&) const {
    if (outcome.after() < 0) throw std::runtime_error("negative");
    calls.push_back("accept outcome " + std::to_string(outcome.after()));
    return Status::Ok().AddWarning({"STORED", "stored", "zapisano"});
  }

  static std::vector<IndicatorSummary> Summarize(const std::vector<const Ou*>& outcomes) {
    IndicatorSummary summary;
    summary.code = "count";
    summary.cases = static_cast<int>(outcomes.size());
    for (const Ou* outcome : outcomes) summary.mean_before += outcome->before();
    return {summary};
  }

  mutable std::vector<std::string> calls;
};

// The least a TypedPlugin needs: validators only, no contact details, static hooks.
class Minimal final : public TypedPlugin<Minimal, In, Pl, Re, Ou> {
 public:
  Minimal() : TypedPlugin({.id = "minimal", .version = "1.0.0"}) {}
  static Status ValidateIntake(const In&, const CaseContext&) { return Status::Ok(); }
  static Status ValidatePlan(const Pl&, const CaseContext&) { return Status::Ok(); }
  static Status ValidateReview(const Re&, const CaseContext&) { return Status::Ok(); }
  static Status ValidateOutcome(const Ou&, const CaseContext&) { return Status::Ok(); }
  std::optional<Date> NextReviewDue(const CaseContext&) const override { return std::nullopt; }
};

// A hand-written validator with the signature ValidateAs takes, for comparing the answers.
Status AcceptAnyPerson(const In&, const CaseContext&) { return Status::Ok(); }

TEST(TypedPluginTest, InfoKeepsWhatThePluginGaveAndNamesItsTypes) {
  const Recorder recorder;
  const PluginInfo& info = recorder.Info();
  EXPECT_EQ(info.id, "recorder");
  EXPECT_EQ(info.version, "1.2.3");
  EXPECT_EQ(info.review_cadence, "never");
  EXPECT_EQ(info.intake_type, "assist.v1.Person");
  EXPECT_EQ(info.plan_type, "assist.v1.Family");
  EXPECT_EQ(info.contact_type, "assist.v1.Contact");
  EXPECT_EQ(info.review_type, "assist.v1.Review");
  EXPECT_EQ(info.outcome_type, "assist.v1.BeforeAfter");
  EXPECT_EQ(info.settings_type, "");

  const Minimal minimal;
  EXPECT_EQ(minimal.Info().contact_type, "");
  EXPECT_EQ(minimal.Info().settings_type, "");
  EXPECT_EQ(MessageTypeName<None>(), "");
}

TEST(TypedPluginTest, ValidateCallsTheHookOfTheStepWithTheTypedPayload) {
  const Recorder recorder;
  const Plugin& plugin = recorder;  // the host sees only the Plugin interface
  CaseContext context;
  context.case_id = 42;

  In intake;
  intake.set_given_name("Anna");
  Pl plan;
  plan.set_name("Nowak");
  Co contact;
  contact.set_place("home");
  Re review;
  review.set_reviewed_on("2026-01-02");
  Ou outcome;
  outcome.set_before(2);
  EXPECT_TRUE(plugin.Validate(Step::kIntake, intake, context).ok());
  EXPECT_TRUE(plugin.Validate(Step::kPlan, plan, context).ok());
  EXPECT_TRUE(plugin.Validate(Step::kContact, contact, context).ok());
  EXPECT_TRUE(plugin.Validate(Step::kReview, review, context).ok());
  EXPECT_TRUE(plugin.Validate(Step::kOutcome, outcome, context).ok());
  EXPECT_EQ(recorder.calls,
            (std::vector<std::string>{"intake Anna 42", "plan Nowak", "contact home",
                                      "review 2026-01-02", "outcome 2"}));

  // The hook's own answer comes back as it is.
  const Status invalid = plugin.Validate(Step::kIntake, In(), context);
  EXPECT_EQ(invalid.code(), Code::kInvalidArgument);
  ASSERT_EQ(invalid.violations().size(), 1u);
  EXPECT_EQ(invalid.violations()[0].field, "given_name");
}

TEST(TypedPluginTest, APayloadOfTheRightTypeBuiltByOtherCodeIsParsed) {
  const Recorder recorder;
  google::protobuf::DynamicMessageFactory factory;
  std::unique_ptr<google::protobuf::Message> dynamic(factory.GetPrototype(In::descriptor())->New());
  In intake;
  intake.set_given_name("Jan");
  ASSERT_TRUE(dynamic->ParseFromString(intake.SerializeAsString()));
  EXPECT_TRUE(recorder.Validate(Step::kIntake, *dynamic, CaseContext{}).ok());
  EXPECT_EQ(recorder.calls, std::vector<std::string>{"intake Jan 0"});
}

TEST(TypedPluginTest, AWrongPayloadTypeGivesTheViolationValidateAsGives) {
  const Recorder recorder;
  Pl plan;
  const Status typed = recorder.Validate(Step::kIntake, plan, CaseContext{});
  const Status by_hand = ValidateAs<In>(plan, CaseContext{}, &AcceptAnyPerson);
  EXPECT_EQ(typed.code(), Code::kInvalidArgument);
  EXPECT_EQ(typed.code(), by_hand.code());
  EXPECT_EQ(typed.message(), by_hand.message());
  ASSERT_EQ(typed.violations().size(), 1u);
  ASSERT_EQ(by_hand.violations().size(), 1u);
  EXPECT_EQ(typed.violations()[0].field, "");
  EXPECT_EQ(typed.violations()[0].description_en,
            "expected a assist.v1.Person payload, got assist.v1.Family");
  EXPECT_EQ(typed.violations()[0].description_en, by_hand.violations()[0].description_en);
  EXPECT_EQ(typed.violations()[0].description_pl, by_hand.violations()[0].description_pl);
  EXPECT_TRUE(recorder.calls.empty());
}

TEST(TypedPluginTest, AStepWithoutAPayloadTypeIsAFailedPrecondition) {
  const Minimal minimal;
  const Status settings = minimal.Validate(Step::kSettings, In(), CaseContext{});
  EXPECT_EQ(settings.code(), Code::kFailedPrecondition);
  EXPECT_EQ(settings.message(), "minimal assistance takes no settings");
  const Status contact = minimal.Validate(Step::kContact, Co(), CaseContext{});
  EXPECT_EQ(contact.code(), Code::kFailedPrecondition);
  EXPECT_EQ(contact.message(), "minimal assistance takes no contact details");
}

TEST(TypedPluginTest, AnExceptionInAHookBecomesInternal) {
  const Recorder recorder;
  Pl plan;
  plan.set_name("throw");
  const Status status = recorder.Validate(Step::kPlan, plan, CaseContext{});
  EXPECT_EQ(status.code(), Code::kInternal);
  EXPECT_EQ(status.message(), "recorder: validation failed: boom");
}

TEST(TypedPluginTest, OnAcceptedCallsTheStepsAcceptHookOnly) {
  const Recorder recorder;
  testing::SqliteSession data;
  Ou outcome;
  outcome.set_after(4);
  const Status stored = recorder.OnAccepted(Step::kOutcome, outcome, CaseContext{}, data);
  EXPECT_TRUE(stored.ok());
  ASSERT_EQ(stored.warnings().size(), 1u);
  EXPECT_EQ(stored.warnings()[0].code, "STORED");
  // No AcceptIntake: OK without a call, whatever the payload.
  EXPECT_TRUE(recorder.OnAccepted(Step::kIntake, Pl(), CaseContext{}, data).ok());
  EXPECT_EQ(recorder.calls, std::vector<std::string>{"accept outcome 4"});

  // An accepted payload of another type is the host's error, not a violation.
  const Status wrong = recorder.OnAccepted(Step::kOutcome, In(), CaseContext{}, data);
  EXPECT_EQ(wrong.code(), Code::kInternal);
  EXPECT_EQ(wrong.message(),
            "recorder: accepted payload is a assist.v1.Person, expected assist.v1.BeforeAfter");

  outcome.set_after(-1);
  const Status thrown = recorder.OnAccepted(Step::kOutcome, outcome, CaseContext{}, data);
  EXPECT_EQ(thrown.code(), Code::kInternal);
  EXPECT_EQ(thrown.message(), "recorder: storing the outcome failed: negative");

  const Minimal minimal;
  EXPECT_TRUE(minimal.OnAccepted(Step::kOutcome, outcome, CaseContext{}, data).ok());
}

TEST(TypedPluginTest, SummarizeOutcomesHandsOverTheOutcomesOfTheType) {
  const Recorder recorder;
  Ou first;
  first.set_before(1);
  Ou second;
  second.set_before(3);
  In other;
  const std::vector<const google::protobuf::Message*> outcomes{&first, nullptr, &other, &second};
  const auto summaries = recorder.SummarizeOutcomes(outcomes);
  ASSERT_EQ(summaries.size(), 1u);
  EXPECT_EQ(summaries[0].cases, 2);
  EXPECT_EQ(summaries[0].mean_before, 4);

  // Without a Summarize hook, nothing is summarised.
  EXPECT_TRUE(Minimal().SummarizeOutcomes(outcomes).empty());
}

}  // namespace
}  // namespace assist::sdk
