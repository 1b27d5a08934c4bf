// GetStatistics for a half-year and any range of days, with the family-support report's
// breakdowns, checked against family cases created at chosen dates inside and outside the period.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "case_steps.hpp"
#include "family_payloads.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

// The dates of one family case; empty: the step is not taken.
struct Dates {
  std::string referred_on;
  std::string work_started_on;  // assistant assigned and consent given that day
  std::string closed_on;
};

class PeriodReportTest : public HostTest {
 protected:
  const CentreStaff& staff_ = Sopot();

  // A family of one parent and `children` children, its case referred, started and closed on
  // the days given; returns the case id.
  std::int64_t FamilyCase(const std::string& name, int children, const Dates& dates) {
    v1::CreateFamilyRequest family;
    family.set_name("Rodzina " + name);
    for (int i = 0; i <= children; ++i) {
      v1::CreatePersonRequest person;
      person.set_given_name(i == 0 ? "Ewa" : "Dziecko" + std::to_string(i));
      person.set_family_name(name);
      person.set_birth_date(i == 0 ? "1985-03-02" : "201" + std::to_string(i) + "-05-05");
      v1::Person created;
      EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CreatePerson, person, &created)));
      auto* member = family.add_members();
      member->set_person_id(created.id());
      member->set_relation(i == 0 ? v1::FAMILY_RELATION_PARENT : v1::FAMILY_RELATION_CHILD);
    }
    v1::Family created;
    EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CreateFamily, family, &created)));
    v1::OpenCaseRequest open;
    open.set_type_id("family");
    open.set_family_id(created.id());
    open.set_referral_reason("parenting difficulties");
    open.set_referred_on(dates.referred_on);
    v1::Case c;
    EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::OpenCase, open, &c)));
    if (!dates.work_started_on.empty()) {
      v1::AssignAssistantRequest assign;
      assign.set_case_id(c.id());
      assign.set_assistant_id(std::string(staff_.assistant.actor_id));
      assign.set_assigned_on(dates.work_started_on);
      EXPECT_TRUE(IsOk(client().Call(staff_.head, &Cases::AssignAssistant, assign, &c)));
      v1::RecordConsentRequest consent;
      consent.set_case_id(c.id());
      consent.set_decision(v1::CONSENT_STATE_GIVEN);
      consent.set_decided_on(dates.work_started_on);
      EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::RecordConsent, consent, &c)));
      EXPECT_EQ(c.work_started_on(), dates.work_started_on);
    }
    if (!dates.closed_on.empty()) {
      v1::CloseCaseRequest close;
      close.set_case_id(c.id());
      close.set_reason(v1::CLOSURE_REASON_NO_COOPERATION);
      close.set_closed_on(dates.closed_on);
      EXPECT_TRUE(IsOk(client().Call(staff_.worker, &Cases::CloseCase, close, &c)));
    }
    return c.id();
  }

  // An intake whose legal basis is a court order (the family plugin's "court_ordered" flag).
  void CourtOrderedIntake(std::int64_t case_id) {
    std::string intake = family::IntakeJson();
    const std::string consent = R"("legalBasis": "LEGAL_BASIS_FAMILY_CONSENT")";
    intake.replace(intake.find(consent), consent.size(),
                   R"("legalBasis": "LEGAL_BASIS_COURT_ORDER", "courtOrder": {"reference":
                   "III Nsm 120/23", "issuedOn": "2023-09-20", "court": "Sąd Rejonowy w Sopocie"})");
    v1::SubmitIntakeRequest request;
    request.set_case_id(case_id);
    *request.mutable_intake() = JsonPayload(intake);
    v1::Case updated;
    ASSERT_TRUE(IsOk(client().Call(staff_.assistant, &Cases::SubmitIntake, request, &updated)));
  }

  void CreateTheCases() {
    // Inside the first half of 2024, each in one bucket of the length of work:
    FamilyCase("Adamczyk", 1, {"2024-01-10", "2024-02-01", "2024-03-15"});             // < 3 months
    std::int64_t court = FamilyCase("Borowski", 2, {"2023-09-01", "2023-10-01", ""});  // 3-12 m.
    ASSERT_NO_FATAL_FAILURE(CourtOrderedIntake(court));
    FamilyCase("Cieślak", 1, {"2023-02-01", "2023-03-01", "2024-08-01"});  // 1-2 years at 30 June
    FamilyCase("Dudek", 0, {"2021-01-01", "2021-02-01", ""});              // over 2 years
    FamilyCase("Górski", 1, {"2024-05-01", "", ""});                       // no work yet
    // Outside it: referred after it, and closed before it.
    FamilyCase("Ernst", 3, {"2024-07-15", "2024-07-20", ""});
    FamilyCase("Filipek", 2, {"2023-01-01", "2023-01-10", "2023-12-31"});
  }

  v1::TypeStatistics FamilyFigures(const v1::GetStatisticsRequest& request, v1::Statistics* stats) {
    EXPECT_TRUE(IsOk(client().Call(staff_.head, &Cases::GetStatistics, request, stats)));
    for (const auto& t : stats->types()) {
      if (t.type_id() == "family") return t;
    }
    ADD_FAILURE() << "no family figures: " << stats->DebugString();
    return {};
  }
};

