#pragma once
// Every unary RPC of the services has the same shape; only the operation differs. These macros
// define a method `Service::Method` whose response is `Operation`, an expression over `who`, `tx`
// (ASSIST_RPC only) and `request`. The request and response pointers are captured by value
// (`Captures`, comma-separated through ASSIST_COMMA): the operation runs later, on the executor.
// The service holds its CallRunner as `calls_`.
#include "rpc/call_runner.hpp"

// In the call's transaction (CallRunner::Run).
#define ASSIST_RPC(Service, Captures, Method, Request, Response, Operation)               \
  grpc::ServerUnaryReactor* Service::Method(grpc::CallbackServerContext* context,         \
                                            const assist::v1::Request* request,           \
                                            assist::v1::Response* response) {             \
    return calls_.Run(context, #Method, *request,                                         \
                      [Captures]([[maybe_unused]] const Identity& who, Transaction& tx) { \
                        *response = Operation;                                            \
                      });                                                                 \
  }

// A read in a snapshot transaction, its audit rows group-committed (CallRunner::RunRead).
#define ASSIST_READ_RPC(Service, Captures, Method, Request, Response, Operation)              \
  grpc::ServerUnaryReactor* Service::Method(grpc::CallbackServerContext* context,             \
                                            const assist::v1::Request* request,               \
                                            assist::v1::Response* response) {                 \
    return calls_.RunRead(context, #Method, *request,                                         \
                          [Captures]([[maybe_unused]] const Identity& who, Transaction& tx) { \
                            *response = Operation;                                            \
                          });                                                                 \
  }

// Without a database, for what the host holds in memory (CallRunner::RunInline).
#define ASSIST_INLINE_RPC(Service, Captures, Method, Request, Response, Operation)    \
  grpc::ServerUnaryReactor* Service::Method(grpc::CallbackServerContext* context,     \
                                            const assist::v1::Request* request,       \
                                            assist::v1::Response* response) {         \
    return calls_.RunInline(                                                          \
        context, #Method, *request,                                                   \
        [Captures]([[maybe_unused]] const Identity& who) { *response = Operation; }); \
  }

#define ASSIST_COMMA(...) __VA_ARGS__
