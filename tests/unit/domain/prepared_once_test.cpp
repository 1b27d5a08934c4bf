// The frequent calls prepare their statements once per connection (db/statement_cache.hpp): run a
// second time on the same pooled connection, GetCase and RecordContact prepare nothing new.
// Preparing was 29-30 % of the host's CPU before the cache (issue 12); a statement written with
// tx.sql() << instead of tx.Prepared() would bring it back unnoticed, so this test names it.
#include <soci/soci.h>

#include <functional>
#include <sstream>
#include <string>

#include "domain/case_queries.hpp"
#include "domain/people.hpp"
#include "workflow_fixture.hpp"

namespace assist::host::testing {
namespace {

using namespace assist::v1;

class PreparedOnce : public WorkflowFixture {
 protected:
  // A family case (a parent and a child), consented and assigned: the path the benchmark's calls
  // take (bench/case_setup.cpp).
  void SetUp() override {
    SetUpWorkflow();
    CreateFamilyRequest f;
    f.set_name("Kowalscy");
    for (const char* birth : {"1980-05-17", "2015-02-03"}) {
      CreatePersonRequest p;
      p.set_given_name("Anna");
      p.set_family_name("Kowalska");
      p.set_birth_date(birth);
      auto* m = f.add_members();
      m->set_person_id(Do([&](Transaction& tx) { return CreatePerson(tx, worker_, p); }).id());
      m->set_relation(f.members_size() == 1 ? FAMILY_RELATION_PARENT : FAMILY_RELATION_CHILD);
    }
    const long long family = Do([&](Transaction& tx) { return CreateFamily(tx, worker_, f); }).id();
    OpenCaseRequest r;
    r.set_type_id("testplug");
    r.set_family_id(family);
    r.set_referral_reason("debts");
    case_id_ = Do([&](Transaction& tx) { return workflow_->OpenCase(tx, worker_, r); }).id();
    RecordConsentRequest consent;
    consent.set_case_id(case_id_);
    consent.set_decision(CONSENT_STATE_GIVEN);
    Do([&](Transaction& tx) { return workflow_->RecordConsent(tx, worker_, consent); });
    AssignAssistantRequest assign;
    assign.set_case_id(case_id_);
    assign.set_assistant_id("asia");
    Do([&](Transaction& tx) { return workflow_->AssignAssistant(tx, head_, assign); });
  }

  // What `work` prepares when run the second time, each time in a transaction of its own
  // (rolled back) on the same pooled connection (the pool leases its first free one).
  std::string PreparedOnRepeat(const std::function<void(Transaction&)>& work) {
    std::string prepared[2];
    for (std::string& log : prepared) {
      std::ostringstream stream;
      Transaction tx(*db_);
      tx.sql().set_log_stream(&stream);
      work(tx);
      tx.sql().set_log_stream(nullptr);
      log = stream.str();
    }
    // SOCI logs each statement it prepares; the first run must show some, or the log says nothing.
    EXPECT_NE(prepared[0], "");
    return prepared[1];
  }

  long long case_id_ = 0;
};

TEST_P(PreparedOnce, GetCasePreparesNothingTheSecondTime) {
  CaseQueries queries(*registry_, *centres_);
  EXPECT_EQ(PreparedOnRepeat([&](Transaction& tx) { queries.GetCase(tx, worker_, case_id_); }), "");
}

TEST_P(PreparedOnce, RecordContactPreparesNothingTheSecondTime) {
  RecordContactRequest r;
  r.set_case_id(case_id_);
  r.set_kind(CONTACT_KIND_HOME_VISIT);
  r.set_duration_minutes(30);
  EXPECT_EQ(PreparedOnRepeat([&](Transaction& tx) { workflow_->RecordContact(tx, worker_, r); }),
            "");
}

// One connection, so that the second run meets the statements the first one prepared.
INSTANTIATE_TEST_SUITE_P(Sqlite, PreparedOnce, ::testing::Values(sdk::Backend::kSqlite),
                         [](const auto&) { return std::string("sqlite"); });

}  // namespace
}  // namespace assist::host::testing
