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

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldViolation>& violations() const { return violations_; }
  const std::vector<Warning>& warnings() const { return warnings_; }
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
