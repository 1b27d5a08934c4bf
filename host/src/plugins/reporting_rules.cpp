#include "plugins/reporting_rules.hpp"

#include <regex>
#include <set>

namespace assist::host {
namespace {

namespace pb = google::protobuf;

constexpr int kFirstPlatformReason = static_cast<int>(sdk::PlatformClosure::kGoalsAchieved);
constexpr int kLastPlatformReason = static_cast<int>(sdk::PlatformClosure::kOther);

std::string ResolveClosures(const sdk::Reporting& declared, const pb::Descriptor& outcome,
                            ReportingRules& out) {
  if (declared.closure_reason_field.empty()) {
    return declared.closure_reasons.empty()
               ? std::string()
               : "maps closure reasons but names no closure_reason_field of its outcome";
  }
  const pb::FieldDescriptor* field = outcome.FindFieldByName(declared.closure_reason_field);
  if (field == nullptr || field->type() != pb::FieldDescriptor::TYPE_ENUM || field->is_repeated()) {
    return "closure_reason_field \"" + declared.closure_reason_field +
           "\" is not an enum field of " + outcome.full_name();
  }
  const pb::EnumDescriptor& reasons = *field->enum_type();
  for (const auto& mapping : declared.closure_reasons) {
    const pb::EnumValueDescriptor* own = reasons.FindValueByName(mapping.own);
    if (own == nullptr || own->number() == 0) {
      return "maps closure reason \"" + mapping.own + "\", which is not a value of " +
             reasons.full_name();
    }
    if (mapping.platform.empty()) return "maps closure reason " + mapping.own + " to nothing";
    std::vector<int>& platform = out.platform_reasons[own->number()];
    if (!platform.empty()) return "maps closure reason " + mapping.own + " twice";
    for (sdk::PlatformClosure p : mapping.platform) {
      int number = static_cast<int>(p);
      if (number < kFirstPlatformReason || number > kLastPlatformReason) {
        return "maps closure reason " + mapping.own + " to an unknown platform reason " +
               std::to_string(number);
      }
      platform.push_back(number);
    }
  }
  for (int i = 0; i < reasons.value_count(); ++i) {
    const pb::EnumValueDescriptor* own = reasons.value(i);
    if (own->number() != 0 && out.platform_reasons.count(own->number()) == 0) {
      return "does not map its closure reason " + own->name() + " to the platform's";
    }
  }
  out.closure_field = field;
  return {};
}

std::string ResolveFlags(const sdk::Reporting& declared, const pb::Descriptor& intake,
                         ReportingRules& out) {
  static const std::regex kCode("[a-z][a-z0-9_]{0,39}");
  std::set<std::string> codes;
  for (const auto& flag : declared.flags) {
    if (!std::regex_match(flag.code, kCode) || !codes.insert(flag.code).second) {
      return "report flag code \"" + flag.code + "\" is not [a-z][a-z0-9_]{0,39} or is repeated";
    }
    ReportFlagRule rule{flag.code, flag.label_pl, flag.label_en,
                        intake.FindFieldByName(flag.intake_field), 0};
    const pb::FieldDescriptor* f = rule.field;
    bool fits = f != nullptr && !f->is_repeated();
    if (fits && f->type() == pb::FieldDescriptor::TYPE_BOOL) {
      fits = flag.value.empty();
    } else if (fits && f->type() == pb::FieldDescriptor::TYPE_ENUM) {
      const pb::EnumValueDescriptor* value = f->enum_type()->FindValueByName(flag.value);
      fits = value != nullptr && value->number() != 0;
      if (fits) rule.enum_number = value->number();
    } else {
      fits = false;
    }
    if (!fits) {
      return "report flag " + flag.code + ": \"" + flag.intake_field + "\" = \"" + flag.value +
             "\" is not a bool field or an enum field and one of its values of " +
             intake.full_name();
    }
    out.flags.push_back(std::move(rule));
  }
  return {};
}

}  // namespace

std::string ResolveReportingRules(const sdk::Reporting& declared, const pb::Descriptor& intake,
                                  const pb::Descriptor& outcome, ReportingRules& out) {
  ReportingRules rules;
  std::string error = ResolveClosures(declared, outcome, rules);
  if (error.empty()) error = ResolveFlags(declared, intake, rules);
  if (error.empty()) out = std::move(rules);
  return error;
}

int OwnClosureReason(const ReportingRules& rules, const pb::Message& outcome) {
  if (rules.closure_field == nullptr ||
      outcome.GetDescriptor() != rules.closure_field->containing_type()) {
    return 0;
  }
  return outcome.GetReflection()->GetEnumValue(outcome, rules.closure_field);
}

std::vector<std::string> FlagsOf(const ReportingRules& rules, const pb::Message& intake) {
  std::vector<std::string> codes;
  const pb::Reflection& r = *intake.GetReflection();
  for (const auto& flag : rules.flags) {
    if (intake.GetDescriptor() != flag.field->containing_type()) continue;
    bool set = flag.field->type() == pb::FieldDescriptor::TYPE_BOOL
                   ? r.GetBool(intake, flag.field)
                   : r.GetEnumValue(intake, flag.field) == flag.enum_number;
    if (set) codes.push_back(flag.code);
  }
  return codes;
}

}  // namespace assist::host
