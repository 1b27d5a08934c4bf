#include "rpc/parsed_requests.hpp"

#include <google/protobuf/descriptor.h>
#include <grpc/byte_buffer.h>
#include <grpc/byte_buffer_reader.h>
#include <grpc/slice.h>
#include <grpcpp/impl/codegen/server_callback_handlers.h>

#include <stdexcept>
#include <variant>

#include "domain/errors.hpp"
#include "rpc/request_parser.hpp"

namespace assist::host {
namespace {

namespace pb = google::protobuf;
using grpc::internal::MethodHandler;

// The typed service's own handler of its method `index`. GetHandler is protected in grpc::Service,
// so it is named through a class derived from it; the pointer to member it yields is the base's.
MethodHandler* HandlerOf(grpc::Service& service, int index) {
  struct Access : grpc::Service {
    static MethodHandler* Get(grpc::Service& s, int i) { return (s.*&Access::GetHandler)(i); }
  };
  return Access::Get(service, index);
}

// Why the request in `payload` is not a `type`; empty when it is one. `payload` is only read; it
// is null when a (streaming) client half-closed a unary call without sending a request.
std::string ProblemWith(grpc_byte_buffer* payload, const pb::Descriptor& type) {
  if (payload == nullptr) {
    return "request is not a valid " + type.full_name() + ": the call carried no request message";
  }
  grpc_byte_buffer_reader reader;
  if (grpc_byte_buffer_reader_init(&reader, payload) == 0) {
    return "request is not a valid " + type.full_name() + ": its payload cannot be decoded";
  }
  grpc_slice all = grpc_byte_buffer_reader_readall(&reader);
  grpc_byte_buffer_reader_destroy(&reader);
  auto parsed = ParseRequest(
      type, {reinterpret_cast<const char*>(GRPC_SLICE_START_PTR(all)), GRPC_SLICE_LENGTH(all)});
  grpc_slice_unref(all);
  if (auto* why = std::get_if<std::string>(&parsed)) return std::move(*why);
  return {};
}

grpc_byte_buffer* BufferOf(const std::string& text) {
  grpc_slice slice = grpc_slice_from_copied_buffer(text.data(), text.size());
  grpc_byte_buffer* buffer = grpc_raw_byte_buffer_create(&slice, 1);
  grpc_slice_unref(slice);
  return buffer;
}

// The reactor of a refused request, whose "request" is the text of the refusal.
grpc::ServerUnaryReactor* Refuse(grpc::CallbackServerContext* context, const grpc::ByteBuffer* why,
                                 grpc::ByteBuffer* /*response*/) {
  grpc::Slice text;
  std::string message = "request is malformed";
  if (why->DumpToSingleSlice(&text).ok()) {
    message.assign(reinterpret_cast<const char*>(text.begin()), text.size());
  }
  auto* reactor = context->DefaultReactor();
  reactor->Finish(WithErrorInfo(grpc::StatusCode::INVALID_ARGUMENT, message, "MALFORMED_REQUEST"));
  return reactor;
}

// A request that does not parse is handed to a raw (ByteBuffer) handler carrying the refusal's
// text; Deserialize marks it with INVALID_ARGUMENT (the typed handler's own failures are
// INTERNAL) so that RunHandler, which gRPC calls next for the same call, routes it there.
class ParseFirst final : public MethodHandler {
 public:
  ParseFirst(MethodHandler& typed, const pb::MethodDescriptor& method, std::string_view path,
             RateLimitedLog& refusals)
      : typed_(typed), method_(method), path_(path), refusals_(refusals), refuse_(&Refuse) {}

  void* Deserialize(grpc_call* call, grpc_byte_buffer* payload, grpc::Status* status,
                    void** handler_data) override {
    const std::string problem = ProblemWith(payload, *method_.input_type());
    if (problem.empty()) return typed_.Deserialize(call, payload, status, handler_data);
    if (payload != nullptr) grpc_byte_buffer_destroy(payload);
    refusals_.Warn("refused malformed requests (INVALID_ARGUMENT), e.g. to " + std::string(path_) +
                   ": " + problem);
    void* text = refuse_.Deserialize(call, BufferOf(problem), status, handler_data);
    *status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "");
    return text;
  }

  void RunHandler(const HandlerParameter& param) override {
    if (param.status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
      refuse_.RunHandler(HandlerParameter(param.call, param.server_context, param.request,
                                          grpc::Status::OK, param.internal_data,
                                          param.call_requester));
      return;
    }
    typed_.RunHandler(param);
  }

 private:
  MethodHandler& typed_;
  const pb::MethodDescriptor& method_;
  std::string_view path_;
  RateLimitedLog& refusals_;
  grpc::internal::CallbackUnaryHandler<grpc::ByteBuffer, grpc::ByteBuffer> refuse_;
};

}  // namespace

ParsedRequests::ParsedRequests(grpc::Service& typed, const std::string& service_name)
    : refusals_(std::chrono::seconds(60)) {
  const pb::ServiceDescriptor* service =
      pb::DescriptorPool::generated_pool()->FindServiceByName(service_name);
  if (service == nullptr) throw std::logic_error("no service " + service_name + " compiled in");
  // Generated services register their methods in the order of the .proto, as the descriptor has.
  for (int i = 0; i < service->method_count(); ++i) {
    const pb::MethodDescriptor& method = *service->method(i);
    if (method.client_streaming() || method.server_streaming()) {
      throw std::logic_error("ParsedRequests serves unary methods only, not " + method.full_name());
    }
    const std::string& path = paths_.emplace_back("/" + service_name + "/" + method.name());
    AddMethod(new grpc::internal::RpcServiceMethod(
        path.c_str(), grpc::internal::RpcMethod::NORMAL_RPC, /*handler=*/nullptr));
    MarkMethodCallback(i, new ParseFirst(*HandlerOf(typed, i), method, path, refusals_));
  }
}

ParsedRequests::~ParsedRequests() = default;

}  // namespace assist::host
