#pragma once
// What counts as leaving homelessness, and the codes the plugin's tables store.
#include <assist/homelessness/v1/homelessness.pb.h>

#include <string>

namespace assist::homelessness {

// A home of one's own or a housing programme's flat: own or rented, social, supported housing.
bool IsHoused(v1::HousingStatus status);

// Still, or again, in a homelessness crisis: a shelter or a place not meant for living.
bool IsHomeless(v1::HousingStatus status);

// "social_housing" for HOUSING_STATUS_SOCIAL_HOUSING: the stored, readable code.
std::string HousingCode(v1::HousingStatus status);

}  // namespace assist::homelessness
