#include "domain/person_identity.hpp"

#include <string>

namespace assist::host {

using assist::v1::BirthDateQuality;
using assist::v1::NameQuality;

NameQuality EffectiveNameQuality(NameQuality quality) {
  return quality == assist::v1::NAME_QUALITY_UNSPECIFIED ? assist::v1::NAME_QUALITY_FULL : quality;
}

BirthDateQuality EffectiveBirthDateQuality(BirthDateQuality quality) {
  return quality == assist::v1::BIRTH_DATE_QUALITY_UNSPECIFIED ? assist::v1::BIRTH_DATE_QUALITY_FULL
                                                               : quality;
}

namespace {

constexpr std::size_t kMaxName = 200;

void OptionalName(const std::string& name, const char* field, sdk::Violations& v) {
  if (!name.empty()) v.RequireText(name, field, kMaxName);
}

}  // namespace

void CheckNames(const assist::v1::Person& person, sdk::Violations& v) {
  const std::string& given = person.given_name();
  const std::string& family = person.family_name();
  switch (EffectiveNameQuality(person.name_quality())) {
    case assist::v1::NAME_QUALITY_FULL:
      v.RequireText(given, "given_name", kMaxName);
      v.RequireText(family, "family_name", kMaxName);
      return;
    case assist::v1::NAME_QUALITY_PARTIAL:
      // A street name or one name: whichever the person gave.
      v.Require(!given.empty() || !family.empty(), "given_name",
                "or family_name is required for a PARTIAL name",
                "albo family_name jest wymagane przy niepełnym imieniu i nazwisku (PARTIAL)");
      OptionalName(given, "given_name", v);
      OptionalName(family, "family_name", v);
      return;
    case assist::v1::NAME_QUALITY_NOT_GIVEN:
      // No name: the record still needs something a worker recognises the person by.
      v.Require(!given.empty(), "given_name",
                "is required: a description or a pseudonym stands in for a name NOT_GIVEN",
                "jest wymagane: opis albo pseudonim zastępuje niepodane imię i nazwisko "
                "(NOT_GIVEN)");
      OptionalName(given, "given_name", v);
      OptionalName(family, "family_name", v);
      return;
    default:
      v.Add("name_quality", "is not a known value", "nie jest znaną wartością");
  }
}

std::optional<sdk::Date> CheckBirthDate(const assist::v1::Person& person, sdk::Violations& v) {
  const BirthDateQuality quality = EffectiveBirthDateQuality(person.birth_date_quality());
  if (quality == assist::v1::BIRTH_DATE_QUALITY_UNKNOWN) {
    v.Require(person.birth_date().empty(), "birth_date",
              "must be empty when birth_date_quality is UNKNOWN",
              "musi być pusta, gdy birth_date_quality to UNKNOWN");
    return std::nullopt;
  }
  if (quality != assist::v1::BIRTH_DATE_QUALITY_FULL &&
      quality != assist::v1::BIRTH_DATE_QUALITY_APPROXIMATE) {
    v.Add("birth_date_quality", "is not a known value", "nie jest znaną wartością");
    return std::nullopt;
  }
  auto birth = v.RequireDate(person.birth_date(), "birth_date");
  if (!birth) return std::nullopt;
  v.Require(*birth <= sdk::Today(), "birth_date", "is in the future", "jest datą z przyszłości");
  // Nobody served is born before 1900: such a date is a typing error (0000-01-01, 1019-...).
  v.Require(sdk::FormatDate(*birth) >= "1900-01-01", "birth_date", "is before 1900-01-01",
            "jest wcześniejsza niż 1900-01-01");
  if (quality == assist::v1::BIRTH_DATE_QUALITY_APPROXIMATE) {
    // The year (YYYY-01-01) or the year and month (YYYY-MM-01) known: a day would be exact.
    v.Require(birth->day() == std::chrono::day{1}, "birth_date",
              "is not the first day of a month, as an APPROXIMATE birth date is",
              "nie jest pierwszym dniem miesiąca, jak przybliżona data urodzenia (APPROXIMATE)");
  }
  return birth;
}

bool FullyIdentified(const assist::v1::Person& person) {
  return EffectiveNameQuality(person.name_quality()) == assist::v1::NAME_QUALITY_FULL &&
         EffectiveBirthDateQuality(person.birth_date_quality()) ==
             assist::v1::BIRTH_DATE_QUALITY_FULL;
}

void WarnOfIncompleteIdentity(assist::v1::Person& person) {
  std::string en, pl;
  auto add = [&](const std::string& what_en, const std::string& what_pl) {
    en += (en.empty() ? "" : ", ") + what_en;
    pl += (pl.empty() ? "" : ", ") + what_pl;
  };
  switch (EffectiveNameQuality(person.name_quality())) {
    case assist::v1::NAME_QUALITY_PARTIAL:
      add("the name is partial (PARTIAL)", "imię i nazwisko są niepełne (PARTIAL)");
      break;
    case assist::v1::NAME_QUALITY_NOT_GIVEN:
      add("no name was given (NOT_GIVEN)", "nie podano imienia i nazwiska (NOT_GIVEN)");
      break;
    default:
      break;
  }
  switch (EffectiveBirthDateQuality(person.birth_date_quality())) {
    case assist::v1::BIRTH_DATE_QUALITY_APPROXIMATE:
      add("the birth date is approximate (APPROXIMATE)",
          "data urodzenia jest przybliżona (APPROXIMATE)");
      break;
    case assist::v1::BIRTH_DATE_QUALITY_UNKNOWN:
      add("the birth date is unknown (UNKNOWN)", "data urodzenia jest nieznana (UNKNOWN)");
      break;
    default:
      break;
  }
  if (en.empty()) return;
  auto* warning = person.add_warnings();
  warning->set_code("INCOMPLETE_IDENTITY");
  warning->set_message_en("identity incomplete: " + en +
                          "; complete it with UpdatePerson once the person tells");
  warning->set_message_pl("niepełna tożsamość: " + pl +
                          "; uzupełnij przez UpdatePerson, gdy osoba je poda");
}

}  // namespace assist::host
