#include "domain/pesel.hpp"

#include <gtest/gtest.h>

namespace assist::host {
namespace {

std::string BirthOf(const std::string& pesel) {
  const PeselCheck check = ReadPesel(pesel);
  return check.facts ? sdk::FormatDate(check.facts->birth_date) : check.problem_en;
}

TEST(Pesel, ReadsTheBirthDateOfEachCentury) {
  EXPECT_EQ(BirthOf("44051401359"), "1944-05-14");
  EXPECT_EQ(BirthOf("80050101234"), "1980-05-01");
  EXPECT_EQ(BirthOf("02270803624"), "2002-07-08");  // month + 20: born in the 2000s
  EXPECT_EQ(BirthOf("85923100000"), "1885-12-31");  // month + 80: the 1800s
}

TEST(Pesel, ReadsTheSexFromTheTenthDigit) {
  EXPECT_TRUE(ReadPesel("44051401359").facts->male);   // 5: odd
  EXPECT_FALSE(ReadPesel("02270803624").facts->male);  // 2: even
}

TEST(Pesel, RefusesWhatIsNotElevenDigits) {
  for (const char* bad : {"", "4405140135", "440514013590", "4405140135X", "44 51401359"}) {
    EXPECT_EQ(ReadPesel(bad).problem_en, "must be 11 digits") << bad;
  }
}

TEST(Pesel, RefusesAWrongCheckDigitOrOneSwappedPair) {
  EXPECT_EQ(ReadPesel("44051401358").problem_en, "has a wrong check digit");
  EXPECT_EQ(ReadPesel("44051401539").problem_en, "has a wrong check digit");
}

TEST(Pesel, RefusesDatesThatDoNotExist) {
  // Valid check digits, impossible dates: 31 February 1980, month 13, month 0, 29 February 2001.
  for (const char* bad : {"80023100008", "80133100002", "80003100006", "01222900006"}) {
    const PeselCheck check = ReadPesel(bad);
    EXPECT_FALSE(check.facts) << bad;
    EXPECT_EQ(check.problem_en, "holds no valid birth date") << bad;
  }
}

}  // namespace
}  // namespace assist::host