TEST_P(PeriodReportTest, FirstHalfOfTheYearCountsWhatWasCreatedInIt) {
  ASSERT_NO_FATAL_FAILURE(CreateTheCases());
  v1::GetStatisticsRequest request;
  request.set_year(2024);
  request.set_period(v1::STATISTICS_PERIOD_FIRST_HALF);
  v1::Statistics stats;
  v1::TypeStatistics f = FamilyFigures(request, &stats);
  EXPECT_EQ(stats.period_from(), "2024-01-01");
  EXPECT_EQ(stats.period_to(), "2024-06-30");
  EXPECT_EQ(stats.year(), 2024);
  EXPECT_EQ(f.cases_served(), 5);  // Adamczyk, Borowski, Cieślak, Dudek, Górski
  EXPECT_EQ(f.families_served(), 5);
  EXPECT_EQ(f.cases_opened(), 2);      // Adamczyk, Górski
  EXPECT_EQ(f.cases_closed(), 1);      // Adamczyk
  EXPECT_EQ(f.open_at_year_end(), 4);  // at 30 June; Cieślak closed in August
  EXPECT_EQ(f.assistants(), 1);
  ASSERT_EQ(f.assistants_by_employment_size(), 1);
  EXPECT_EQ(f.assistants_by_employment(0).employment_form(),
            v1::EMPLOYMENT_FORM_EMPLOYMENT_CONTRACT);
  EXPECT_EQ(f.assistants_by_employment(0).assistants(), 1);
  EXPECT_EQ(f.children_served(), 5);  // 1 + 2 + 1 + 0 + 1
  EXPECT_EQ(f.work_lengths().under_3_months(), 1);
  EXPECT_EQ(f.work_lengths().from_3_to_12_months(), 1);
  EXPECT_EQ(f.work_lengths().from_1_to_2_years(), 1);
  EXPECT_EQ(f.work_lengths().over_2_years(), 1);
  ASSERT_EQ(f.flags_size(), 1) << f.DebugString();
  EXPECT_EQ(f.flags(0).code(), "court_ordered");
  EXPECT_EQ(f.flags(0).cases(), 1);
  EXPECT_EQ(f.flags(0).families(), 1);
  EXPECT_FALSE(f.flags(0).label_pl().empty());
  ASSERT_EQ(f.closures_size(), 1);
  EXPECT_EQ(f.closures(0).reason(), v1::CLOSURE_REASON_NO_COOPERATION);

  // The same days as a range give the same figures.
  v1::GetStatisticsRequest range;
  range.set_from("2024-01-01");
  range.set_to("2024-06-30");
  v1::Statistics by_range;
  v1::TypeStatistics g = FamilyFigures(range, &by_range);
  EXPECT_EQ(by_range.year(), 0);
  EXPECT_EQ(g.SerializeAsString(), f.SerializeAsString());

  // The second half: Ernst referred, Cieślak closed; Adamczyk no longer served.
  request.set_period(v1::STATISTICS_PERIOD_SECOND_HALF);
  v1::TypeStatistics h2 = FamilyFigures(request, &stats);
  EXPECT_EQ(stats.period_from(), "2024-07-01");
  EXPECT_EQ(stats.period_to(), "2024-12-31");
  EXPECT_EQ(h2.cases_served(), 5);  // Borowski, Cieślak, Dudek, Górski, Ernst
  EXPECT_EQ(h2.children_served(), 2 + 1 + 0 + 1 + 3);
  // At 31 December: Ernst 5 months, Borowski 15 months, Cieślak (closed 1 August) 17 months,
  // Dudek nearly 4 years.
  EXPECT_EQ(h2.work_lengths().under_3_months(), 0);
  EXPECT_EQ(h2.work_lengths().from_3_to_12_months(), 1);
  EXPECT_EQ(h2.work_lengths().from_1_to_2_years(), 2);
  EXPECT_EQ(h2.work_lengths().over_2_years(), 1);
}

