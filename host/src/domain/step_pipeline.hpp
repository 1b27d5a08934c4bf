#pragma once
// How every case step runs, in one order for all of them (docs/writing-a-plugin.md "What the host
// guarantees"): the plugin validates the step's payload, the host stores the step's rows, the
// plugin's OnAccepted hook runs, an intake or plan becomes the current one, the context re-reads
// the case, and the plugin computes the next review date. Then one tail writes the case, audits
// the step with what changed, and reads the case back.
#include <google/protobuf/message.h>
#include <google/protobuf/repeated_ptr_field.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/plugin_bridge.hpp"

namespace assist::host {

// What a step hands the plugin: nothing (AssignAssistant, RecordConsent), or a decoded payload.
struct StepPayload {
  sdk::Step step{};
  std::unique_ptr<google::protobuf::Message> message;  // nullptr: the step carries none
  std::string field;                                   // the request's field, for violations
};

// Writes the step's own rows; gets the payload (nullptr when the step carries none).
using StoreStep = std::function<void(const google::protobuf::Message* payload)>;

struct StepResult {
  std::vector<assist::v1::Warning> warnings;  // Validate's, then OnAccepted's
  std::string next_review_due;                // "" when none is due; also set on the case
};

// Validate -> store -> OnAccepted -> adopt -> refresh -> next review date. `c` is the case as the
// step leaves it (the store may change it further); its next_review_due is set. A payload the
// plugin refuses throws RpcError before anything is stored.
StepResult RunStep(PluginCall& call, assist::v1::Case& c, StepPayload payload,
                   const StoreStep& store = {});

// The tail: writes `c`, audits `rpc` with `detail` and the fields that changed.
void SaveStep(Transaction& tx, const Identity& who, const assist::v1::Case& c,
              const std::string& rpc, const std::string& detail);
// SaveStep, then the case as stored, carrying `warnings`.
assist::v1::Case SaveStepAndReload(Transaction& tx, const Identity& who, const assist::v1::Case& c,
                                   const std::string& rpc, const std::string& detail,
                                   std::vector<assist::v1::Warning> warnings = {});

// Moves `warnings` into a step's answer.
void AddWarnings(std::vector<assist::v1::Warning> warnings,
                 google::protobuf::RepeatedPtrField<assist::v1::Warning>& to);

}  // namespace assist::host
