#pragma once
// An in-process assistance type for the host's domain tests. Its payloads are
// google.protobuf.Struct, so tests write them as plain JSON:
//   intake   needs "household" (string)
//   plan     needs "goals" (non-empty list); "fail_hook": true makes OnAccepted fail after it
//            wrote its own row, to prove the step rolls back as a whole
//   outcome  needs "result" (string)
// Reviews are due every 3 months from the start of work or the last review, while open.
#include <google/protobuf/struct.pb.h>

#include <assist/plugin/plugin.hpp>
#include <assist/plugin/validation.hpp>
#include <memory>

#include "plugins/loaded_plugin.hpp"

namespace assist::host::testing {

class StructPlugin final : public sdk::Plugin {
 public:
  StructPlugin() {
    info_.id = "testplug";
    info_.version = "1.0.0";
    info_.display_name_pl = "Test";
    info_.display_name_en = "Test";
    info_.intake_type = info_.plan_type = info_.review_type = info_.outcome_type =
        "google.protobuf.Struct";
    info_.documents = {{"summary", "Podsumowanie", "Summary"}};
  }
  const sdk::PluginInfo& Info() const override { return info_; }

  sdk::Status Validate(sdk::Step step, const google::protobuf::Message& payload,
                       const sdk::CaseContext&) const override {
    const auto& s = static_cast<const google::protobuf::Struct&>(payload);
    sdk::Violations v;
    auto has = [&](const char* key) { return s.fields().count(key) > 0; };
    if (step == sdk::Step::kIntake) {
      v.Require(has("household"), "household", "is required", "jest wymagane");
      v.Require(!has("forbidden"), "forbidden", "must not be set", "nie może być podane");
    } else if (step == sdk::Step::kPlan) {
      v.Require(has("goals") && s.fields().at("goals").list_value().values_size() > 0, "goals",
                "needs at least one goal", "wymaga co najmniej jednego celu");
    } else if (step == sdk::Step::kOutcome) {
      v.Require(has("result"), "result", "is required", "jest wymagany");
    }
    return v.ToStatus();
  }

  std::optional<sdk::Date> NextReviewDue(const sdk::CaseContext& c) const override {
    if (c.state != sdk::CaseState::kOpen || !c.work_started_on) return std::nullopt;
    return sdk::AddMonths(c.last_review_on.value_or(*c.work_started_on), 3);
  }

  std::vector<sdk::Migration> Migrations() const override {
    const char* sql =
        "CREATE TABLE testplug_plans (case_id BIGINT NOT NULL, version INTEGER NOT NULL);";
    return {{1, "plans", sql, sql}};
  }

  sdk::Status OnAccepted(sdk::Step step, const google::protobuf::Message& payload,
                         const sdk::CaseContext& c, sdk::DataSession& data) const override {
    if (step != sdk::Step::kPlan) return sdk::Status::Ok();
    long long case_id = c.case_id;
    int version = c.plan_version;
    data.sql() << "INSERT INTO testplug_plans (case_id, version) VALUES (:c, :v)",
        soci::use(case_id), soci::use(version);
    const auto& s = static_cast<const google::protobuf::Struct&>(payload);
    if (s.fields().count("fail_hook")) return sdk::Status::Internal("hook failed on purpose");
    return sdk::Status::Ok();
  }

  // "summary": the subject, how many contacts and reviews, and the outcome's "result".
  sdk::Status RenderDocument(const std::string&, const sdk::CaseRecord& record,
                             std::string& text) const override {
    if (record.outcome == nullptr)
      return sdk::Status::FailedPrecondition("the case has no outcome yet");
    const auto& outcome = static_cast<const google::protobuf::Struct&>(*record.outcome);
    text = record.subject + "; contacts " + std::to_string(record.contacts.size()) + "; reviews " +
           std::to_string(record.reviews.size()) + "; result " +
           outcome.fields().at("result").string_value();
    return sdk::Status::Ok();
  }

  // One indicator from the outcomes' "before"/"after" numbers.
  std::vector<sdk::IndicatorSummary> SummarizeOutcomes(
      const std::vector<const google::protobuf::Message*>& outcomes) const override {
    sdk::IndicatorSummary s{"score", "Wynik", "Score", 0, 0, 0, 0};
    for (const auto* m : outcomes) {
      const auto& f = static_cast<const google::protobuf::Struct&>(*m).fields();
      if (!f.count("before") || !f.count("after")) continue;
      double before = f.at("before").number_value(), after = f.at("after").number_value();
      s.mean_before += before;
      s.mean_after += after;
      s.improved += after > before;
      ++s.cases;
    }
    if (s.cases) {
      s.mean_before /= s.cases;
      s.mean_after /= s.cases;
    }
    return {s};
  }

 private:
  sdk::PluginInfo info_;
};

// `plans_need_approval`: as a plugin declaring PluginInfo::plan_requires_approval (SDK 1.4).
inline std::unique_ptr<LoadedPlugin> LoadStructPlugin(bool plans_need_approval = false) {
  auto loaded = std::make_unique<LoadedPlugin>();
  loaded->plugin = std::make_unique<StructPlugin>();
  loaded->info = loaded->plugin->Info();
  loaded->info.plan_requires_approval = plans_need_approval;
  const auto* type = google::protobuf::Struct::descriptor();
  loaded->intake = loaded->plan = loaded->review = loaded->outcome = type;
  return loaded;
}

}  // namespace assist::host::testing
