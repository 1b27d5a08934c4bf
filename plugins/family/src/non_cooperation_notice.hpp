#pragma once
// The centre's notice to the family court that a family the court obliged to work with a family
// assistant (k.r.o. art. 109 § 2 pkt 1) does not cooperate, as plain Polish text from the case
// record: the order, the contacts at which the family did not cooperate, the latest assessment.
#include <assist/plugin/plugin.hpp>
#include <string>

namespace assist::family {

inline constexpr const char* kNonCooperationNotice = "non_cooperation_notice";

// FailedPrecondition when there is no intake, when the intake's basis is not a court order (a
// family working by its own consent ends the work by withdrawing it; no court is involved), or
// when no contact records a refusal to cooperate (nothing to report).
sdk::Status RenderNonCooperationNotice(const sdk::CaseRecord& record, std::string& text);

}  // namespace assist::family
