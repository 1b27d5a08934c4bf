#pragma once
// Steps many tests share, each checked with gtest assertions: call them under
// ASSERT_NO_FATAL_FAILURE so a test stops at the first step that fails.
#include <cstdint>
#include <string>
#include <string_view>

#include "assist/v1/cases.pb.h"
#include "client.hpp"
#include "dynamic_payload.hpp"
#include "identities.hpp"

namespace assist::it {

// A payload sent as JSON; with an empty type the host uses the step's declared type.
assist::v1::Payload JsonPayload(std::string json, std::string_view type = "");

// Loads a plugin's descriptors from DescribeAssistanceType into `types`.
void DescribeType(Client& client, const Identity& who, std::string_view type_id,
                  DynamicPayloads* types, assist::v1::AssistanceType* described = nullptr);

// `payload`, as a response carries it, holds `json` parsed as `type`: in its Any, in its JSON text
// and in its type name.
void ExpectPayload(const DynamicPayloads& types, const assist::v1::Payload& payload,
                   std::string_view type, const std::string& json);

// DescribeType for the family plugin, checked against its intake in family_payloads.hpp.
void DescribeFamily(Client& client, const Identity& who, DynamicPayloads* types);

// Anna and Jan Nowak and their family, created by the centre's social worker; `anna_id`, if
// given, receives Anna's person id.
void CreateNowakFamily(Client& client, const CentreStaff& staff, std::int64_t* family_id,
                       std::int64_t* anna_id = nullptr);

// The social worker refers the family to family assistance.
void OpenFamilyCase(Client& client, const CentreStaff& staff, std::int64_t family_id,
                    assist::v1::Case* opened);

// The head assigns staff.assistant and the social worker records the family's consent.
void StartWork(Client& client, const CentreStaff& staff, std::int64_t case_id);

// All of the above: a family case where work has started, ready for an intake.
void NewStartedFamilyCase(Client& client, const CentreStaff& staff, std::int64_t* case_id);

// A started case with an intake and a plan, closed with an outcome by the social worker.
void NewClosedFamilyCase(Client& client, const CentreStaff& staff, assist::v1::Case* closed);

// How many cases `who` sees (one page of up to 500).
void CountCases(Client& client, const Identity& who, int* count);

// "YYYY-MM-DD" of today (UTC) plus `days`.
std::string DateFromToday(int days);

void GetCase(Client& client, const Identity& who, std::int64_t case_id,
             assist::v1::CaseDetail* detail);

}  // namespace assist::it
