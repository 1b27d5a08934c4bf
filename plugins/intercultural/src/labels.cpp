#include "labels.hpp"

namespace assist::intercultural {

Label SupportAreaLabel(int area) {
  switch (area) {
    case v1::SUPPORT_AREA_OFFICIAL_MATTERS:
      return {"official matters", "sprawy urzędowe"};
    case v1::SUPPORT_AREA_INSTITUTIONS:
      return {"contacts with institutions", "kontakty z instytucjami"};
    case v1::SUPPORT_AREA_SCHOOL:
      return {"school", "szkoła"};
    case v1::SUPPORT_AREA_KINDERGARTEN:
      return {"kindergarten", "przedszkole"};
    case v1::SUPPORT_AREA_HEALTH_CARE:
      return {"health care", "opieka zdrowotna"};
    case v1::SUPPORT_AREA_BENEFITS_AND_LAW:
      return {"benefits and Polish law", "świadczenia i przepisy prawa w Polsce"};
    case v1::SUPPORT_AREA_POLISH_LANGUAGE:
      return {"Polish language", "język polski"};
    case v1::SUPPORT_AREA_WORK:
      return {"work", "praca"};
    case v1::SUPPORT_AREA_SOCIAL_PROBLEMS:
      return {"social problems", "problemy socjalne"};
    case v1::SUPPORT_AREA_PSYCHOLOGICAL_PROBLEMS:
      return {"psychological problems", "problemy psychologiczne"};
    case v1::SUPPORT_AREA_PARENTING_PROBLEMS:
      return {"parenting problems", "problemy wychowawcze"};
    default:
      return {"unknown area", "nieznany obszar"};
  }
}

Label LegalStatusLabel(int kind) {
  switch (kind) {
    case v1::LEGAL_STATUS_KIND_TEMPORARY_PROTECTION:
      return {"temporary protection", "ochrona czasowa"};
    case v1::LEGAL_STATUS_KIND_TEMPORARY_RESIDENCE:
      return {"temporary residence permit", "zezwolenie na pobyt czasowy"};
    case v1::LEGAL_STATUS_KIND_PERMANENT_RESIDENCE:
      return {"permanent residence", "pobyt stały"};
    case v1::LEGAL_STATUS_KIND_EU_CITIZEN:
      return {"EU citizen's right of residence", "prawo pobytu obywatela UE"};
    case v1::LEGAL_STATUS_KIND_INTERNATIONAL_PROTECTION:
      return {"international protection", "ochrona międzynarodowa"};
    case v1::LEGAL_STATUS_KIND_PROTECTION_APPLICANT:
      return {"applicant for protection", "wnioskodawca o ochronę międzynarodową"};
    case v1::LEGAL_STATUS_KIND_VISA:
      return {"visa", "wiza"};
    case v1::LEGAL_STATUS_KIND_REFUGEE:
      return {"refugee status", "status uchodźcy"};
    case v1::LEGAL_STATUS_KIND_SUBSIDIARY_PROTECTION:
      return {"subsidiary protection", "ochrona uzupełniająca"};
    case v1::LEGAL_STATUS_KIND_OTHER:
      return {"other status", "inny status"};
    default:
      return {"unknown status", "nieznany status"};
  }
}

}  // namespace assist::intercultural
