#pragma once
// PESEL, the Polish national identification number: YYMMDD (the century folded into the month:
// +80 for the 1800s, +0 for the 1900s, +20, +40, +60 for the 2000s, 2100s, 2200s), a four-digit
// serial whose last digit is odd for a man and even for a woman, and a check digit.
#include <assist/plugin/date.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace assist::host {

struct PeselFacts {
  sdk::Date birth_date;
  bool male = false;
};

// What a well-formed PESEL says, or why it is not one: the English and Polish reasons, for a
// field violation.
struct PeselCheck {
  std::optional<PeselFacts> facts;
  std::string problem_en, problem_pl;
};

PeselCheck ReadPesel(std::string_view pesel);

}  // namespace assist::host
