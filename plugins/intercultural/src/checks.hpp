#pragma once
// Validation helpers shared by the step validators.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <assist/plugin/checks.hpp>
#include <set>
#include <string>
#include <string_view>

namespace assist::intercultural {

// ISO 3166-1 alpha-2 ("UA") and ISO 639-1 ("uk") by form only: two ASCII letters.
bool IsCountryCode(std::string_view code);
bool IsLanguageCode(std::string_view code);

// Each language code well formed and listed once; the codes seen are added to `seen`.
void CheckLanguageCodes(const google::protobuf::RepeatedPtrField<std::string>& codes,
                        const std::string& field, sdk::Violations& v, std::set<std::string>& seen);

}  // namespace assist::intercultural
