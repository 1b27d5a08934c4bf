#pragma once
// The monthly service record (karta realizacji usług asystencji osobistej) of the programme
// "Asystencja osobista osoby z niepełnosprawnością": per participant and month, the contacts with
// support hours (date, hours, kinds of support), the month's total, the year's hours against the
// participant's limit, and places for the signatures of the participant and the assistant.
#include <assist/plugin/plugin.hpp>
#include <string>

namespace assist::disability {

inline constexpr const char* kServiceRecord = "service_record";

// FAILED_PRECONDITION when the record names no month (RenderDocumentRequest.month).
sdk::Status RenderServiceRecord(const sdk::CaseRecord& record, std::string& text);

}  // namespace assist::disability
