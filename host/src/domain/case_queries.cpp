#include "domain/case_queries.hpp"

#include <google/protobuf/descriptor.h>

#include <assist/plugin/validation.hpp>

#include "audit/audit_log.hpp"
#include "domain/case_store.hpp"
#include "domain/consent_steps.hpp"
#include "domain/data_rights.hpp"
#include "domain/documents.hpp"
#include "domain/errors.hpp"
#include "domain/ordered_work.hpp"
#include "domain/page.hpp"
#include "domain/payload_codec.hpp"
#include "domain/plan_approval.hpp"
#include "domain/request_checks.hpp"
#include "domain/statistics.hpp"
#include "domain/statistics_report.hpp"
#include "store/assignment_repository.hpp"
#include "store/contact_repository.hpp"
#include "store/period_report_repository.hpp"
#include "store/review_repository.hpp"
#include "store/transfer_repository.hpp"
#include "util/clock.hpp"

namespace assist::host {
namespace {

using assist::v1::Case;

sdk::Date AsOf(const std::string& text) {
  if (text.empty()) return sdk::Today();
  sdk::Violations v;
  auto date = v.OptionalDate(text, "as_of");
  if (!date) ThrowInvalid(v.list());
  return *date;
}

}  // namespace

void CaseQueries::FillStored(const std::string& type_name, const std::string& json,
                             assist::v1::Payload& out) const {
  const auto* type =
      google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(type_name);
  if (type == nullptr) {
    // The plugin is not loaded: the data is still the centre's, so return it as stored.
    out.set_type(type_name);
    out.set_json(json);
    return;
  }
  FillPayload(*FromStoredJson(json, *type), out);
}

assist::v1::CaseDetail CaseQueries::GetCase(Transaction& tx, const Identity& who,
                                            long long case_id) const {
  assist::v1::CaseDetail detail;
  *detail.mutable_case_() = LoadVisibleCase(tx, who, case_id);
  const LoadedPlugin* plugin = registry_.Find(detail.case_().type_id());
  auto [intake, plan, outcome] = FindLatestDocuments(tx, case_id);
  if (intake) FillStored(intake->type_name, intake->json, *detail.mutable_intake());
  if (plan) {
    auto* out = detail.mutable_plan();
    out->set_case_id(case_id);
    out->set_version(plan->version);
    out->set_submitted_by(plan->submitted_by);
    out->set_submitted_at(plan->submitted_at);
    FillStored(plan->type_name, plan->json, *out->mutable_plan());
    DescribeApproval(tx, plugin, detail.case_(), *out);
  }
  detail.set_plan_in_force_version(PlanInForce(tx, plugin, detail.case_()));
  if (outcome) FillStored(outcome->type_name, outcome->json, *detail.mutable_outcome());
  for (auto& assignment : AssignmentsOfCase(tx, who.centre_id, case_id)) {
    *detail.add_assignments() = std::move(assignment);
  }
  detail.set_work_ordered(plugin != nullptr && WorkOrdered(tx, *plugin, detail.case_()));
  for (auto& person : LoadCaseConsent(tx, detail.case_(), sdk::Today()).people) {
    *detail.add_consents() = std::move(person);
  }
  if (auto transfer = FindTransferIntoCase(tx, who.centre_id, case_id)) {
    auto* origin = detail.mutable_transferred_from();
    origin->set_transfer_id(transfer->transfer.id());
    origin->set_centre_id(transfer->transfer.from_centre_id());
    origin->set_case_id(transfer->transfer.case_id());
    origin->set_referred_on(transfer->origin_referred_on);
  }
  AppendAudit(tx, who, "GetCase", case_id, AuditAction::kRead, "case detail");
  return detail;
}

assist::v1::PlanVersion CaseQueries::GetPlan(Transaction& tx, const Identity& who,
                                             const assist::v1::GetPlanRequest& request) const {
  if (request.version() < 0) ThrowInvalid("version", "must not be negative", "nie może być ujemna");
  const Case c = LoadVisibleCase(tx, who, request.case_id());
  auto plan = FindDocument(tx, request.case_id(), DocumentKind::kPlan, request.version());
  if (!plan) {
    ThrowNotFound("plan version", std::to_string(request.version()) + " of case " +
                                      std::to_string(request.case_id()));
  }
  assist::v1::PlanVersion out;
  out.set_case_id(request.case_id());
  out.set_version(plan->version);
  out.set_submitted_by(plan->submitted_by);
  out.set_submitted_at(plan->submitted_at);
  FillStored(plan->type_name, plan->json, *out.mutable_plan());
  DescribeApproval(tx, registry_.Find(c.type_id()), c, out);
  AppendAudit(tx, who, "GetPlan", request.case_id(), AuditAction::kRead,
              "plan version " + std::to_string(plan->version));
  return out;
}

assist::v1::ListPlanVersionsResponse CaseQueries::ListPlanVersions(Transaction& tx,
                                                                   const Identity& who,
                                                                   long long case_id) const {
  const Case c = LoadVisibleCase(tx, who, case_id);
  assist::v1::ListPlanVersionsResponse response;
  for (const auto& plan : ListDocuments(tx, case_id, DocumentKind::kPlan)) {
    auto* out = response.add_versions();
    out->set_case_id(case_id);
    out->set_version(plan.version);
    out->set_submitted_by(plan.submitted_by);
    out->set_submitted_at(plan.submitted_at);
    FillStored(plan.type_name, plan.json, *out->mutable_plan());
  }
  DescribeApprovals(tx, registry_.Find(c.type_id()), c, *response.mutable_versions());
  AppendAudit(tx, who, "ListPlanVersions", case_id, AuditAction::kRead,
              std::to_string(response.versions_size()) + " plan versions");
  return response;
}

assist::v1::ListContactsResponse CaseQueries::ListContacts(
    Transaction& tx, const Identity& who, const assist::v1::ListContactsRequest& request) const {
  int limit = PageSize(request.page_size());
  long long after = IdFromPageToken(request.page_token());
  LoadVisibleCase(tx, who, request.case_id());
  long long case_id = request.case_id();
  std::vector<assist::v1::Contact> rows;
  for (auto& stored : ListContactRows(tx, case_id, after, FetchLimit(limit))) {
    auto* c = &rows.emplace_back(std::move(stored.contact));
    if (!stored.details_type.empty()) {
      FillStored(stored.details_type, stored.details_json, *c->mutable_details());
    }
  }
  auto page = MakePage(std::move(rows), limit, [](const auto& c) { return IdKey(c.id()); });
  assist::v1::ListContactsResponse response;
  for (auto& c : page.items) *response.add_contacts() = std::move(c);
  response.set_next_page_token(page.next_page_token);
  AppendAudit(tx, who, "ListContacts", case_id, AuditAction::kRead,
              std::to_string(response.contacts_size()) + " contacts");
  return response;
}

assist::v1::ListReviewsResponse CaseQueries::ListReviews(Transaction& tx, const Identity& who,
                                                         long long case_id) const {
  LoadVisibleCase(tx, who, case_id);
  assist::v1::ListReviewsResponse response;
  for (auto& stored : ListReviewRows(tx, case_id)) {
    auto* r = response.add_reviews();
    *r = std::move(stored.review);
    FillStored(stored.type_name, stored.json, *r->mutable_review());
  }
  AppendAudit(tx, who, "ListReviews", case_id, AuditAction::kRead,
              std::to_string(response.reviews_size()) + " reviews");
  return response;
}

assist::v1::ListCasesResponse CaseQueries::ListCases(
    Transaction& tx, const Identity& who, const assist::v1::ListCasesRequest& request) const {
  int limit = PageSize(request.page_size());
  long long after = IdFromPageToken(request.page_token());
  std::string as_of = sdk::FormatDate(AsOf(request.as_of()));
  sdk::Violations v;
  v.Require(assist::v1::CaseStatus_IsValid(request.status()), "status",
            "is not a known case status", "nie jest znanym statusem sprawy");
  CheckIdFilter(v, request.type_id(), "type_id", 64);
  CheckIdFilter(v, request.assistant_id(), "assistant_id");
  if (!v.empty()) ThrowInvalid(v.list());
  // An assistant lists only their own cases, whatever filter they ask for.
  std::string assistant =
      who.role == assist::v1::ROLE_ASSISTANT ? who.actor_id : request.assistant_id();
  CaseListFilter filter;
  filter.after_id = after;
  filter.type_id = request.type_id();
  filter.status = request.status();
  filter.assistant_id = assistant;
  if (request.review_overdue()) filter.overdue_as_of = as_of;
  filter.fetch = FetchLimit(limit);
  std::vector<Case> rows = ListCaseRows(tx, who.centre_id, filter);
  auto page = MakePage(std::move(rows), limit, [](const Case& c) { return IdKey(c.id()); });
  assist::v1::ListCasesResponse response;
  for (auto& c : page.items) *response.add_cases() = std::move(c);
  response.set_next_page_token(page.next_page_token);
  for (const Case& c : response.cases()) {
    AppendAudit(tx, who, "ListCases", c.id(), AuditAction::kRead, "case summary");
  }
  return response;
}

assist::v1::ListDueReviewsResponse CaseQueries::ListDueReviews(
    Transaction& tx, const Identity& who, const assist::v1::ListDueReviewsRequest& request) const {
  int limit = PageSize(request.page_size());
  if (request.within_days() < 0 || request.within_days() > 366) {
    ThrowInvalid("within_days", "must be between 0 and 366", "musi mieścić się między 0 a 366");
  }
  const sdk::Date as_of = AsOf(request.as_of());
  std::string horizon = sdk::FormatDate(sdk::AddDays(as_of, request.within_days()));
  // Keyset over (next_review_due, id): the token holds the last row's due date and id.
  const DueIdKey after = DueIdFromPageToken(request.page_token());
  std::string assistant = who.role == assist::v1::ROLE_ASSISTANT ? who.actor_id : "";
  DueCaseFilter filter;
  filter.horizon = horizon;
  filter.assistant_id = assistant;
  filter.after_due = after.due;
  filter.after_id = after.id;
  filter.fetch = FetchLimit(limit);
  std::vector<Case> rows = ListDueCaseRows(tx, who.centre_id, filter);
  auto page = MakePage(std::move(rows), limit,
                       [](const Case& c) { return MakeDueIdKey(c.next_review_due(), c.id()); });
  assist::v1::ListDueReviewsResponse response;
  response.set_next_page_token(page.next_page_token);
  for (auto& c : page.items) {
    auto* due = response.add_reviews();
    *due->mutable_case_() = std::move(c);
    due->set_due_on(due->case_().next_review_due());
    auto due_date = sdk::ParseDate(due->due_on());
    int late = due_date ? sdk::DaysBetween(*due_date, as_of) : 0;
    due->set_overdue(late > 0);
    due->set_days_overdue(late > 0 ? late : 0);
  }
  for (const auto& due : response.reviews()) {
    AppendAudit(tx, who, "ListDueReviews", due.case_().id(), AuditAction::kRead, "due review");
  }
  return response;
}

assist::v1::CaseDocument CaseQueries::RenderDocument(
    Transaction& tx, const Identity& who, const assist::v1::RenderDocumentRequest& request) const {
  return ::assist::host::RenderDocument(tx, who, registry_, centres_, request);
}

assist::v1::PersonDataExport CaseQueries::ExportPersonData(
    Transaction& tx, const Identity& who,
    const assist::v1::ExportPersonDataRequest& request) const {
  return ::assist::host::ExportPersonData(tx, who, request.person_id());
}

assist::v1::Statistics CaseQueries::GetStatistics(
    Transaction& tx, const Identity& who, const assist::v1::GetStatisticsRequest& request) const {
  return CentreStatistics(tx, who, registry_, request);
}

assist::v1::StatisticsReport CaseQueries::RenderStatisticsReport(
    Transaction& tx, const Identity& who,
    const assist::v1::RenderStatisticsReportRequest& request) const {
  const bool csv = request.format() == assist::v1::REPORT_FORMAT_CSV;
  if (!csv && request.format() != assist::v1::REPORT_FORMAT_TEXT) {
    ThrowInvalid("format", "must be REPORT_FORMAT_CSV or REPORT_FORMAT_TEXT",
                 "musi być REPORT_FORMAT_CSV albo REPORT_FORMAT_TEXT");
  }
  assist::v1::Statistics stats = StatisticsOf(tx, who, registry_, request.period());
  const std::string centre_name = CentreName(tx, who.centre_id);
  assist::v1::StatisticsReport report;
  report.set_centre_id(who.centre_id);
  report.set_period_from(stats.period_from());
  report.set_period_to(stats.period_to());
  report.set_format(request.format());
  report.set_title("Sprawozdanie z pracy asystentów: " + centre_name + ", " + stats.period_from() +
                   " - " + stats.period_to());
  report.set_text(csv ? StatisticsCsv(stats, centre_name, registry_)
                      : StatisticsText(stats, centre_name, registry_));
  report.set_generated_by(who.actor_id);
  report.set_generated_at(NowTimestamp());
  AppendAudit(tx, who, "RenderStatisticsReport", 0, AuditAction::kRead,
              "statistics report " + StatisticsPeriodText(request.period(), stats) +
                  (csv ? " csv" : " text"));
  return report;
}

}  // namespace assist::host
