#include "checks.hpp"

namespace assist::family {

bool HasChildInFosterCare(const v1::Intake& intake) {
  for (const auto& member : intake.members()) {
    if (member.role() == v1::MEMBER_ROLE_CHILD && member.in_foster_care()) return true;
  }
  return false;
}

bool IsNonCooperation(int cooperation) {
  return cooperation == v1::COOPERATION_REFUSED_MEETING || cooperation == v1::COOPERATION_ABSENT ||
         cooperation == v1::COOPERATION_REFUSED_ACTIONS;
}

}  // namespace assist::family
