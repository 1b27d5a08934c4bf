#include <exception>
#include <string>

#include "housing.hpp"
#include "store.hpp"

namespace assist::homelessness {

sdk::Status StoreExit(const v1::Outcome& outcome, const sdk::CaseContext& context,
                      sdk::DataSession& data) {
  try {
    soci::session& sql = data.sql();
    const long long case_id = context.case_id;
    const std::string housing_status = HousingCode(outcome.housing_status());
    const std::string recorded_on =
        sdk::FormatDate(context.step_date.ok() ? context.step_date : sdk::Today());
    // The host keeps every outcome it accepted; this table mirrors the case's latest one.
    sql << "DELETE FROM homelessness_exits WHERE case_id = :case_id", soci::use(case_id);
    sql << "INSERT INTO homelessness_exits (case_id, housing_status, recorded_on)"
           " VALUES (:case_id, :housing_status, :recorded_on)",
        soci::use(case_id), soci::use(housing_status), soci::use(recorded_on);
    return sdk::Status::Ok();
  } catch (const std::exception& e) {
    return sdk::Status::Internal(std::string("homelessness: storing the exit failed: ") + e.what());
  } catch (...) {
    return sdk::Status::Internal("homelessness: storing the exit failed");
  }
}

}  // namespace assist::homelessness
