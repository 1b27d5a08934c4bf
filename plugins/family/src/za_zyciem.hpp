#pragma once
// The "Za życiem" basis: the Act of 4 November 2016 on support for pregnant women and families
// "Za życiem", art. 8, gives a family assistant to a pregnant woman and her family and to the
// family of a child with a severe and irreversible impairment or an incurable life-threatening
// illness. Its facts are recorded with the intake (Intake.za_zyciem).
#include <assist/family/v1/family.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>

namespace assist::family {

// Violations under "za_zyciem": required with the basis, refused without it.
void CheckZaZyciem(const v1::Intake& intake, const sdk::CaseContext& context, sdk::Violations& v);

}  // namespace assist::family
