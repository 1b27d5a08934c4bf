#pragma once
// Names of enum values for the texts of warnings, in English and Polish.
#include <assist/intercultural/v1/intercultural.pb.h>

#include <string_view>

namespace assist::intercultural {

struct Label {
  std::string_view en;
  std::string_view pl;
};

// Unknown values get a generic label; validation reports them separately.
Label SupportAreaLabel(int area);
Label LegalStatusLabel(int kind);

}  // namespace assist::intercultural
