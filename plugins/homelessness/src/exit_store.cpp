#include <assist/plugin/store.hpp>
#include <assist/plugin/typed.hpp>
#include <string>

#include "housing.hpp"
#include "store.hpp"

namespace assist::homelessness {

sdk::Status StoreExit(const v1::Outcome& outcome, const sdk::CaseContext& context,
                      sdk::DataSession& data) {
  return sdk::Guard("homelessness", "storing the exit failed", [&] {
    soci::session& sql = data.sql();
    const long long case_id = context.case_id;
    const std::string housing_status = HousingCode(outcome.housing_status());
    const std::string recorded_on = sdk::StepDay(context);
    // The host keeps every outcome it accepted; this table mirrors the case's latest one.
    sql << "DELETE FROM homelessness_exits WHERE case_id = :case_id", soci::use(case_id);
    sql << "INSERT INTO homelessness_exits (case_id, housing_status, recorded_on)"
           " VALUES (:case_id, :housing_status, :recorded_on)",
        soci::use(case_id), soci::use(housing_status), soci::use(recorded_on);
    return sdk::Status::Ok();
  });
}

}  // namespace assist::homelessness
