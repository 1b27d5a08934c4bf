#pragma once
// What plugin calls return instead of throwing (osquery's Status): a code, a message, and for
// validation every field violation at once, in English and Polish.
#include <string>
#include <utility>
#include <vector>

namespace assist::sdk {

enum class Code {
  kOk,
  kInvalidArgument,     // the payload breaks a rule; see violations
  kFailedPrecondition,  // the case is not in a state where the step makes sense
  kInternal,            // the plugin failed (a bug or its database work failed)
};

struct FieldViolation {
  std::string field;  // path in the payload, e.g. "members[1].birth_date"
  std::string description_en;
  std::string description_pl;
};

// Accepted, but the centre should know (e.g. a certificate expiring while the plan runs).
// `code` is UPPER_SNAKE_CASE, e.g. "CERTIFICATE_EXPIRES_DURING_PLAN": stable and unique within the
// plugin, for programs and statistics to match on (clients show the messages, not the code).
struct Warning {
  std::string code;  // UPPER_SNAKE_CASE, e.g. "PLAN_NOT_CONSULTED"
  std::string message_en;
  std::string message_pl;
};

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status Internal(std::string message) { return {Code::kInternal, std::move(message)}; }
  static Status FailedPrecondition(std::string message) {
    return {Code::kFailedPrecondition, std::move(message)};
  }
  static Status Invalid(std::vector<FieldViolation> violations) {
    Status s(Code::kInvalidArgument, "the payload has invalid fields");
    s.violations_ = std::move(violations);
    return s;
  }
  // Since SDK 1.4: a refusal by the case's state with a stable reason code for programs
  // (UPPER_SNAKE_CASE, e.g. "HOURS_LIMIT"), the words in English and Polish, and details as name
  // and value (e.g. {"hours_left", "4"}). Returned from Validate or OnAccepted, the host answers
  // FAILED_PRECONDITION with google.rpc.ErrorInfo {reason, metadata} and rolls the step back.
  // A Status crosses the plugin boundary by value, so it keeps the members it has had since 1.0:
  // the reason and its words are held as the status's one warning, the details as violations
  // (field = name, both descriptions = value). Read them with refusal() and refusal_details().
  static Status Refused(std::string reason, std::string message_en, std::string message_pl,
                        // NOLINTNEXTLINE(performance-unnecessary-value-param): names moved out
                        std::vector<std::pair<std::string, std::string>> details = {}) {
    Status s(Code::kFailedPrecondition, message_en);
    s.warnings_.push_back({std::move(reason), std::move(message_en), std::move(message_pl)});
    for (auto& [name, value] : details) s.violations_.push_back({std::move(name), value, value});
    return s;
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldViolation>& violations() const { return violations_; }
  const std::vector<Warning>& warnings() const { return warnings_; }
  // The reason of a Refused status (code, English and Polish words); nullptr for any other.
  const Warning* refusal() const {
    return code_ == Code::kFailedPrecondition && warnings_.size() == 1 ? &warnings_.front()
                                                                       : nullptr;
  }
  std::vector<std::pair<std::string, std::string>> refusal_details() const {
    std::vector<std::pair<std::string, std::string>> details;
    if (refusal() == nullptr) return details;
    for (const auto& v : violations_) details.emplace_back(v.field, v.description_en);
    return details;
  }
  Status& AddWarning(Warning w) {
    warnings_.push_back(std::move(w));
    return *this;
  }

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::vector<FieldViolation> violations_;
  std::vector<Warning> warnings_;
};

}  // namespace assist::sdk
