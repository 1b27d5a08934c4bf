#include "rpc/request_parser.hpp"

#include <google/protobuf/stubs/logging.h>

#include <climits>
#include <mutex>

namespace assist::host {
namespace {

namespace pb = google::protobuf;

// Protobuf's log handler is one for the process: the host's is installed once and passes on
// every line it is not asked to catch to the handler that was there before (stderr by default).
thread_local std::string* caught = nullptr;  // set while this thread parses a request
pb::LogHandler* passed_on = nullptr;

void CatchOrPassOn(pb::LogLevel level, const char* file, int line, const std::string& message) {
  if (caught != nullptr && level < pb::LOGLEVEL_FATAL) {
    if (caught->empty()) *caught = message;
    return;
  }
  if (passed_on != nullptr) passed_on(level, file, line, message);
}

void InstallLogHandler() {
  static std::once_flag installed;
  std::call_once(installed, [] { passed_on = pb::SetLogHandler(&CatchOrPassOn); });
}

// "String field 'a.B.c' contains invalid UTF-8 data when parsing a protocol buffer. Use the
// 'bytes' type ..." -> "string field a.B.c is not valid UTF-8"; other words as they are.
std::string Reason(const std::string& logged) {
  constexpr std::string_view kUtf8 = "String field '";
  if (logged.rfind(kUtf8, 0) == 0) {
    const std::size_t end = logged.find('\'', kUtf8.size());
    if (end != std::string::npos && logged.find("invalid UTF-8") != std::string::npos) {
      return "string field " + logged.substr(kUtf8.size(), end - kUtf8.size()) +
             " is not valid UTF-8";
    }
  }
  if (logged.empty()) return "malformed protobuf encoding";
  return logged;
}

}  // namespace

std::variant<std::unique_ptr<pb::Message>, std::string> ParseRequest(const pb::Descriptor& type,
                                                                     std::string_view bytes) {
  InstallLogHandler();
  const pb::Message* prototype = pb::MessageFactory::generated_factory()->GetPrototype(&type);
  const std::string what = "request is not a valid " + type.full_name();
  if (prototype == nullptr) return what + ": no such message type is compiled in";
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return what + ": too large";
  std::unique_ptr<pb::Message> message(prototype->New());
  std::string logged;
  caught = &logged;
  const bool parsed = message->ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
  caught = nullptr;
  if (!parsed) return what + ": " + Reason(logged);
  return message;
}

}  // namespace assist::host
