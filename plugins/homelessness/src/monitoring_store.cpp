#include <assist/plugin/store.hpp>
#include <assist/plugin/typed.hpp>
#include <string>

#include "housing.hpp"
#include "store.hpp"

namespace assist::homelessness {

sdk::Status StoreMonitoringCheck(const v1::Contact& contact, const sdk::CaseContext& context,
                                 sdk::DataSession& data) {
  return sdk::Guard("homelessness", "storing the monitoring check failed", [&] {
    const long long case_id = context.case_id;
    const std::string checked_on = sdk::StepDay(context);
    const std::string housing_status = HousingCode(contact.housing_status());
    const int returned = contact.returned_to_homelessness() ? 1 : 0;
    data.sql() << "INSERT INTO homelessness_monitoring_checks"
                  " (case_id, checked_on, housing_status, returned)"
                  " VALUES (:case_id, :checked_on, :housing_status, :returned)",
        soci::use(case_id), soci::use(checked_on), soci::use(housing_status), soci::use(returned);
    return sdk::Status::Ok();
  });
}

}  // namespace assist::homelessness
