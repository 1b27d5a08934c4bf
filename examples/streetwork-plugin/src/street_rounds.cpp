#include "street_rounds.hpp"

#include <assist/plugin/store.hpp>
#include <string>

namespace assist::streetwork {

std::vector<sdk::Migration> StreetRoundMigrations() {
  // The same text suits both dialects.
  const std::string create =
      "CREATE TABLE streetwork_rounds (\n"
      "  case_id BIGINT NOT NULL,\n"
      "  round_on TEXT NOT NULL,\n"
      "  place_kind INT NOT NULL,\n"
      "  person_met INT NOT NULL,\n"
      "  needs_met INT NOT NULL\n"
      ");\n"
      "CREATE INDEX streetwork_rounds_by_place ON streetwork_rounds (place_kind, round_on);\n";
  return {{1, "streetwork_rounds", create, create}};
}

sdk::Status RecordStreetRound(const v1::Contact& contact, const sdk::CaseContext& context,
                              sdk::DataSession& data) {
  const long long case_id = context.case_id;
  const std::string round_on = sdk::StepDay(context);
  const int place_kind = contact.place().kind();
  const int person_met = contact.person_met() ? 1 : 0;
  const int needs_met = contact.needs_met_size();
  data.sql() << "INSERT INTO streetwork_rounds (case_id, round_on, place_kind, person_met, "
                "needs_met) VALUES (:case_id, :round_on, :place_kind, :person_met, :needs_met)",
      soci::use(case_id), soci::use(round_on), soci::use(place_kind), soci::use(person_met),
      soci::use(needs_met);
  return sdk::Status::Ok();
}

}  // namespace assist::streetwork
