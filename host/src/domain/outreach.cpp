#include "domain/outreach.hpp"

#include <set>
#include <string>

#include "audit/audit_log.hpp"
#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/page.hpp"
#include "domain/request_checks.hpp"
#include "store/outreach_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

constexpr std::size_t kMaxPseudonymBytes = 200;
constexpr std::size_t kMaxDescriptionBytes = 2000;
constexpr std::size_t kMaxPlaceBytes = 500;
constexpr std::size_t kMaxNotesBytes = 4000;
constexpr int kMaxLinked = 100;

// An optional text: empty, or at most `max_len` bytes.
void CheckOptionalText(sdk::Violations& v, const std::string& text, const std::string& field,
                       std::size_t max_len) {
  if (!text.empty()) v.RequireText(text, field, max_len);
}

void CheckNeeds(sdk::Violations& v, const assist::v1::RecordOutreachContactRequest& request) {
  v.Require(request.needs_met_size() > 0, "needs_met", "needs at least one need met",
            "wymaga co najmniej jednej zaspokojonej potrzeby");
  std::set<int> seen;
  for (int i = 0; i < request.needs_met_size(); ++i) {
    const int need = request.needs_met(i);
    const std::string field = "needs_met[" + std::to_string(i) + "]";
    if (v.Require(
            need != assist::v1::OUTREACH_NEED_UNSPECIFIED && assist::v1::OutreachNeed_IsValid(need),
            field, "is not a known need", "nie jest znaną potrzebą")) {
      v.Require(seen.insert(need).second, field, "is listed twice", "występuje dwa razy");
    }
  }
}

}  // namespace

assist::v1::OutreachContact Outreach::Record(
    Transaction& tx, const Identity& who,
    const assist::v1::RecordOutreachContactRequest& request) const {
  const sdk::Date today = sdk::Today();
  sdk::Violations v;
  const LoadedPlugin* plugin = nullptr;
  if (v.Require(!request.type_id().empty(), "type_id", "is required", "jest wymagany")) {
    plugin = RequireLoadedType(v, registry_, request.type_id(), "type_id");
  }
  if (plugin != nullptr) {
    v.Require(plugin->info.street_outreach, "type_id",
              "assistance type " + request.type_id() + " does not record street outreach",
              "rodzaj asysty " + request.type_id() + " nie prowadzi streetworkingu");
  }
  const sdk::Date on = EffectiveDate(v, request.contact_on(), "contact_on", today);
  v.Require(!request.pseudonym().empty() || !request.description().empty(), "pseudonym",
            "a pseudonym or a description is required", "wymagany jest pseudonim albo opis");
  CheckOptionalText(v, request.pseudonym(), "pseudonym", kMaxPseudonymBytes);
  CheckOptionalText(v, request.description(), "description", kMaxDescriptionBytes);
  v.Require(request.identity_quality() != assist::v1::IDENTITY_QUALITY_UNSPECIFIED &&
                assist::v1::IdentityQuality_IsValid(request.identity_quality()),
            "identity_quality", "is required", "jest wymagane");
  v.RequireText(request.place(), "place", kMaxPlaceBytes);
  CheckNeeds(v, request);
  CheckOptionalText(v, request.notes(), "notes", kMaxNotesBytes);
  ThrowIfAny(v);
  if (!centres_.TypeEnabled(tx, who.centre_id, request.type_id())) {
    ThrowPrecondition("TYPE_NOT_ENABLED",
                      "centres/" + who.centre_id + "/types/" + request.type_id(),
                      "assistance type " + request.type_id() + " is not enabled at centre " +
                          who.centre_id + " (EnableAssistanceType)");
  }
  assist::v1::OutreachContact contact;
  contact.set_centre_id(who.centre_id);
  contact.set_type_id(request.type_id());
  contact.set_contact_on(sdk::FormatDate(on));
  contact.set_pseudonym(request.pseudonym());
  contact.set_description(request.description());
  contact.set_identity_quality(request.identity_quality());
  contact.set_place(request.place());
  *contact.mutable_needs_met() = request.needs_met();
  contact.set_notes(request.notes());
  contact.set_recorded_by(who.actor_id);
  contact.set_recorded_at(NowTimestamp());
  contact.set_keep_until(sdk::FormatDate(sdk::AddDays(on, retention_days_)));
  contact.set_id(InsertOutreachContact(tx, contact));
  // No names in the trail: the contact's id says which one.
  AppendAudit(tx, who, "RecordOutreachContact", 0, AuditAction::kWrite,
              "outreach contact " + std::to_string(contact.id()) + " (" + request.type_id() + ")");
  return contact;
}

