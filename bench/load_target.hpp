#pragma once
// What the limits load generator drives: a target (the host, the echo server, the raw SQL) hands
// each calling thread a caller of its own, which makes one call at a time.
#include <memory>
#include <string>

namespace assist::bench {

enum class Rpc { kGetCase, kRecordContact };

const char* RpcName(Rpc rpc);

class Caller {
 public:
  virtual ~Caller() = default;
  // One call about `case_id`; false with `error` set when it failed.
  virtual bool Call(Rpc rpc, long long case_id, std::string& error) = 0;
};

class Target {
 public:
  virtual ~Target() = default;
  virtual const std::string& name() const = 0;
  // A caller with its own connection; throws when it cannot connect.
  virtual std::unique_ptr<Caller> NewCaller() = 0;
};

}  // namespace assist::bench
