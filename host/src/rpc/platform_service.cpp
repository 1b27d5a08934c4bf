#include "rpc/platform_service.hpp"

#include <string>
#include <utility>
#include <vector>

#include "domain/errors.hpp"
#include "plugins/plugin_loader.hpp"
#include "rpc/rpc_method.hpp"

namespace assist::host {

assist::v1::AssistanceType DescribeType(const LoadedPlugin& plugin) {
  const sdk::PluginInfo& i = plugin.info;
  assist::v1::AssistanceType type;
  type.set_id(i.id);
  type.set_version(i.version);
  type.set_display_name_pl(i.display_name_pl);
  type.set_display_name_en(i.display_name_en);
  type.set_description(i.description);
  type.set_intake_type(i.intake_type);
  type.set_plan_type(i.plan_type);
  type.set_contact_type(i.contact_type);
  type.set_review_type(i.review_type);
  type.set_outcome_type(i.outcome_type);
  type.set_settings_type(i.settings_type);
  type.set_review_cadence(i.review_cadence);
  type.set_plan_requires_approval(i.plan_requires_approval);
  type.set_street_outreach(i.street_outreach);
  type.set_ordered_work_flag(i.ordered_work_flag);
  for (const auto& d : i.documents) {
    auto* kind = type.add_documents();
    kind->set_id(d.id);
    kind->set_title_pl(d.title_pl);
    kind->set_title_en(d.title_en);
  }
  type.set_sdk_version(plugin.sdk_version);
  return type;
}

assist::v1::ListAssistanceTypesResponse PlatformServiceImpl::ListTypes() const {
  assist::v1::ListAssistanceTypesResponse response;
  for (const auto& plugin : registry_.all()) *response.add_types() = DescribeType(*plugin);
  response.set_host_sdk_version(HostSdkVersion());
  response.set_accepted_sdk_range(AcceptedSdkRange());
  return response;
}

assist::v1::DescribeAssistanceTypeResponse PlatformServiceImpl::Describe(
    const std::string& type_id) const {
  const LoadedPlugin* plugin = registry_.Find(type_id);
  if (plugin == nullptr) ThrowNotFound("assistance type", type_id);
  assist::v1::DescribeAssistanceTypeResponse response;
  *response.mutable_type() = DescribeType(*plugin);
  *response.mutable_descriptors() = plugin->files;
  return response;
}

namespace {

assist::v1::ListCentresResponse CentreList(std::vector<assist::v1::Centre> centres) {
  assist::v1::ListCentresResponse response;
  for (auto& centre : centres) *response.add_centres() = std::move(centre);
  return response;
}

}  // namespace

// The operations that do not read the request capture only what they use.
#define ASSIST_PLATFORM_RPC(...) \
  ASSIST_RPC(PlatformServiceImpl, ASSIST_COMMA(this, request, response), __VA_ARGS__)

ASSIST_INLINE_RPC(PlatformServiceImpl, ASSIST_COMMA(this, response), ListAssistanceTypes,
                  ListAssistanceTypesRequest, ListAssistanceTypesResponse, ListTypes())
ASSIST_INLINE_RPC(PlatformServiceImpl, ASSIST_COMMA(this, request, response),
                  DescribeAssistanceType, DescribeAssistanceTypeRequest,
                  DescribeAssistanceTypeResponse, Describe(request->id()))
ASSIST_PLATFORM_RPC(CreateCentre, CreateCentreRequest, Centre, centres_.Create(tx, who, *request))
ASSIST_READ_RPC(PlatformServiceImpl, ASSIST_COMMA(this, request, response), GetCentre,
                GetCentreRequest, Centre, centres_.Get(tx, who, request->id()))
ASSIST_READ_RPC(PlatformServiceImpl, ASSIST_COMMA(this, response), ListCentres, ListCentresRequest,
                ListCentresResponse, CentreList(centres_.List(tx, who)))
ASSIST_PLATFORM_RPC(EnableAssistanceType, CentreAssistanceTypeRequest, Centre,
                    centres_.Enable(tx, who, *request))
ASSIST_PLATFORM_RPC(DisableAssistanceType, CentreAssistanceTypeRequest, Centre,
                    centres_.Disable(tx, who, *request))

#undef ASSIST_PLATFORM_RPC

}  // namespace assist::host
