#pragma once
// The disability certificate (orzeczenie): its own rules, whether it makes the person eligible on
// a given day, and when it expires. The service is only for people with a current certificate.
#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <optional>

namespace assist::disability {

// The last day the certificate is valid; nullopt when it is indefinite or the date is unreadable.
std::optional<sdk::Date> CertificateExpiry(const v1::Certificate& certificate);

// The expiry of the certificate in the case's current intake (context.intake), if any.
std::optional<sdk::Date> CurrentCertificateExpiry(const sdk::CaseContext& context);

// The certificate of `intake`: its fields, its fit with the age group, and that it is valid on
// the day eligibility is checked (the start of work for the case's first intake).
void CheckCertificate(const v1::Intake& intake, const sdk::CaseContext& context,
                      sdk::Violations& v);

}  // namespace assist::disability
