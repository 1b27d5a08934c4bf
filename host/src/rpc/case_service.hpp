#pragma once
#include "assist/v1/cases.grpc.pb.h"
#include "domain/case_queries.hpp"
#include "domain/case_transfers.hpp"
#include "domain/case_workflow.hpp"
#include "rpc/call_runner.hpp"

namespace assist::host {

// Thin gRPC face of the case lifecycle: each RPC hands its request to CaseWorkflow (changes) or
// CaseQueries (reads) through the CallRunner, which authenticates, authorizes and transacts.
class CaseServiceImpl final : public assist::v1::CaseService::CallbackService {
 public:
  CaseServiceImpl(CallRunner& calls, const CaseWorkflow& workflow, const CaseQueries& queries,
                  const CaseTransfers& transfers)
      : calls_(calls), workflow_(workflow), queries_(queries), transfers_(transfers) {}

  grpc::ServerUnaryReactor* CreatePerson(grpc::CallbackServerContext* context,
                                         const assist::v1::CreatePersonRequest* request,
                                         assist::v1::Person* response) override;
  grpc::ServerUnaryReactor* GetPerson(grpc::CallbackServerContext* context,
                                      const assist::v1::GetPersonRequest* request,
                                      assist::v1::Person* response) override;
  grpc::ServerUnaryReactor* CreateFamily(grpc::CallbackServerContext* context,
                                         const assist::v1::CreateFamilyRequest* request,
                                         assist::v1::Family* response) override;
  grpc::ServerUnaryReactor* GetFamily(grpc::CallbackServerContext* context,
                                      const assist::v1::GetFamilyRequest* request,
                                      assist::v1::Family* response) override;
  grpc::ServerUnaryReactor* UpdatePerson(grpc::CallbackServerContext* context,
                                         const assist::v1::UpdatePersonRequest* request,
                                         assist::v1::Person* response) override;
  grpc::ServerUnaryReactor* UpdateFamily(grpc::CallbackServerContext* context,
                                         const assist::v1::UpdateFamilyRequest* request,
                                         assist::v1::Family* response) override;
  grpc::ServerUnaryReactor* OpenCase(grpc::CallbackServerContext* context,
                                     const assist::v1::OpenCaseRequest* request,
                                     assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* AssignAssistant(grpc::CallbackServerContext* context,
                                            const assist::v1::AssignAssistantRequest* request,
                                            assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* EndAssignment(grpc::CallbackServerContext* context,
                                          const assist::v1::EndAssignmentRequest* request,
                                          assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* RecordConsent(grpc::CallbackServerContext* context,
                                          const assist::v1::RecordConsentRequest* request,
                                          assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* SubmitIntake(grpc::CallbackServerContext* context,
                                         const assist::v1::SubmitIntakeRequest* request,
                                         assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* SubmitPlan(grpc::CallbackServerContext* context,
                                       const assist::v1::SubmitPlanRequest* request,
                                       assist::v1::PlanVersion* response) override;
  grpc::ServerUnaryReactor* ApprovePlan(grpc::CallbackServerContext* context,
                                        const assist::v1::ApprovePlanRequest* request,
                                        assist::v1::PlanVersion* response) override;
  grpc::ServerUnaryReactor* GetPlan(grpc::CallbackServerContext* context,
                                    const assist::v1::GetPlanRequest* request,
                                    assist::v1::PlanVersion* response) override;
  grpc::ServerUnaryReactor* ListPlanVersions(
      grpc::CallbackServerContext* context, const assist::v1::ListPlanVersionsRequest* request,
      assist::v1::ListPlanVersionsResponse* response) override;
  grpc::ServerUnaryReactor* RecordContact(grpc::CallbackServerContext* context,
                                          const assist::v1::RecordContactRequest* request,
                                          assist::v1::Contact* response) override;
  grpc::ServerUnaryReactor* ListContacts(grpc::CallbackServerContext* context,
                                         const assist::v1::ListContactsRequest* request,
                                         assist::v1::ListContactsResponse* response) override;
  grpc::ServerUnaryReactor* RecordReview(grpc::CallbackServerContext* context,
                                         const assist::v1::RecordReviewRequest* request,
                                         assist::v1::Review* response) override;
  grpc::ServerUnaryReactor* ListReviews(grpc::CallbackServerContext* context,
                                        const assist::v1::ListReviewsRequest* request,
                                        assist::v1::ListReviewsResponse* response) override;
  grpc::ServerUnaryReactor* CloseCase(grpc::CallbackServerContext* context,
                                      const assist::v1::CloseCaseRequest* request,
                                      assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* StartMonitoring(grpc::CallbackServerContext* context,
                                            const assist::v1::StartMonitoringRequest* request,
                                            assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* EndMonitoring(grpc::CallbackServerContext* context,
                                          const assist::v1::EndMonitoringRequest* request,
                                          assist::v1::Case* response) override;
  grpc::ServerUnaryReactor* GetCase(grpc::CallbackServerContext* context,
                                    const assist::v1::GetCaseRequest* request,
                                    assist::v1::CaseDetail* response) override;
  grpc::ServerUnaryReactor* ListCases(grpc::CallbackServerContext* context,
                                      const assist::v1::ListCasesRequest* request,
                                      assist::v1::ListCasesResponse* response) override;
  grpc::ServerUnaryReactor* ListDueReviews(grpc::CallbackServerContext* context,
                                           const assist::v1::ListDueReviewsRequest* request,
                                           assist::v1::ListDueReviewsResponse* response) override;
  grpc::ServerUnaryReactor* RenderDocument(grpc::CallbackServerContext* context,
                                           const assist::v1::RenderDocumentRequest* request,
                                           assist::v1::CaseDocument* response) override;
  grpc::ServerUnaryReactor* GetStatistics(grpc::CallbackServerContext* context,
                                          const assist::v1::GetStatisticsRequest* request,
                                          assist::v1::Statistics* response) override;
  grpc::ServerUnaryReactor* RenderStatisticsReport(
      grpc::CallbackServerContext* context,
      const assist::v1::RenderStatisticsReportRequest* request,
      assist::v1::StatisticsReport* response) override;
  grpc::ServerUnaryReactor* ExportPersonData(grpc::CallbackServerContext* context,
                                             const assist::v1::ExportPersonDataRequest* request,
                                             assist::v1::PersonDataExport* response) override;
  grpc::ServerUnaryReactor* ApplyRetention(grpc::CallbackServerContext* context,
                                           const assist::v1::ApplyRetentionRequest* request,
                                           assist::v1::ApplyRetentionResponse* response) override;
  grpc::ServerUnaryReactor* TransferCase(grpc::CallbackServerContext* context,
                                         const assist::v1::TransferCaseRequest* request,
                                         assist::v1::CaseTransfer* response) override;
  grpc::ServerUnaryReactor* ListTransfers(grpc::CallbackServerContext* context,
                                          const assist::v1::ListTransfersRequest* request,
                                          assist::v1::ListTransfersResponse* response) override;
  grpc::ServerUnaryReactor* AcceptTransfer(grpc::CallbackServerContext* context,
                                           const assist::v1::AcceptTransferRequest* request,
                                           assist::v1::CaseTransfer* response) override;
  grpc::ServerUnaryReactor* DeclineTransfer(grpc::CallbackServerContext* context,
                                            const assist::v1::DeclineTransferRequest* request,
                                            assist::v1::CaseTransfer* response) override;
  grpc::ServerUnaryReactor* CancelTransfer(grpc::CallbackServerContext* context,
                                           const assist::v1::CancelTransferRequest* request,
                                           assist::v1::CaseTransfer* response) override;

  grpc::ServerUnaryReactor* RecordOutreachContact(
      grpc::CallbackServerContext* context, const assist::v1::RecordOutreachContactRequest* request,
      assist::v1::OutreachContact* response) override;
  grpc::ServerUnaryReactor* ListOutreachContacts(
      grpc::CallbackServerContext* context, const assist::v1::ListOutreachContactsRequest* request,
      assist::v1::ListOutreachContactsResponse* response) override;
  grpc::ServerUnaryReactor* LinkOutreachContacts(
      grpc::CallbackServerContext* context, const assist::v1::LinkOutreachContactsRequest* request,
      assist::v1::LinkOutreachContactsResponse* response) override;

 private:
  CallRunner& calls_;
  const CaseWorkflow& workflow_;
  const CaseQueries& queries_;
  const CaseTransfers& transfers_;
};

}  // namespace assist::host
