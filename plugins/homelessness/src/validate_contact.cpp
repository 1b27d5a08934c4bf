#include "checks.hpp"
#include "homelessness_plugin.hpp"
#include "housing.hpp"

namespace assist::homelessness {
namespace {

void CheckMonitoring(const v1::Contact& contact, sdk::Violations& v) {
  if (!RequireEnum(v, contact.housing_status(), v1::HousingStatus_IsValid, "housing_status")) {
    return;
  }
  if (contact.returned_to_homelessness()) {
    v.Require(IsHomeless(contact.housing_status()), "returned_to_homelessness",
              "needs a street or shelter housing status",
              "wymaga statusu mieszkaniowego: ulica lub schronisko");
  }
}

// Before closure the person is still in the crisis: there is nothing to return to yet.
void RejectMonitoringFields(const v1::Contact& contact, sdk::Violations& v) {
  const char* en = "is recorded only while the case is monitored after closure";
  const char* pl = "wpisuje się tylko podczas monitorowania po zakończeniu asystowania";
  if (contact.housing_status() != v1::HOUSING_STATUS_UNSPECIFIED) v.Add("housing_status", en, pl);
  if (contact.returned_to_homelessness()) v.Add("returned_to_homelessness", en, pl);
}

}  // namespace

sdk::Status HomelessnessPlugin::ValidateContact(const v1::Contact& contact,
                                                const sdk::CaseContext& context) {
  sdk::Violations v;
  RequireOptionalEnum(v, contact.place_type(), v1::ContactPlace_IsValid, "place_type");
  RequireUniqueCodes(v, contact.basic_needs_provided(), v1::BasicNeed_IsValid,
                     "basic_needs_provided");
  const bool monitoring = context.state == sdk::CaseState::kMonitoring;
  if (monitoring) {
    CheckMonitoring(contact, v);
  } else {
    RejectMonitoringFields(contact, v);
  }

  sdk::Status status = v.ToStatus();
  if (status.ok() && monitoring && contact.returned_to_homelessness()) {
    status.AddWarning(
        {"RETURNED_TO_HOMELESSNESS",
         "The person has returned to homelessness after the work ended: consider a new referral "
         "to assistance and securing basic needs.",
         "Osoba powróciła do bezdomności po zakończeniu asystowania: należy rozważyć ponowne "
         "objęcie asystowaniem i zabezpieczenie potrzeb podstawowych."});
  }
  return status;
}

}  // namespace assist::homelessness