TEST_P(PeriodReportTest, TheYearlyRequestKeepsItsAnswerAndAddsThePeriod) {
  ASSERT_NO_FATAL_FAILURE(CreateTheCases());
  v1::GetStatisticsRequest request;
  request.set_year(2024);
  v1::Statistics stats;
  v1::TypeStatistics f = FamilyFigures(request, &stats);
  EXPECT_EQ(stats.period_from(), "2024-01-01");
  EXPECT_EQ(stats.period_to(), "2024-12-31");
  EXPECT_EQ(f.cases_served(), 6);  // all but Filipek, closed on the last day of 2023
  request.set_period(v1::STATISTICS_PERIOD_YEAR);
  v1::Statistics same;
  EXPECT_EQ(FamilyFigures(request, &same).SerializeAsString(), f.SerializeAsString());
}

// The report's assistants by form of employment: a co-assistant on a civil contract joins the
// assistant employed by the centre in the second half.
TEST_P(PeriodReportTest, AssistantsAreCountedByTheirFormOfEmployment) {
  ASSERT_NO_FATAL_FAILURE(CreateTheCases());
  v1::GetStaffMemberRequest get;
  get.set_login(std::string(staff_.other_assistant.actor_id));
  v1::StaffMember member;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Staff::GetStaffMember, get, &member)));
  member.set_employment_form(v1::EMPLOYMENT_FORM_CIVIL_CONTRACT);
  v1::UpdateStaffMemberRequest update;
  *update.mutable_member() = member;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Staff::UpdateStaffMember, update, &member)));
  std::int64_t helped = FamilyCase("Hajduk", 1, {"2024-08-01", "2024-08-05", ""});
  v1::AssignAssistantRequest co;
  co.set_case_id(helped);
  co.set_assistant_id(std::string(staff_.other_assistant.actor_id));
  co.set_role(v1::ASSIGNMENT_ROLE_CO_ASSISTANT);
  co.set_assigned_on("2024-09-01");
  v1::Case with_co;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::AssignAssistant, co, &with_co)));

  v1::GetStatisticsRequest request;
  request.set_year(2024);
  request.set_period(v1::STATISTICS_PERIOD_SECOND_HALF);
  v1::Statistics stats;
  const v1::TypeStatistics h2 = FamilyFigures(request, &stats);
  EXPECT_EQ(h2.assistants(), 2);
  ASSERT_EQ(h2.assistants_by_employment_size(), 2) << h2.DebugString();
  EXPECT_EQ(h2.assistants_by_employment(0).employment_form(),
            v1::EMPLOYMENT_FORM_EMPLOYMENT_CONTRACT);
  EXPECT_EQ(h2.assistants_by_employment(0).assistants(), 1);
  EXPECT_EQ(h2.assistants_by_employment(1).employment_form(), v1::EMPLOYMENT_FORM_CIVIL_CONTRACT);
  EXPECT_EQ(h2.assistants_by_employment(1).assistants(), 1);
  request.set_period(v1::STATISTICS_PERIOD_FIRST_HALF);
  EXPECT_EQ(FamilyFigures(request, &stats).assistants_by_employment_size(), 1);

  v1::RenderStatisticsReportRequest render;
  render.mutable_period()->set_year(2024);
  render.mutable_period()->set_period(v1::STATISTICS_PERIOD_SECOND_HALF);
  render.set_format(v1::REPORT_FORMAT_TEXT);
  v1::StatisticsReport report;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::RenderStatisticsReport, render, &report)));
  EXPECT_NE(report.text().find("Asystenci: umowa zlecenie: 1"), std::string::npos) << report.text();
}

TEST_P(PeriodReportTest, BadRangesAreRefusedFieldByField) {
  struct Bad {
    int year;
    v1::StatisticsPeriod period;
    std::string from, to;
    std::vector<std::string> fields;
  };
  const std::vector<Bad> cases = {
      {0, v1::STATISTICS_PERIOD_UNSPECIFIED, "2024-07-01", "2024-06-30", {"to"}},
      {0, v1::STATISTICS_PERIOD_UNSPECIFIED, "2024-02-30", "2024-06-30", {"from"}},
      {0, v1::STATISTICS_PERIOD_UNSPECIFIED, "2024-01-01", "", {"to"}},
      {0, v1::STATISTICS_PERIOD_UNSPECIFIED, "", "30.06.2024", {"from", "to"}},
      {2024, v1::STATISTICS_PERIOD_FIRST_HALF, "2024-01-01", "2024-06-30", {"year", "period"}},
      {0, v1::STATISTICS_PERIOD_UNSPECIFIED, "1999-12-01", "2024-06-30", {"from"}},
      {2024, static_cast<v1::StatisticsPeriod>(9), "", "", {"period"}},
      {1999, v1::STATISTICS_PERIOD_FIRST_HALF, "", "", {"year"}},
  };
  for (const Bad& bad : cases) {
    v1::GetStatisticsRequest request;
    request.set_year(bad.year);
    request.set_period(bad.period);
    request.set_from(bad.from);
    request.set_to(bad.to);
    v1::Statistics ignored;
    grpc::Status status = client().Call(staff_.head, &Cases::GetStatistics, request, &ignored);
    EXPECT_TRUE(HasCode(status, grpc::StatusCode::INVALID_ARGUMENT)) << request.DebugString();
    EXPECT_EQ(ViolatedFields(status), bad.fields) << Describe(status);
  }
}

