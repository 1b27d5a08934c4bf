#include "checks.hpp"

namespace assist::family {

bool HasChildInFosterCare(const v1::Intake& intake) {
  for (const auto& member : intake.members()) {
    if (member.role() == v1::MEMBER_ROLE_CHILD && member.in_foster_care()) return true;
  }
  return false;
}

}  // namespace assist::family
