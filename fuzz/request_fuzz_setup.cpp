#include "request_fuzz_setup.hpp"

#include <sstream>
#include <string>

#include "assist/v1/cases.pb.h"
#include "assist/v1/platform.pb.h"

namespace assist::fuzz {

namespace pb = google::protobuf;

std::vector<const pb::MethodDescriptor*> FuzzedMethods() {
  std::vector<const pb::MethodDescriptor*> methods;
  const pb::FileDescriptor* files[] = {assist::v1::CreateCentreRequest::descriptor()->file(),
                                       assist::v1::OpenCaseRequest::descriptor()->file()};
  for (const pb::FileDescriptor* file : files) {
    for (int s = 0; s < file->service_count(); ++s) {
      for (int m = 0; m < file->service(s)->method_count(); ++m) {
        methods.push_back(file->service(s)->method(m));
      }
    }
  }
  return methods;
}

namespace {

struct Caller {
  std::string_view token;
  std::string_view role;
};

const Caller kCallers[] = {{"fuzz-head", "ROLE_HEAD"},
                           {"fuzz-worker", "ROLE_SOCIAL_WORKER"},
                           {"fuzz-assistant", "ROLE_ASSISTANT"},
                           {"fuzz-auditor", "ROLE_AUDITOR"},
                           {"fuzz-app", "ROLE_APP"},
                           {"fuzz-operator", "ROLE_OPERATOR"}};

}  // namespace

const std::vector<std::string_view>& FuzzTokens() {
  static const std::vector<std::string_view> tokens = [] {
    std::vector<std::string_view> all;
    for (const Caller& caller : kCallers) all.push_back(caller.token);
    all.push_back("");
    return all;
  }();
  return tokens;
}

std::string RequestFuzzConfig(const std::string& database, const std::string& plugin_dir) {
  std::string text = "listen: \"127.0.0.1:0\"\nplugin_dir: \"" + plugin_dir +
                     "\"\ndatabase { backend: \"sqlite\" connection: \"" + database +
                     "\" pool_size: 2 }\nworker_threads: 2\nallow_static_tokens: true\n"
                     "bootstrap_centres { id: \"mops-fuzz\" name: \"MOPS\" municipality: \"Sopot\"";
  // Every type of the build (plugins/*), which CMake passes as a space-separated list.
  std::istringstream types(ASSIST_PLUGIN_TYPES);
  for (std::string type; types >> type;) text += " enabled_types: \"" + type + "\"";
  text += " }\n";
  for (const Caller& caller : kCallers) {
    const bool op = caller.role == "ROLE_OPERATOR";
    text += "static_tokens { token: \"" + std::string(caller.token) + "\" actor_id: \"" +
            std::string(caller.token.substr(5)) + "\"" + (op ? "" : " centre_id: \"mops-fuzz\"") +
            " role: " + std::string(caller.role) +
            (caller.role == "ROLE_APP" ? " scopes: \"*\"" : "") + " }\n";
  }
  return text;
}

}  // namespace assist::fuzz
