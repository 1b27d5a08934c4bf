#include "homelessness_steps.hpp"

#include <gtest/gtest.h>

#include "case_steps.hpp"
#include "rpc_status.hpp"
#include "type_payloads.hpp"

namespace assist::it {

namespace v1 = assist::v1;

void NewHomelessnessCase(Client& client, const CentreStaff& staff, std::int64_t* case_id) {
  v1::CreatePersonRequest person;
  person.set_given_name("Marek");
  person.set_family_name("Zieliński");
  person.set_birth_date("1971-05-30");
  v1::Person created;
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::CreatePerson, person, &created)));
  v1::OpenCaseRequest open;
  open.set_type_id("homelessness");
  open.set_person_id(created.id());
  open.set_referral_reason("met by the streetworker at the railway station");
  v1::Case opened;
  ASSERT_TRUE(IsOk(client.Call(staff.worker, &Cases::OpenCase, open, &opened)));
  *case_id = opened.id();
  ASSERT_NO_FATAL_FAILURE(StartWork(client, staff, *case_id));
  v1::SubmitIntakeRequest intake;
  intake.set_case_id(*case_id);
  *intake.mutable_intake() = JsonPayload(homelessness::Payloads().intake);
  v1::Case with_intake;
  ASSERT_TRUE(IsOk(client.Call(staff.assistant, &Cases::SubmitIntake, intake, &with_intake)));
}

void SubmitProgramme(Client& client, const CentreStaff& staff, std::int64_t case_id,
                     v1::PlanVersion* saved) {
  v1::SubmitPlanRequest plan;
  plan.set_case_id(case_id);
  *plan.mutable_plan() = JsonPayload(homelessness::Payloads().plan);
  ASSERT_TRUE(IsOk(client.Call(staff.assistant, &Cases::SubmitPlan, plan, saved)));
}

}  // namespace assist::it
