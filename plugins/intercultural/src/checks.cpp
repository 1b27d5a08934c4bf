#include "checks.hpp"

namespace assist::intercultural {
namespace {

bool TwoLetters(std::string_view code, char first, char last) {
  if (code.size() != 2) return false;
  for (char c : code) {
    if (c < first || c > last) return false;
  }
  return true;
}

}  // namespace

bool IsCountryCode(std::string_view code) { return TwoLetters(code, 'A', 'Z'); }

bool IsLanguageCode(std::string_view code) { return TwoLetters(code, 'a', 'z'); }

void CheckLanguageCodes(const google::protobuf::RepeatedPtrField<std::string>& codes,
                        const std::string& field, sdk::Violations& v, std::set<std::string>& seen) {
  for (int i = 0; i < codes.size(); ++i) {
    const std::string& code = codes.Get(i);
    const std::string path = At(field, i);
    if (!v.Require(IsLanguageCode(code), path,
                   "must be an ISO 639-1 language code: two lower-case letters, e.g. \"uk\"",
                   "musi być kodem języka ISO 639-1: dwie małe litery, np. \"uk\"")) {
      continue;
    }
    v.Require(seen.insert(code).second, path, "is listed more than once",
              "występuje więcej niż raz");
  }
}

void NotBefore(sdk::Violations& v, const std::optional<sdk::Date>& date,
               const std::optional<sdk::Date>& from, bool same_day_ok, const std::string& field,
               const std::string& from_name_en, const std::string& from_name_pl) {
  if (!date || !from) return;
  if (*date > *from || (same_day_ok && *date == *from)) return;
  const std::string when = sdk::FormatDate(*from);
  if (same_day_ok) {
    v.Add(field, "must not be before " + from_name_en + " (" + when + ")",
          "nie może przypadać wcześniej niż " + from_name_pl + " (" + when + ")");
  } else {
    v.Add(field, "must be after " + from_name_en + " (" + when + ")",
          "musi przypadać później niż " + from_name_pl + " (" + when + ")");
  }
}

}  // namespace assist::intercultural
