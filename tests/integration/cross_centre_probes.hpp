#pragma once
// For every RPC of the API, the requests a caller of another centre could send to reach Sopot's
// records: its case, person and family ids, its centre id, its staff's ids, or no id at all
// (lists, statistics, retention) where the answer must be the caller's own centre only.
#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sopot_records.hpp"

namespace assist::it {

struct Probe {
  std::shared_ptr<const google::protobuf::Message> request;
  // Names a record of Sopot: any answer but a refusal (NOT_FOUND, PERMISSION_DENIED or one of
  // `refused_with`) tells the caller something. Otherwise OK is fine as long as nothing in the
  // answer is Sopot's.
  bool names_sopot = true;
  std::vector<grpc::StatusCode> refused_with;
};

// Keyed by RPC name ("GetCase"); probes of case RPCs go to each of Sopot's cases.
std::map<std::string, std::vector<Probe>> CrossCentreProbes(const SopotRecords& sopot);

}  // namespace assist::it
