#pragma once
// The family assistant's opinion about the family and its members, written on a court's request
// (art. 15(1) of the Act of 9 June 2011: "sporządzanie, na wniosek sądu, opinii o rodzinie i jej
// członkach"), as plain Polish text from the case record.
#include <assist/plugin/plugin.hpp>
#include <string>

namespace assist::family {

inline constexpr const char* kCourtOpinion = "court_opinion";

// FailedPrecondition when there is no intake yet: an opinion needs at least the diagnosis.
sdk::Status RenderCourtOpinion(const sdk::CaseRecord& record, std::string& text);

}  // namespace assist::family