TEST_P(PeriodReportTest, TheHalfYearReportRendersAsCsvAndText) {
  ASSERT_NO_FATAL_FAILURE(CreateTheCases());
  v1::RenderStatisticsReportRequest request;
  request.mutable_period()->set_year(2024);
  request.mutable_period()->set_period(v1::STATISTICS_PERIOD_FIRST_HALF);
  request.set_format(v1::REPORT_FORMAT_CSV);
  v1::StatisticsReport csv;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::RenderStatisticsReport, request, &csv)));
  EXPECT_EQ(csv.format(), v1::REPORT_FORMAT_CSV);
  EXPECT_EQ(csv.period_from(), "2024-01-01");
  EXPECT_EQ(csv.period_to(), "2024-06-30");
  EXPECT_EQ(csv.centre_id(), staff_.head.centre_id);
  EXPECT_EQ(csv.text().rfind("Ośrodek,Okres od,Okres do,Rodzaj asysty,Pozycja,Wartość\r\n", 0), 0u)
      << csv.text();
  for (const std::string row :
       {"Sprawy prowadzone w okresie,5", "Sprawy rozpoczęte w okresie,2",
        "Dzieci w rodzinach objętych wsparciem,5", "Czas pracy z asystentem: do 3 miesięcy,1",
        "Czas pracy z asystentem: od 3 do 12 miesięcy,1",
        "Czas pracy z asystentem: od 1 roku do 2 lat,1", "Czas pracy z asystentem: powyżej 2 lat,1",
        "Rodziny zobowiązane przez sąd do pracy z asystentem: rodziny,1",
        "Zakończenie: brak współpracy,1"}) {
    EXPECT_NE(csv.text().find(",2024-01-01,2024-06-30,Asystent rodziny," + row + "\r\n"),
              std::string::npos)
        << row << "\n"
        << csv.text();
  }

  request.set_format(v1::REPORT_FORMAT_TEXT);
  v1::StatisticsReport text;
  ASSERT_TRUE(IsOk(client().Call(staff_.head, &Cases::RenderStatisticsReport, request, &text)));
  for (const std::string line :
       {"SPRAWOZDANIE Z PRACY ASYSTENTÓW\n", "Okres sprawozdawczy: od 2024-01-01 do 2024-06-30\n",
        "\nAsystent rodziny\n", "  Sprawy prowadzone w okresie: 5\n",
        "  Czas pracy z asystentem: powyżej 2 lat: 1\n"}) {
    EXPECT_NE(text.text().find(line), std::string::npos) << line << text.text();
  }

  request.set_format(v1::REPORT_FORMAT_UNSPECIFIED);
  grpc::Status no_format =
      client().Call(staff_.head, &Cases::RenderStatisticsReport, request, &text);
  EXPECT_EQ(ViolatedFields(no_format), std::vector<std::string>{"format"}) << Describe(no_format);
  request.set_format(v1::REPORT_FORMAT_CSV);
  request.mutable_period()->set_from("2024-07-01");
  request.mutable_period()->set_to("2024-06-30");
  request.mutable_period()->clear_year();
  request.mutable_period()->clear_period();
  grpc::Status reversed =
      client().Call(staff_.head, &Cases::RenderStatisticsReport, request, &text);
  EXPECT_EQ(ViolatedFields(reversed), std::vector<std::string>{"to"}) << Describe(reversed);
  EXPECT_TRUE(HasCode(client().Call(staff_.worker, &Cases::RenderStatisticsReport, request, &text),
                      grpc::StatusCode::PERMISSION_DENIED));
}

INSTANTIATE_BACKENDS(PeriodReportTest);

}  // namespace
}  // namespace assist::it
