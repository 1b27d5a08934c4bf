#include "domain/documents.hpp"

#include "audit/audit_log.hpp"
#include "domain/case_rules.hpp"
#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plugin_bridge.hpp"
#include "domain/staff_register.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using google::protobuf::Message;

// Who the case is about, as a person would name them in a letter.
std::string DescribeSubject(Transaction& tx, const assist::v1::Case& c) {
  std::string given, family, text;
  if (c.has_person_id()) {
    long long id = c.person_id();
    tx.sql() << "SELECT given_name, family_name FROM people WHERE id = :id", soci::use(id),
        soci::into(given), soci::into(family);
    return given + " " + family;
  }
  long long id = c.family_id();
  tx.sql() << "SELECT name FROM families WHERE id = :id", soci::use(id), soci::into(text);
  soci::statement st =
      (tx.sql().prepare << "SELECT p.given_name, p.family_name FROM family_members m "
                           "JOIN people p ON p.id = m.person_id "
                           "WHERE m.family_id = :id ORDER BY p.id",
       soci::use(id), soci::into(given), soci::into(family));
  st.execute();
  const char* separator = ": ";
  while (st.fetch()) {
    text += separator + given + " " + family;
    separator = ", ";
  }
  return text;
}

}  // namespace

assist::v1::CaseDocument RenderDocument(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry, const Centres& centres,
                                        const assist::v1::RenderDocumentRequest& request) {
  assist::v1::Case c = LoadVisibleCase(tx, who, request.case_id());
  RequireNoObjection(c);
  const LoadedPlugin* plugin = registry.Find(c.type_id());
  if (plugin == nullptr) {
    ThrowPrecondition("ASSISTANCE_TYPE_NOT_LOADED", "cases/" + std::to_string(c.id()),
                      "assistance type " + c.type_id() + " is not loaded on this host");
  }
  const sdk::DocumentKind* kind = nullptr;
  std::string available;
  for (const auto& each : plugin->info.documents) {
    if (each.id == request.kind()) kind = &each;
    available += (available.empty() ? "" : ", ") + each.id;
  }
  if (kind == nullptr) {
    ThrowInvalid("kind",
                 "is not a document of assistance type " + c.type_id() +
                     " (available: " + (available.empty() ? "none" : available) + ")",
                 "nie jest dokumentem rodzaju asysty " + c.type_id() +
                     " (dostępne: " + (available.empty() ? "brak" : available) + ")");
  }

  sdk::CaseRecord record;
  record.subject = DescribeSubject(tx, c);
  record.referral_reason = c.referral_reason();
  record.assistant_id = c.assistant_id();
  if (!c.assistant_id().empty()) {
    record.assistant_name = StaffDisplayName(tx, c.centre_id(), c.assistant_id());
  }
  // The messages the record points to live here until the plugin has written the document.
  std::vector<std::unique_ptr<Message>> keep;
  long long case_id = c.id();
  {
    std::string on, notes, type, json;
    int kind_code = 0, minutes = 0;
    soci::statement st =
        (tx.sql().prepare << "SELECT contact_on, kind, duration_minutes, notes, "
                             "details_type, details_json FROM contacts "
                             "WHERE case_id = :c ORDER BY contact_on, id",
         soci::use(case_id), soci::into(on), soci::into(kind_code), soci::into(minutes),
         soci::into(notes), soci::into(type), soci::into(json));
    st.execute();
    while (st.fetch()) {
      auto& entry = record.contacts.emplace_back();
      entry.on = sdk::ParseDate(on).value_or(sdk::Date{});
      entry.kind = assist::v1::ContactKind_Name(static_cast<assist::v1::ContactKind>(kind_code));
      entry.duration_minutes = minutes;
      entry.notes = notes;
      if (!type.empty() && plugin->contact != nullptr) {
        keep.push_back(FromStoredJson(json, *plugin->contact));
        entry.details = keep.back().get();
      }
    }
  }
  {
    std::string on, json;
    soci::statement st = (tx.sql().prepare << "SELECT reviewed_on, review_json FROM reviews "
                                              "WHERE case_id = :c ORDER BY reviewed_on, id",
                          soci::use(case_id), soci::into(on), soci::into(json));
    st.execute();
    while (st.fetch()) {
      keep.push_back(FromStoredJson(json, *plugin->review));
      record.reviews.push_back({sdk::ParseDate(on).value_or(sdk::Date{}), keep.back().get()});
    }
  }
  if (auto outcome = FindDocument(tx, case_id, DocumentKind::kOutcome, 0)) {
    keep.push_back(FromStoredJson(outcome->json, *plugin->outcome));
    record.outcome = keep.back().get();
  }

  PluginCall call(tx, *plugin, centres, c, sdk::Today());
  assist::v1::CaseDocument document;
  document.set_case_id(case_id);
  document.set_kind(kind->id);
  document.set_title(kind->title_pl);
  document.set_text(call.RenderDocument(kind->id, record));
  document.set_generated_by(who.actor_id);
  document.set_generated_at(NowTimestamp());
  AppendAudit(tx, who, "RenderDocument", case_id, AuditAction::kRead, "document " + kind->id);
  return document;
}

}  // namespace assist::host