assist::v1::ListOutreachContactsResponse Outreach::List(
    Transaction& tx, const Identity& who,
    const assist::v1::ListOutreachContactsRequest& request) const {
  sdk::Violations v;
  CheckIdFilter(v, request.type_id(), "type_id", 64);
  ThrowIfAny(v);
  const int limit = PageSize(request.page_size());
  const long long after = IdFromPageToken(request.page_token());
  auto rows = ListOutreachContactRows(
      tx, who.centre_id, {request.type_id(), request.unlinked_only()}, after, FetchLimit(limit));
  auto page = MakePage(std::move(rows), limit, [](const auto& c) { return IdKey(c.id()); });
  assist::v1::ListOutreachContactsResponse response;
  for (auto& c : page.items) *response.add_contacts() = std::move(c);
  response.set_next_page_token(page.next_page_token);
  AppendAudit(tx, who, "ListOutreachContacts", 0, AuditAction::kRead,
              std::to_string(response.contacts_size()) + " outreach contacts");
  return response;
}

assist::v1::LinkOutreachContactsResponse Outreach::Link(
    Transaction& tx, const Identity& who,
    const assist::v1::LinkOutreachContactsRequest& request) const {
  sdk::Violations v;
  v.Require(request.contact_ids_size() > 0, "contact_ids", "needs at least one contact",
            "wymaga co najmniej jednego kontaktu");
  v.Require(request.contact_ids_size() <= kMaxLinked, "contact_ids", "has more than 100 contacts",
            "ma więcej niż 100 kontaktów");
  std::set<long long> seen;
  for (int i = 0; i < request.contact_ids_size() && i < kMaxLinked; ++i) {
    v.Require(seen.insert(request.contact_ids(i)).second, "contact_ids[" + std::to_string(i) + "]",
              "is listed twice", "występuje dwa razy");
  }
  ThrowIfAny(v);
  const assist::v1::Case c = LoadVisibleCaseForUpdate(tx, who, request.case_id());
  const std::string subject = "cases/" + std::to_string(c.id());
  if (c.status() != assist::v1::CASE_STATUS_OPEN) {
    ThrowPrecondition("CASE_NOT_OPEN", subject, "outreach contacts join an open case");
  }
  if (!c.has_person_id()) {
    ThrowPrecondition("NOT_A_PERSON_CASE", subject,
                      "outreach contacts join the case of the one person met");
  }
  // Linking names the person behind the pseudonym: what the person consents to.
  if (c.consent() != assist::v1::CONSENT_STATE_GIVEN) {
    ThrowPrecondition("CONSENT_MISSING", subject,
                      "the person's consent is needed before their outreach contacts join the "
                      "case (RecordConsent)");
  }
  assist::v1::LinkOutreachContactsResponse response;
  for (int i = 0; i < request.contact_ids_size(); ++i) {
    const long long id = request.contact_ids(i);
    const std::string field = "contact_ids[" + std::to_string(i) + "]";
    auto contact = FindOutreachContactForUpdate(tx, who.centre_id, id);
    if (!contact) {
      ThrowNotFoundField("outreach contact", std::to_string(id),
                         {field, "no such outreach contact in this centre",
                          "brak takiego kontaktu streetworkingowego w tym ośrodku"});
    }
    if (contact->type_id() != c.type_id()) {
      ThrowInvalid(
          field, "is a contact of type " + contact->type_id() + ", the case is " + c.type_id(),
          "jest kontaktem rodzaju " + contact->type_id() + ", a sprawa rodzaju " + c.type_id());
    }
    if (!LinkOutreachContactRow(tx, id, c.id())) {
      ThrowPrecondition("ALREADY_LINKED", "outreach/" + std::to_string(id),
                        "outreach contact " + std::to_string(id) + " is linked to a case already");
    }
    contact->set_case_id(c.id());
    contact->set_person_id(c.person_id());
    contact->clear_keep_until();
    *response.add_contacts() = std::move(*contact);
  }
  AppendAudit(tx, who, "LinkOutreachContacts", c.id(), AuditAction::kWrite,
              std::to_string(response.contacts_size()) + " outreach contacts linked");
  return response;
}

long long Outreach::DeleteExpired(Transaction& tx, const Identity& host,
                                  const sdk::Date& today) const {
  const long long deleted =
      DeleteExpiredOutreachContacts(tx, host.centre_id, sdk::FormatDate(today));
  if (deleted > 0) {
    AppendAudit(tx, host, "ApplyRetention", 0, AuditAction::kWrite,
                std::to_string(deleted) + " unlinked outreach contacts deleted after " +
                    std::to_string(retention_days_) + " days");
  }
  return deleted;
}

}  // namespace assist::host
