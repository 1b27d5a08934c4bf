#include "load_target.hpp"

namespace assist::bench {

const char* RpcName(Rpc rpc) { return rpc == Rpc::kGetCase ? "GetCase" : "RecordContact"; }

}  // namespace assist::bench
