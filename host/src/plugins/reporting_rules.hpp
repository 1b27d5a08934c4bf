#pragma once
// A plugin's declaration for the reports (sdk::Reporting, SDK 1.3), checked against its message
// types at load and kept in the form the host applies: CloseCase's check of the closure reason
// against the outcome's own one, and the intake facts the statistics count.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <assist/plugin/reporting.hpp>
#include <map>
#include <string>
#include <vector>

namespace assist::host {

struct ReportFlagRule {
  std::string code;
  std::string label_pl;
  std::string label_en;
  const google::protobuf::FieldDescriptor* field = nullptr;  // of the intake
  int enum_number = 0;  // the value counted when `field` is an enum
};

struct ReportingRules {
  // The outcome's own closure reason; null when the plugin declared none (or predates SDK 1.3).
  const google::protobuf::FieldDescriptor* closure_field = nullptr;
  std::map<int, std::vector<int>> platform_reasons;  // own enum number -> assist.v1.ClosureReason
  std::vector<ReportFlagRule> flags;
};

// Resolves `declared` against the plugin's intake and outcome types: empty when it fits, else why
// not (the plugin is then refused).
std::string ResolveReportingRules(const sdk::Reporting& declared,
                                  const google::protobuf::Descriptor& intake,
                                  const google::protobuf::Descriptor& outcome, ReportingRules& out);

// The outcome's own closure reason (its enum number; 0 when unset or not declared).
int OwnClosureReason(const ReportingRules& rules, const google::protobuf::Message& outcome);

// The codes of the flags the intake holds.
std::vector<std::string> FlagsOf(const ReportingRules& rules,
                                 const google::protobuf::Message& intake);

}  // namespace assist::host
