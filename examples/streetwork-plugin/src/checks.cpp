#include "checks.hpp"

#include <assist/plugin/checks.hpp>
#include <set>

namespace assist::streetwork {

constexpr std::size_t kMaxNoteBytes = 500;

void CheckPlace(sdk::Violations& v, const v1::Place& place, const std::string& field) {
  sdk::RequireEnum(v, place.kind(), v1::PlaceKind_IsValid, field + ".kind");
  if (place.kind() == v1::PLACE_KIND_OTHER) {
    v.RequireText(place.note(), field + ".note", kMaxNoteBytes);
  } else {
    sdk::LimitText(v, place.note(), field + ".note", kMaxNoteBytes);
  }
}

void CheckNeeds(sdk::Violations& v, const google::protobuf::RepeatedField<int>& needs,
                const std::string& field) {
  std::set<int> seen;
  for (int i = 0; i < needs.size(); ++i) {
    const std::string path = sdk::At(field, i);
    if (!sdk::RequireEnum(v, needs.Get(i), v1::Need_IsValid, path)) continue;
    v.Require(seen.insert(needs.Get(i)).second, path, "is listed more than once",
              "występuje więcej niż raz");
  }
}

}  // namespace assist::streetwork
