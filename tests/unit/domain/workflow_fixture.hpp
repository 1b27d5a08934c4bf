#pragma once
// The fixture of the domain tests: a migrated database of the test's backend, the in-process
// plugin of test_plugin.hpp, the domain objects over them, and two centres ("north", "south")
// with that type enabled, and north's assistants "asia" and "basia" in its staff register.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "db/migrator.hpp"
#include "domain/case_workflow.hpp"
#include "domain/centres.hpp"
#include "store/staff_repository.hpp"
#include "test_plugin.hpp"
#include "test_support.hpp"

namespace assist::host::testing {

inline Identity As(const std::string& actor, const std::string& centre, assist::v1::Role role) {
  Identity who;
  who.actor_id = actor;
  who.centre_id = centre;
  who.role = role;
  who.request_id = "test";
  return who;
}

class WorkflowFixture : public ::testing::TestWithParam<sdk::Backend> {
 protected:
  // `f(tx)` in a transaction of its own, committed.
  template <typename F>
  auto Do(F f) {
    Transaction tx(*db_);
    auto result = f(tx);
    tx.Commit();
    return result;
  }

  // `retention_years` as the host's config has it; `plans_need_approval`: the type's plans are in
  // force only once the head approves them.
  void SetUpWorkflow(int retention_years = 10, bool plans_need_approval = false) {
    ASSIST_REQUIRE_BACKEND(GetParam());
    db_ = MakeCoreDatabase(dir_, GetParam());
    std::vector<std::unique_ptr<LoadedPlugin>> plugins;
    plugins.push_back(LoadStructPlugin(plans_need_approval));
    ApplyMigrations(*db_, "testplug", plugins[0]->plugin->Migrations());
    registry_ = std::make_unique<PluginRegistry>(std::move(plugins));
    centres_ = std::make_unique<Centres>(*registry_);
    workflow_ = std::make_unique<CaseWorkflow>(*registry_, *centres_, retention_years);
    for (const char* id : {"north", "south"}) {
      assist::v1::CreateCentreRequest c;
      c.set_id(id);
      c.set_name(std::string("Centre ") + id);
      c.set_municipality(id);
      c.add_enabled_types("testplug");
      Do([&](Transaction& tx) { return centres_->Create(tx, operator_, c); });
    }
    for (const char* login : {"asia", "basia"}) RegisterAssistant(login, "north");
  }

  // An active assistant of `centre`'s register serving `types`, straight into the tables.
  void RegisterAssistant(const std::string& login, const std::string& centre,
                         const std::vector<std::string>& types = {"testplug"}, bool active = true) {
    assist::v1::StaffMember m;
    m.set_centre_id(centre);
    m.set_login(login);
    m.set_full_name("Assistant " + login);
    m.set_function(assist::v1::STAFF_FUNCTION_ASSISTANT);
    for (const auto& type : types) m.add_type_ids(type);
    m.set_employment_form(assist::v1::EMPLOYMENT_FORM_EMPLOYMENT_CONTRACT);
    m.set_working_time_share(1.0);
    m.set_active(active);
    Do([&](Transaction& tx) {
      InsertStaffMember(tx, m, "2025-01-01T00:00:00Z");
      return 0;
    });
  }

  long long Count(const std::string& sql) {
    soci::session s(db_->pool());
    long long n = 0;
    s << sql, soci::into(n);
    return n;
  }

  void Exec(const std::string& sql) {
    soci::session s(db_->pool());
    s << sql;
  }

  std::string Text(const std::string& sql) {
    soci::session s(db_->pool());
    std::string text;
    s << sql, soci::into(text);
    return text;
  }

  TempDir dir_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<PluginRegistry> registry_;
  std::unique_ptr<Centres> centres_;
  std::unique_ptr<CaseWorkflow> workflow_;
  Identity operator_ = As("op", "", assist::v1::ROLE_OPERATOR);
  Identity head_ = As("head", "north", assist::v1::ROLE_HEAD);
  Identity worker_ = As("wanda", "north", assist::v1::ROLE_SOCIAL_WORKER);
  Identity south_worker_ = As("sam", "south", assist::v1::ROLE_SOCIAL_WORKER);
};

}  // namespace assist::host::testing
