#include "checks.hpp"

namespace assist::homelessness {

std::set<int> RequireUniqueCodes(sdk::Violations& v,
                                 const google::protobuf::RepeatedField<int>& codes,
                                 bool (*is_valid)(int), const std::string& field) {
  std::set<int> seen;
  for (int i = 0; i < codes.size(); ++i) {
    if (!RequireEnum(v, codes.Get(i), is_valid, At(field, i))) continue;
    v.Require(seen.insert(codes.Get(i)).second, At(field, i), "is listed more than once",
              "występuje więcej niż raz");
  }
  return seen;
}

void OptionalEnum(sdk::Violations& v, int value, bool (*is_valid)(int), const std::string& field) {
  if (value != 0) RequireEnum(v, value, is_valid, field);
}

void WithinPeriod(sdk::Violations& v, const std::optional<sdk::Date>& date,
                  const std::optional<sdk::Date>& from, const std::optional<sdk::Date>& to,
                  const std::string& field) {
  if (!date || !from || !to || (*from <= *date && *date <= *to)) return;
  const std::string period = sdk::FormatDate(*from) + " – " + sdk::FormatDate(*to);
  v.Add(field, "must fall within the plan period (" + period + ")",
        "musi mieścić się w okresie realizacji programu (" + period + ")");
}

}  // namespace assist::homelessness
