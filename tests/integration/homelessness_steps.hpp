#pragma once
// Steps of a homelessness case as a client takes them, for tests of the head's decisions on its
// programme (plan approval) through the API and through assistctl.
#include <cstdint>

#include "assist/v1/cases.pb.h"
#include "client.hpp"
#include "identities.hpp"

namespace assist::it {

// Mr Marek's case at `staff`'s centre, started (assistant and consent) and with his intake:
// ready for a programme.
void NewHomelessnessCase(Client& client, const CentreStaff& staff, std::int64_t* case_id);

// The assistant submits the lifecycle programme as the case's next plan version.
void SubmitProgramme(Client& client, const CentreStaff& staff, std::int64_t case_id,
                     assist::v1::PlanVersion* saved);

}  // namespace assist::it
