#include "rpc/case_service.hpp"

#include "domain/people.hpp"
#include "domain/people_history.hpp"
#include "rpc/rpc_method.hpp"

namespace assist::host {

// Operations of the workflow, queries or transfers members, and free functions over people.
#define ASSIST_CASE_RPC(...) \
  ASSIST_RPC(CaseServiceImpl, ASSIST_COMMA(this, request, response), __VA_ARGS__)
#define ASSIST_PEOPLE_RPC(...) \
  ASSIST_RPC(CaseServiceImpl, ASSIST_COMMA(request, response), __VA_ARGS__)
// Reads: in a snapshot, their audit rows group-committed (CallRunner::RunRead).
#define ASSIST_CASE_READ(...) \
  ASSIST_READ_RPC(CaseServiceImpl, ASSIST_COMMA(this, request, response), __VA_ARGS__)
#define ASSIST_PEOPLE_READ(...) \
  ASSIST_READ_RPC(CaseServiceImpl, ASSIST_COMMA(request, response), __VA_ARGS__)

ASSIST_PEOPLE_RPC(CreatePerson, CreatePersonRequest, Person,
                  ::assist::host::CreatePerson(tx, who, *request))
ASSIST_PEOPLE_READ(GetPerson, GetPersonRequest, Person,
                   ::assist::host::GetPerson(tx, who, request->id()))
ASSIST_PEOPLE_RPC(CreateFamily, CreateFamilyRequest, Family,
                  ::assist::host::CreateFamily(tx, who, *request))
ASSIST_PEOPLE_READ(GetFamily, GetFamilyRequest, Family,
                   ::assist::host::GetFamily(tx, who, request->id()))
ASSIST_PEOPLE_RPC(UpdatePerson, UpdatePersonRequest, Person,
                  ::assist::host::UpdatePerson(tx, who, *request))
ASSIST_PEOPLE_RPC(UpdateFamily, UpdateFamilyRequest, Family,
                  ::assist::host::UpdateFamily(tx, who, *request))
ASSIST_CASE_RPC(OpenCase, OpenCaseRequest, Case, workflow_.OpenCase(tx, who, *request))
ASSIST_CASE_RPC(AssignAssistant, AssignAssistantRequest, Case,
                workflow_.AssignAssistant(tx, who, *request))
ASSIST_CASE_RPC(EndAssignment, EndAssignmentRequest, Case,
                workflow_.EndAssignment(tx, who, *request))
ASSIST_CASE_RPC(RecordConsent, RecordConsentRequest, Case,
                workflow_.RecordConsent(tx, who, *request))
ASSIST_CASE_RPC(SubmitIntake, SubmitIntakeRequest, Case, workflow_.SubmitIntake(tx, who, *request))
ASSIST_CASE_RPC(SubmitPlan, SubmitPlanRequest, PlanVersion, workflow_.SubmitPlan(tx, who, *request))
ASSIST_CASE_RPC(ApprovePlan, ApprovePlanRequest, PlanVersion,
                workflow_.ApprovePlan(tx, who, *request))
ASSIST_CASE_READ(GetPlan, GetPlanRequest, PlanVersion, queries_.GetPlan(tx, who, *request))
ASSIST_CASE_READ(ListPlanVersions, ListPlanVersionsRequest, ListPlanVersionsResponse,
                 queries_.ListPlanVersions(tx, who, request->case_id()))
ASSIST_CASE_RPC(RecordContact, RecordContactRequest, Contact,
                workflow_.RecordContact(tx, who, *request))
ASSIST_CASE_READ(ListContacts, ListContactsRequest, ListContactsResponse,
                 queries_.ListContacts(tx, who, *request))
ASSIST_CASE_RPC(RecordReview, RecordReviewRequest, Review,
                workflow_.RecordReview(tx, who, *request))
ASSIST_CASE_READ(ListReviews, ListReviewsRequest, ListReviewsResponse,
                 queries_.ListReviews(tx, who, request->case_id()))
ASSIST_CASE_RPC(CloseCase, CloseCaseRequest, Case, workflow_.CloseCase(tx, who, *request))
ASSIST_CASE_RPC(StartMonitoring, StartMonitoringRequest, Case,
                workflow_.StartMonitoring(tx, who, *request))
ASSIST_CASE_RPC(EndMonitoring, EndMonitoringRequest, Case,
                workflow_.EndMonitoring(tx, who, *request))
ASSIST_CASE_READ(GetCase, GetCaseRequest, CaseDetail, queries_.GetCase(tx, who, request->case_id()))
ASSIST_CASE_READ(ListCases, ListCasesRequest, ListCasesResponse,
                 queries_.ListCases(tx, who, *request))
ASSIST_CASE_READ(ListDueReviews, ListDueReviewsRequest, ListDueReviewsResponse,
                 queries_.ListDueReviews(tx, who, *request))
ASSIST_CASE_READ(RenderDocument, RenderDocumentRequest, CaseDocument,
                 queries_.RenderDocument(tx, who, *request))
ASSIST_CASE_READ(GetStatistics, GetStatisticsRequest, Statistics,
                 queries_.GetStatistics(tx, who, *request))
ASSIST_CASE_READ(RenderStatisticsReport, RenderStatisticsReportRequest, StatisticsReport,
                 queries_.RenderStatisticsReport(tx, who, *request))
ASSIST_CASE_READ(ExportPersonData, ExportPersonDataRequest, PersonDataExport,
                 queries_.ExportPersonData(tx, who, *request))
ASSIST_CASE_RPC(ApplyRetention, ApplyRetentionRequest, ApplyRetentionResponse,
                workflow_.ApplyRetention(tx, who, *request))
ASSIST_CASE_RPC(TransferCase, TransferCaseRequest, CaseTransfer,
                transfers_.TransferCase(tx, who, *request))
ASSIST_CASE_READ(ListTransfers, ListTransfersRequest, ListTransfersResponse,
                 transfers_.ListTransfers(tx, who, *request))
ASSIST_CASE_RPC(AcceptTransfer, AcceptTransferRequest, CaseTransfer,
                transfers_.AcceptTransfer(tx, who, *request))
ASSIST_CASE_RPC(DeclineTransfer, DeclineTransferRequest, CaseTransfer,
                transfers_.DeclineTransfer(tx, who, *request))
ASSIST_CASE_RPC(CancelTransfer, CancelTransferRequest, CaseTransfer,
                transfers_.CancelTransfer(tx, who, *request))

ASSIST_CASE_RPC(RecordOutreachContact, RecordOutreachContactRequest, OutreachContact,
                workflow_.outreach().Record(tx, who, *request))
ASSIST_CASE_READ(ListOutreachContacts, ListOutreachContactsRequest, ListOutreachContactsResponse,
                 workflow_.outreach().List(tx, who, *request))
ASSIST_CASE_RPC(LinkOutreachContacts, LinkOutreachContactsRequest, LinkOutreachContactsResponse,
                workflow_.outreach().Link(tx, who, *request))

#undef ASSIST_PEOPLE_READ
#undef ASSIST_CASE_READ
#undef ASSIST_PEOPLE_RPC
#undef ASSIST_CASE_RPC

}  // namespace assist::host
