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
    const std::string path = sdk::At(field, i);
    if (!v.Require(IsLanguageCode(code), path,
                   "must be an ISO 639-1 language code: two lower-case letters, e.g. \"uk\"",
                   "musi być kodem języka ISO 639-1: dwie małe litery, np. \"uk\"")) {
      continue;
    }
    RequireListedOnce(v, seen, code, path);
  }
}

}  // namespace assist::intercultural
