#pragma once
// The SDK version a plugin is built against, and the stamp the host checks before it calls
// anything else in a plugin (the handshake). A different major version, a newer minor version
// than the host's, or a different protobuf runtime is refused at load.
//   1.0.1  ASSIST_PLUGIN exports assist_plugin_error (what a constructor threw).
//   1.1.0  CaseContext::subject: whether the case is for a person or a family.
//   1.2.0  typed_plugin.hpp (TypedPlugin, None) and the umbrella sdk.hpp; headers only, the
//          interface the host calls is unchanged.
//   1.3.0  Plugin::ReportingRules (reporting.hpp): closure reasons mapped to the platform's and
//          intake facts for the reports; added last, asked only of plugins stamped 1.3 or later.
//          PluginInfo::max_open_cases_per_assistant (appended): the type's caseload limit.
//          assist/v1/form_options.proto: labels, help, required and examples on payload fields
//          (a plugin using them needs a host that has the file, 1.3 or later).
//   1.4.0  PluginInfo::plan_requires_approval (appended): the type's plans are in force only once
//          the head approves them (CaseService.ApprovePlan); read only from plugins stamped 1.4.
//          Status::Refused: a refusal with a reason code, words in both languages and details
//          (the host answers FAILED_PRECONDITION with ErrorInfo; read only from plugins stamped
//          1.4 or later, the layout of Status is unchanged). CaseRecord::period_from/period_to
//          (appended): the month a document covers (RenderDocumentRequest.month).
//   1.5.0  Plugin::RecommendedMonitoringMonths (last in the class, asked only of plugins stamped
//          1.5 or later): the monitoring period the case's outcome recommends; StartMonitoring
//          without a last day uses it, and the host ends monitoring once it has passed.
//          PluginInfo::street_outreach (appended): the type records street outreach contacts
//          before a case exists (CaseService.RecordOutreachContact); read only from plugins
//          stamped 1.5 or later.
//   1.6.0  PluginInfo::ordered_work_flag (appended): the report flag whose presence in a case's
//          intake means the work was ordered (the family type: by a court) and does not rest on
//          consent; read only from plugins stamped 1.6 or later.
#include <google/protobuf/stubs/common.h>

#include <cstdint>

namespace assist::sdk {

inline constexpr std::uint32_t kSdkVersionMajor = 1;
inline constexpr std::uint32_t kSdkVersionMinor = 6;
inline constexpr std::uint32_t kSdkVersionPatch = 0;

// Laid out for C: the host reads it before it trusts anything else in the library.
struct AbiStamp {
  std::uint32_t magic;  // kAbiMagic: this really is an assistance plugin
  std::uint32_t sdk_major;
  std::uint32_t sdk_minor;
  std::uint32_t sdk_patch;
  std::uint32_t protobuf_version;  // GOOGLE_PROTOBUF_VERSION the plugin's generated code needs
  std::uint32_t cxx_abi;           // __GXX_ABI_VERSION: host and plugin share libstdc++ types
};

inline constexpr std::uint32_t kAbiMagic = 0x41535354;  // "ASST"

inline constexpr AbiStamp CurrentAbiStamp() {
  return AbiStamp{kAbiMagic,        kSdkVersionMajor,        kSdkVersionMinor,
                  kSdkVersionPatch, GOOGLE_PROTOBUF_VERSION, __GXX_ABI_VERSION};
}

}  // namespace assist::sdk
