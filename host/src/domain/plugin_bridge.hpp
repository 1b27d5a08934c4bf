#pragma once
// Everything the host does with a plugin while a case step runs: building the CaseContext from the
// stored case, validating a payload, asking for the next review date, and the after-step hook.
// Plugin failures become gRPC statuses here; an exception thrown by a plugin is caught and
// reported as INTERNAL naming the plugin.
#include <google/protobuf/message.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"
#include "domain/centres.hpp"
#include "plugins/loaded_plugin.hpp"

namespace assist::host {

class PluginCall {
 public:
  // Loads the case's current intake, the plan in force (plan_approval.hpp) and the centre
  // settings for the plugin to see.
  PluginCall(Transaction& tx, const LoadedPlugin& plugin, const Centres& centres,
             const assist::v1::Case& c, const sdk::Date& step_date);

  const LoadedPlugin& plugin() const { return plugin_; }
  const sdk::CaseContext& context() const { return context_; }

  // Re-reads the case's dates and state after the step changed them.
  void Refresh(const assist::v1::Case& c);
  // The step's payload becomes the current intake/plan the plugin sees from now on; a plan of a
  // type whose plans need approval does not (it is not in force until approved).
  void Adopt(sdk::Step step, std::unique_ptr<google::protobuf::Message> payload);

  // Throws RpcError INVALID_ARGUMENT (fields prefixed with `field`) when the plugin rejects it,
  // FAILED_PRECONDITION when it refuses it by the case's state (with the plugin's reason code
  // when it gives one, SDK 1.4, else ASSISTANCE_TYPE_RULE); returns its warnings when accepted.
  std::vector<assist::v1::Warning> Validate(sdk::Step step,
                                            const google::protobuf::Message& payload,
                                            const std::string& field) const;
  // "" when no review is due.
  std::string NextReviewDue() const;
  // Throws RpcError when the plugin's hook fails (INTERNAL) or refuses the step with a reason code
  // (FAILED_PRECONDITION, SDK 1.4), so the step's transaction rolls back; returns
  // the hook's warnings (e.g. what the plugin's own tables show about the case) when it succeeds.
  std::vector<assist::v1::Warning> Accepted(sdk::Step step,
                                            const google::protobuf::Message& payload);
  // The document's text; FAILED_PRECONDITION when the plugin says the case is not ready for it.
  std::string RenderDocument(const std::string& kind, sdk::CaseRecord& record) const;

 private:
  Transaction& tx_;
  const LoadedPlugin& plugin_;
  std::unique_ptr<google::protobuf::Message> intake_, plan_, settings_;
  int plan_in_force_ = 0;  // the version `plan_` holds
  sdk::CaseContext context_;
};

// The plugin's yearly outcome indicators over `outcomes` (a throwing plugin becomes INTERNAL).
std::vector<sdk::IndicatorSummary> SummarizeOutcomes(
    const LoadedPlugin& plugin, const std::vector<const google::protobuf::Message*>& outcomes);

// The months of monitoring the case's stored outcome recommends (SDK 1.5; nothing from older
// plugins, without an outcome or when the plugin recommends none).
std::optional<int> RecommendedMonitoringMonths(Transaction& tx, const LoadedPlugin& plugin,
                                               long long case_id);

// Counts a payload the plugin of `type_id` refused at `step` (metric
// assist_plugin_validation_refusals_total).
void CountRefusal(const std::string& type_id, sdk::Step step);

}  // namespace assist::host
