// libFuzzer target over the gRPC request path (issue 10): raw bytes, as any client may send them,
// into a method of an in-process host — its request parsing (rpc/parsed_requests.hpp), then, for
// what parses, authentication, the role policy and the method's handler on a real database.
// The host runs in this process with every plugin of the build, a SQLite database in a temporary
// directory and static tokens; it is reached through the server's in-process channel with a
// generic stub. Input: byte 0 picks the method, byte 1 the caller, the rest is the request.
// The database keeps what earlier inputs created (people, families, cases), so that later inputs
// reach records that exist; a finding may therefore need the inputs before it to reproduce.
// A broken invariant aborts, so libFuzzer saves the input. ASSIST_FUZZ_VERBOSE=1 prints each call.
#include <google/protobuf/descriptor.h>
#include <google/protobuf/stubs/logging.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "fuzz_checks.hpp"
#include "request_fuzz_setup.hpp"
#include "rpc/server.hpp"

namespace {

namespace pb = google::protobuf;
using assist::fuzz::Fail;

const bool kVerbose = std::getenv("ASSIST_FUZZ_VERBOSE") != nullptr;

struct InProcessHost {
  std::filesystem::path dir;
  std::unique_ptr<assist::host::Host> host;
  std::unique_ptr<grpc::Server> server;
  std::unique_ptr<grpc::GenericStub> stub;
};

std::filesystem::path TempDir() {
  std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : "/tmp";
  if (const char* tmp = std::getenv("ASSIST_FUZZ_TMPDIR")) base = tmp;
  std::string pattern = (base / "assist-request-fuzz-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    Fail("cannot create a temporary directory in " + base.string());
  return pattern;
}

InProcessHost* the_host = nullptr;  // lives as long as the process: gRPC threads use it to the end

void RemoveDatabase() {
  std::error_code ignored;
  if (the_host != nullptr) std::filesystem::remove_all(the_host->dir, ignored);
}

void StartHost() {
  auto* h = new InProcessHost;
  h->dir = TempDir();
  assist::host::v1::HostConfig config = assist::host::ParseConfigText(
      assist::fuzz::RequestFuzzConfig((h->dir / "assist.db").string(), ASSIST_FUZZ_PLUGIN_DIR));
  assist::host::ApplyDefaults(config);
  assist::host::ValidateConfig(config);
  h->host = std::make_unique<assist::host::Host>(config);
  int port = 0;
  h->server = h->host->StartServer(&port);
  if (!h->server) Fail("the in-process host did not start");
  h->stub =
      std::make_unique<grpc::GenericStub>(h->server->InProcessChannel(grpc::ChannelArguments()));
  the_host = h;
  std::atexit(RemoveDatabase);
}

struct Answer {
  grpc::Status status;
  std::string response;
};

Answer Call(const std::string& path, std::string_view token, const std::string& request) {
  grpc::ClientContext context;
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + std::string(token));
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
  grpc::Slice slice(request);
  const grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::ByteBuffer response_buffer;
  std::promise<grpc::Status> done;
  the_host->stub->UnaryCall(&context, path, grpc::StubOptions(), &request_buffer, &response_buffer,
                            [&done](grpc::Status status) { done.set_value(std::move(status)); });
  Answer answer{done.get_future().get(), {}};
  if (answer.status.ok()) {
    grpc::Slice all;
    if (!response_buffer.DumpToSingleSlice(&all).ok()) Fail(path + ": unreadable response");
    answer.response.assign(reinterpret_cast<const char*>(all.begin()), all.size());
  }
  return answer;
}

// Whether protobuf itself parses `bytes` as a `type` (its log lines about invalid UTF-8 silenced).
bool Parses(const pb::Descriptor& type, const std::string& bytes) {
  pb::LogSilencer quiet;
  std::unique_ptr<pb::Message> message(
      pb::MessageFactory::generated_factory()->GetPrototype(&type)->New());
  return message->ParseFromString(bytes);
}

void Check(const pb::MethodDescriptor& method, const std::string& path, const std::string& request,
           const Answer& answer) {
  const grpc::Status& status = answer.status;
  switch (status.error_code()) {
    case grpc::StatusCode::UNKNOWN:            // an exception escaped a handler
    case grpc::StatusCode::INTERNAL:           // the host's answer to its own defects
    case grpc::StatusCode::UNIMPLEMENTED:      // gRPC's answer when a request is not parsed by us
    case grpc::StatusCode::DEADLINE_EXCEEDED:  // a call that hangs
    case grpc::StatusCode::DATA_LOSS:
      Fail(path + " answered " + std::to_string(status.error_code()) + ": " +
           status.error_message());
    default:
      break;
  }
  const bool malformed = status.error_code() == grpc::StatusCode::INVALID_ARGUMENT &&
                         status.error_message().rfind(
                             "request is not a valid " + method.input_type()->full_name(), 0) == 0;
  if (malformed == Parses(*method.input_type(), request)) {
    Fail(path +
         (malformed ? ": a request protobuf parses was refused as malformed: "
                    : ": a request protobuf does not parse was not refused as malformed: ") +
         status.error_message());
  }
  if (!status.ok()) {
    assist::fuzz::RequireReadableRefusal(status);
    return;
  }
  if (!Parses(*method.output_type(), answer.response)) Fail(path + ": the response does not parse");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // Before libFuzzer starts threads of its own: the plugin loader probes each plugin in a fork.
  StartHost();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  static const std::vector<const pb::MethodDescriptor*> methods = assist::fuzz::FuzzedMethods();
  const pb::MethodDescriptor& method = *methods[data[0] % methods.size()];
  const std::vector<std::string_view>& tokens = assist::fuzz::FuzzTokens();
  const std::string_view token = tokens[data[1] % tokens.size()];
  const std::string path = "/" + method.service()->full_name() + "/" + method.name();
  const std::string request(reinterpret_cast<const char*>(data + 2), size - 2);
  const Answer answer = Call(path, token, request);
  if (kVerbose) {
    std::fprintf(stderr, "==assist-fuzz== %s as \"%s\": %d %s\n", path.c_str(),
                 std::string(token).c_str(), static_cast<int>(answer.status.error_code()),
                 answer.status.error_message().c_str());
  }
  Check(method, path, request, answer);
  return 0;
}
