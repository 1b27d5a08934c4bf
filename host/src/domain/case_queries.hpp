#pragma once
// Reads of cases. Each is scoped by the caller's centre (and for an assistant, by assignment) in
// the query itself, and leaves one audit row per case it returns.
#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"
#include "domain/centres.hpp"
#include "plugins/plugin_registry.hpp"

namespace assist::host {

class CaseQueries {
 public:
  CaseQueries(const PluginRegistry& registry, const Centres& centres)
      : registry_(registry), centres_(centres) {}

  assist::v1::CaseDetail GetCase(Transaction& tx, const Identity& who, long long case_id) const;
  assist::v1::PlanVersion GetPlan(Transaction& tx, const Identity& who,
                                  const assist::v1::GetPlanRequest& request) const;
  assist::v1::ListPlanVersionsResponse ListPlanVersions(Transaction& tx, const Identity& who,
                                                        long long case_id) const;
  assist::v1::ListContactsResponse ListContacts(
      Transaction& tx, const Identity& who, const assist::v1::ListContactsRequest& request) const;
  assist::v1::ListReviewsResponse ListReviews(Transaction& tx, const Identity& who,
                                              long long case_id) const;
  assist::v1::ListCasesResponse ListCases(Transaction& tx, const Identity& who,
                                          const assist::v1::ListCasesRequest& request) const;
  assist::v1::ListDueReviewsResponse ListDueReviews(
      Transaction& tx, const Identity& who, const assist::v1::ListDueReviewsRequest& request) const;
  assist::v1::CaseDocument RenderDocument(Transaction& tx, const Identity& who,
                                          const assist::v1::RenderDocumentRequest& request) const;
  assist::v1::PersonDataExport ExportPersonData(
      Transaction& tx, const Identity& who,
      const assist::v1::ExportPersonDataRequest& request) const;
  assist::v1::Statistics GetStatistics(Transaction& tx, const Identity& who,
                                       const assist::v1::GetStatisticsRequest& request) const;
  assist::v1::StatisticsReport RenderStatisticsReport(
      Transaction& tx, const Identity& who,
      const assist::v1::RenderStatisticsReportRequest& request) const;

 private:
  // A stored payload as a response Payload, read with the plugin's type when it is loaded.
  void FillStored(const std::string& type_name, const std::string& json,
                  assist::v1::Payload& out) const;

  const PluginRegistry& registry_;
  const Centres& centres_;
};

}  // namespace assist::host
