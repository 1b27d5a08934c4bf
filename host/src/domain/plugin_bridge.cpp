#include "domain/plugin_bridge.hpp"

#include <iterator>

#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plan_approval.hpp"
#include "ops/metrics.hpp"
#include "util/log.hpp"

namespace assist::host {
namespace {

std::vector<assist::v1::Warning> WarningsOf(const sdk::Status& status) {
  std::vector<assist::v1::Warning> warnings;
  for (const auto& w : status.warnings()) {
    auto& out = warnings.emplace_back();
    out.set_code(w.code);
    out.set_message_en(w.message_en);
    out.set_message_pl(w.message_pl);
  }
  return warnings;
}

std::optional<sdk::Date> OptionalDate(const std::string& text) {
  return text.empty() ? std::nullopt : sdk::ParseDate(text);
}

sdk::CaseState StateOf(assist::v1::CaseStatus status) {
  switch (status) {
    case assist::v1::CASE_STATUS_CLOSED:
      return sdk::CaseState::kClosed;
    case assist::v1::CASE_STATUS_MONITORING:
      return sdk::CaseState::kMonitoring;
    case assist::v1::CASE_STATUS_MONITORING_ENDED:
      return sdk::CaseState::kMonitoringEnded;
    default:
      return sdk::CaseState::kOpen;
  }
}

[[noreturn]] void PluginFailed(const LoadedPlugin& plugin, const std::string& what) {
  LogError("plugin " + plugin.info.id + ": " + what);
  throw RpcError(grpc::Status(grpc::StatusCode::INTERNAL,
                              "assistance type " + plugin.info.id + " failed: " + what));
}

// Runs a plugin call, turning anything it throws into INTERNAL.
template <typename F>
auto Guarded(const LoadedPlugin& plugin, const char* call, F&& f) {
  try {
    return f();
  } catch (const RpcError&) {
    throw;
  } catch (const std::exception& e) {
    PluginFailed(plugin, std::string(call) + " threw: " + e.what());
  } catch (...) {
    PluginFailed(plugin, std::string(call) + " threw");
  }
}

// `version` 0: the latest.
std::unique_ptr<google::protobuf::Message> LoadVersion(Transaction& tx, long long case_id,
                                                       DocumentKind kind, int version,
                                                       const google::protobuf::Descriptor* type) {
  if (type == nullptr) return nullptr;
  auto document = FindDocument(tx, case_id, kind, version);
  if (!document) return nullptr;
  return FromStoredJson(document->json, *type);
}

// A refusal with a reason code (Status::Refused, since SDK 1.4); nullptr for anything else. An
// older plugin's FailedPrecondition is never read as one, whatever warnings it carries.
const sdk::Warning* RefusalOf(const LoadedPlugin& plugin, const sdk::Status& status) {
  constexpr std::uint32_t kRefusalsSince = 4;
  return plugin.sdk_minor >= kRefusalsSince ? status.refusal() : nullptr;
}

// FAILED_PRECONDITION with ErrorInfo {reason, metadata: the plugin's details and the Polish
// words}; thrown inside the step's transaction, so the whole step rolls back.
[[noreturn]] void ThrowRefusal(const sdk::Warning& refusal, const sdk::Status& status,
                               long long case_id) {
  auto metadata = status.refusal_details();
  metadata.emplace_back("message_pl", refusal.message_pl);
  ThrowPreconditionInfo(refusal.code, "cases/" + std::to_string(case_id), refusal.message_en,
                        metadata);
}

}  // namespace

PluginCall::PluginCall(Transaction& tx, const LoadedPlugin& plugin, const Centres& centres,
                       const assist::v1::Case& c, const sdk::Date& step_date)
    : tx_(tx), plugin_(plugin) {
  intake_ = LoadVersion(tx, c.id(), DocumentKind::kIntake, 0, plugin.intake);
  // The plan in force: for a type whose plans need approval, the latest approved version.
  plan_in_force_ = PlanInForce(tx, &plugin, c);
  plan_ = plan_in_force_ == 0
              ? nullptr
              : LoadVersion(tx, c.id(), DocumentKind::kPlan, plan_in_force_, plugin.plan);
  settings_ = centres.Settings(tx, c.centre_id(), c.type_id());
  context_.case_id = c.id();
  context_.centre_id = c.centre_id();
  context_.subject = c.family_id() != 0 ? sdk::CaseSubject::kFamily : sdk::CaseSubject::kPerson;
  context_.step_date = step_date;
  context_.intake = intake_.get();
  context_.plan = plan_.get();
  context_.settings = settings_.get();
  Refresh(c);
}

void PluginCall::Refresh(const assist::v1::Case& c) {
  context_.state = StateOf(c.status());
  context_.referred_on = sdk::ParseDate(c.referred_on()).value_or(context_.step_date);
  context_.work_started_on = OptionalDate(c.work_started_on());
  context_.last_review_on = OptionalDate(c.last_review_on());
  context_.closed_on = OptionalDate(c.closed_on());
  // A submitted plan of a type that needs approval is not in force yet: the context keeps the
  // version it was built with.
  if (!PlanNeedsApproval(&plugin_)) plan_in_force_ = c.plan_version();
  context_.plan_version = plan_in_force_;
}

void PluginCall::Adopt(sdk::Step step, std::unique_ptr<google::protobuf::Message> payload) {
  if (step == sdk::Step::kIntake) {
    intake_ = std::move(payload);
    context_.intake = intake_.get();
  } else if (step == sdk::Step::kPlan && !PlanNeedsApproval(&plugin_)) {
    plan_ = std::move(payload);
    context_.plan = plan_.get();
  }
}

std::vector<assist::v1::Warning> PluginCall::Validate(sdk::Step step,
                                                      const google::protobuf::Message& payload,
                                                      const std::string& field) const {
  sdk::Status status = Guarded(plugin_, "Validate",
                               [&] { return plugin_.plugin->Validate(step, payload, context_); });
  if (status.code() == sdk::Code::kInvalidArgument ||
      status.code() == sdk::Code::kFailedPrecondition) {
    CountRefusal(plugin_.info.id, step);
  }
  switch (status.code()) {
    case sdk::Code::kOk:
      break;
    case sdk::Code::kInvalidArgument: {
      auto violations = status.violations();
      for (auto& v : violations) v.field = v.field.empty() ? field : field + "." + v.field;
      if (violations.empty()) violations.push_back({field, status.message(), status.message()});
      ThrowInvalid(violations);
    }
    case sdk::Code::kFailedPrecondition:
      if (const sdk::Warning* refusal = RefusalOf(plugin_, status)) {
        ThrowRefusal(*refusal, status, context_.case_id);
      }
      ThrowPrecondition("ASSISTANCE_TYPE_RULE", "cases/" + std::to_string(context_.case_id),
                        status.message());
    case sdk::Code::kInternal:
      PluginFailed(plugin_, "Validate: " + status.message());
  }
  return WarningsOf(status);
}

std::string PluginCall::NextReviewDue() const {
  auto due =
      Guarded(plugin_, "NextReviewDue", [&] { return plugin_.plugin->NextReviewDue(context_); });
  return due ? sdk::FormatDate(*due) : std::string();
}

std::vector<assist::v1::Warning> PluginCall::Accepted(sdk::Step step,
                                                      const google::protobuf::Message& payload) {
  sdk::Status status = Guarded(plugin_, "OnAccepted", [&] {
    return plugin_.plugin->OnAccepted(step, payload, context_, tx_);
  });
  if (const sdk::Warning* refusal = RefusalOf(plugin_, status)) {
    CountRefusal(plugin_.info.id, step);
    ThrowRefusal(*refusal, status, context_.case_id);
  }
  if (!status.ok()) PluginFailed(plugin_, "OnAccepted: " + status.message());
  return WarningsOf(status);
}

std::string PluginCall::RenderDocument(const std::string& kind, sdk::CaseRecord& record) const {
  record.context = &context_;
  std::string text;
  sdk::Status status = Guarded(plugin_, "RenderDocument",
                               [&] { return plugin_.plugin->RenderDocument(kind, record, text); });
  if (status.code() == sdk::Code::kInternal)
    PluginFailed(plugin_, "RenderDocument: " + status.message());
  if (!status.ok()) {
    ThrowPrecondition("DOCUMENT_NOT_READY", "cases/" + std::to_string(context_.case_id),
                      status.message());
  }
  return text;
}

std::vector<sdk::IndicatorSummary> SummarizeOutcomes(
    const LoadedPlugin& plugin, const std::vector<const google::protobuf::Message*>& outcomes) {
  return Guarded(plugin, "SummarizeOutcomes",
                 [&] { return plugin.plugin->SummarizeOutcomes(outcomes); });
}

std::optional<int> RecommendedMonitoringMonths(Transaction& tx, const LoadedPlugin& plugin,
                                               long long case_id) {
  constexpr std::uint32_t kMonitoringSince = 5;
  if (plugin.sdk_minor < kMonitoringSince) return std::nullopt;
  const auto outcome = LoadVersion(tx, case_id, DocumentKind::kOutcome, 0, plugin.outcome);
  if (outcome == nullptr) return std::nullopt;
  const std::optional<int> months = Guarded(plugin, "RecommendedMonitoringMonths", [&] {
    return plugin.plugin->RecommendedMonitoringMonths(*outcome);
  });
  if (!months || *months <= 0) return std::nullopt;
  return months;
}

void CountRefusal(const std::string& type_id, sdk::Step step) {
  static constexpr const char* kNames[] = {"intake", "plan",    "contact",
                                           "review", "outcome", "settings"};
  const auto index = static_cast<std::size_t>(step);
  HostMetrics().plugin_refusals.Inc({type_id, index < std::size(kNames) ? kNames[index] : "?"});
}

}  // namespace assist::host
