#include "domain/pesel.hpp"

#include <array>

namespace assist::host {
namespace {

constexpr std::array<int, 10> kWeights{1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

int Digit(std::string_view text, std::size_t at) { return text[at] - '0'; }

}  // namespace

PeselCheck ReadPesel(std::string_view pesel) {
  if (pesel.size() != 11 || pesel.find_first_not_of("0123456789") != std::string_view::npos) {
    return {std::nullopt, "must be 11 digits", "musi składać się z 11 cyfr"};
  }
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) sum += kWeights[i] * Digit(pesel, i);
  if ((10 - sum % 10) % 10 != Digit(pesel, 10)) {
    return {std::nullopt, "has a wrong check digit", "ma błędną cyfrę kontrolną"};
  }
  const int yy = Digit(pesel, 0) * 10 + Digit(pesel, 1);
  const int mm = Digit(pesel, 2) * 10 + Digit(pesel, 3);
  const int dd = Digit(pesel, 4) * 10 + Digit(pesel, 5);
  // Months 1-12 are the 1900s, 21-32 the 2000s and so on; 81-92 the 1800s.
  static constexpr std::array<int, 5> kCenturies{1900, 2000, 2100, 2200, 1800};
  const int century = kCenturies[static_cast<std::size_t>(mm / 20)];
  const sdk::Date birth{std::chrono::year(century + yy),
                        std::chrono::month(static_cast<unsigned>(mm % 20)),
                        std::chrono::day(static_cast<unsigned>(dd))};
  if (mm % 20 == 0 || !birth.ok()) {
    return {std::nullopt, "holds no valid birth date", "nie zawiera poprawnej daty urodzenia"};
  }
  return {PeselFacts{birth, Digit(pesel, 9) % 2 == 1}, {}, {}};
}

}  // namespace assist::host
