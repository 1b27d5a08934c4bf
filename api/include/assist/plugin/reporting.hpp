#pragma once
// What a plugin declares for the platform's reports (since SDK 1.3): how each of its own closure
// reasons maps to the platform's (assist.v1.ClosureReason), and the facts of its intake the
// statistics count cases by (e.g. a family working with the assistant on a court's order).
//
// Declared, not computed: the host checks the declaration against the plugin's message types when
// it loads the plugin (a plugin stamped 1.3 or later with a declaration that does not fit its
// types is refused), then applies it itself. A plugin built against SDK 1.0-1.2 has no such
// declaration; the host never asks it, and CloseCase checks nothing for its type.
#include <string>
#include <vector>

namespace assist::sdk {

// The platform's closure reasons, by the numbers of assist.v1.ClosureReason.
enum class PlatformClosure : int {
  kGoalsAchieved = 1,
  kConsentWithdrawn = 2,
  kMovedAway = 3,
  kCourtDecision = 4,
  kNoCooperation = 5,
  kTransferred = 6,
  kDeath = 7,
  kOther = 8,
};

// One of the plugin's own reasons and the platform reasons a case closed with it may carry.
struct ClosureReasonMapping {
  std::string
      own{};  // the name of a value of the outcome's reason enum, e.g. "CLOSURE_REASON_MOVED"
  std::vector<PlatformClosure> platform{};  // at least one
};

// A yes/no fact of the intake, counted per period in the statistics. `intake_field` names a
// top-level field of the intake message: a bool (counted when true; `value` empty) or an enum
// (counted when it holds the value named `value`).
struct ReportFlag {
  std::string code{};  // [a-z][a-z0-9_]*, e.g. "court_ordered"
  std::string label_pl{};
  std::string label_en{};
  std::string intake_field{};
  std::string value{};
};

struct Reporting {
  // The outcome's enum field holding the type's own closure reason, e.g. "closure_reason"; empty
  // when the outcome has none. Every non-zero value of its enum must be mapped exactly once.
  std::string closure_reason_field{};
  std::vector<ClosureReasonMapping> closure_reasons{};
  std::vector<ReportFlag> flags{};
};

}  // namespace assist::sdk
