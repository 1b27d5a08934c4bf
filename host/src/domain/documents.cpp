#include "domain/documents.hpp"

#include <chrono>
#include <tuple>
#include <utility>

#include "audit/audit_log.hpp"
#include "domain/case_rules.hpp"
#include "domain/case_store.hpp"
#include "domain/errors.hpp"
#include "domain/ordered_work.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plugin_bridge.hpp"
#include "domain/staff_register.hpp"
#include "store/contact_repository.hpp"
#include "store/people_repository.hpp"
#include "store/review_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using google::protobuf::Message;

// Who the case is about, as a person would name them in a letter.
std::string DescribeSubject(Transaction& tx, const assist::v1::Case& c) {
  if (c.has_person_id()) {
    PersonName name = NameOfPerson(tx, c.person_id());
    return name.given + " " + name.family;
  }
  std::string text = NameOfFamily(tx, c.family_id());
  const char* separator = ": ";
  for (const PersonName& member : NamesOfFamilyMembers(tx, c.family_id())) {
    text += separator + member.given + " " + member.family;
    separator = ", ";
  }
  return text;
}

// The first and last day of a "YYYY-MM" month; INVALID_ARGUMENT on `month` for anything else.
std::pair<sdk::Date, sdk::Date> MonthBounds(const std::string& month) {
  const auto first = sdk::ParseDate(month + "-01");
  if (month.size() != 7 || !first) {
    ThrowInvalid("month", "must be a month as YYYY-MM, e.g. 2026-03",
                 "musi być miesiącem w postaci RRRR-MM, np. 2026-03");
  }
  return {*first, sdk::Date{first->year() / first->month() / std::chrono::last}};
}

}  // namespace

assist::v1::CaseDocument RenderDocument(Transaction& tx, const Identity& who,
                                        const PluginRegistry& registry, const Centres& centres,
                                        const assist::v1::RenderDocumentRequest& request) {
  assist::v1::Case c = LoadVisibleCase(tx, who, request.case_id());
  const LoadedPlugin* plugin = registry.Find(c.type_id());
  // Whether the work is ordered is looked up only when an objection would stop the document.
  const bool objected = c.consent() == assist::v1::CONSENT_STATE_WITHDRAWN ||
                        c.consent() == assist::v1::CONSENT_STATE_REFUSED;
  RequireNoObjection(c, objected && plugin != nullptr && WorkOrdered(tx, *plugin, c));
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
  if (!request.month().empty()) {
    std::tie(record.period_from, record.period_to) = MonthBounds(request.month());
  }
  record.subject = DescribeSubject(tx, c);
  record.referral_reason = c.referral_reason();
  record.assistant_id = c.assistant_id();
  if (!c.assistant_id().empty()) {
    record.assistant_name = StaffDisplayName(tx, c.centre_id(), c.assistant_id());
  }
  // The messages the record points to live here until the plugin has written the document.
  std::vector<std::unique_ptr<Message>> keep;
  long long case_id = c.id();
  for (const auto& stored : ContactsByDate(tx, case_id)) {
    const assist::v1::Contact& contact = stored.contact;
    auto& entry = record.contacts.emplace_back();
    entry.on = sdk::ParseDate(contact.contact_on()).value_or(sdk::Date{});
    entry.kind = assist::v1::ContactKind_Name(contact.kind());
    entry.duration_minutes = contact.duration_minutes();
    entry.notes = contact.notes();
    if (!stored.details_type.empty() && plugin->contact != nullptr) {
      keep.push_back(FromStoredJson(stored.details_json, *plugin->contact));
      entry.details = keep.back().get();
    }
  }
  for (const auto& stored : ReviewsByDate(tx, case_id)) {
    keep.push_back(FromStoredJson(stored.json, *plugin->review));
    record.reviews.push_back(
        {sdk::ParseDate(stored.review.reviewed_on()).value_or(sdk::Date{}), keep.back().get()});
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
  const std::string month = request.month().empty() ? "" : " for " + request.month();
  AppendAudit(tx, who, "RenderDocument", case_id, AuditAction::kRead,
              "document " + kind->id + month);
  return document;
}

}  // namespace assist::host
