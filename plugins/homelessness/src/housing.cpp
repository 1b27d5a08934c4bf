#include "housing.hpp"

#include <cctype>
#include <string_view>

namespace assist::homelessness {

bool IsHoused(v1::HousingStatus status) {
  return status == v1::HOUSING_STATUS_OWN_OR_RENTED ||
         status == v1::HOUSING_STATUS_SOCIAL_HOUSING ||
         status == v1::HOUSING_STATUS_SUPPORTED_HOUSING;
}

bool IsHomeless(v1::HousingStatus status) {
  return status == v1::HOUSING_STATUS_SHELTER || status == v1::HOUSING_STATUS_STREET;
}

std::string HousingCode(v1::HousingStatus status) {
  constexpr std::string_view kPrefix = "HOUSING_STATUS_";
  std::string name = v1::HousingStatus_Name(status);
  if (name.empty()) return std::to_string(static_cast<int>(status));
  if (std::string_view(name).starts_with(kPrefix)) name.erase(0, kPrefix.size());
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace assist::homelessness
