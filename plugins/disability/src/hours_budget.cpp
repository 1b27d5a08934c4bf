#include "hours_budget.hpp"

#include <assist/disability/v1/disability.pb.h>

#include "payload.hpp"

namespace assist::disability {

int MaxHoursPerPerson(const google::protobuf::Message* settings, int year) {
  v1::CentreSettings copy;
  const v1::CentreSettings* centre = As(settings, copy);
  if (centre == nullptr) return kDefaultMaxHoursPerPerson;
  for (const v1::YearlyLimit& limit : centre->limits()) {
    if (limit.year() == year) return limit.max_hours_per_person();
  }
  return kDefaultMaxHoursPerPerson;
}

}  // namespace assist::disability
