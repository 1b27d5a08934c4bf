#pragma once
// Payloads of the family plugin (plugins/family/proto/assist/family/v1/family.proto) in protobuf
// JSON, as a client with no generated code sends them. Dates in them lie in the past (or, for
// plan deadlines, far in the future) so they hold whatever day the tests run.
#include <string>
#include <string_view>

namespace assist::it::family {

inline constexpr std::string_view kIntakeType = "assist.family.v1.Intake";
inline constexpr std::string_view kPlanType = "assist.family.v1.Plan";
inline constexpr std::string_view kContactType = "assist.family.v1.Contact";
inline constexpr std::string_view kReviewType = "assist.family.v1.Review";
inline constexpr std::string_view kOutcomeType = "assist.family.v1.Outcome";

// A single mother ("Anna Nowak") and her son ("Jan Nowak"), poverty and parenting difficulties.
std::string IntakeJson();
// IntakeJson of a family a court obliged to work with an assistant (k.r.o. art. 109 § 2 pkt 1):
// Sąd Rejonowy w Sopocie, III Nsm 120/26 of 2026-01-20.
std::string CourtOrderedIntakeJson();

// Breaks several rules at once: only a child (no adult), an impossible birth date, no family
// form, no legal basis.
std::string InvalidIntakeJson();

// The fields InvalidIntakeJson() violates.
inline constexpr std::string_view kInvalidIntakeFields[] = {"members", "members[0].birth_date",
                                                            "family_form", "legal_basis"};

// One upbringing goal; `goal` is its description, so versions can be told apart.
std::string PlanJson(std::string_view goal);

std::string ContactJson();
std::string ReviewJson();
std::string OutcomeJson();

}  // namespace assist::it::family
