#include "hours_budget.hpp"

#include <assist/disability/v1/disability.pb.h>

#include <assist/plugin/message_cast.hpp>

namespace assist::disability {

int MaxHoursPerPerson(const google::protobuf::Message* settings, int year) {
  v1::CentreSettings copy;
  const v1::CentreSettings* centre = sdk::As(settings, copy);
  if (centre == nullptr) return kDefaultMaxHoursPerPerson;
  for (const v1::YearlyLimit& limit : centre->limits()) {
    if (limit.year() == year) return limit.max_hours_per_person();
  }
  return kDefaultMaxHoursPerPerson;
}

std::optional<long long> PlannedHours(const google::protobuf::Message* plan, int year) {
  v1::Plan copy;
  const v1::Plan* current = sdk::As(plan, copy);
  if (current == nullptr || current->year() != year) return std::nullopt;
  long long total = 0;
  for (const v1::Activity& activity : current->activities()) total += activity.planned_hours();
  return total;
}

}  // namespace assist::disability
