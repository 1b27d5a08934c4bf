// limits_load: the host against its limits in one run. It prepares cases on a running host,
// captures the host's GetCase and RecordContact responses, starts the echo server with them
// (bench_echo_server: the same gRPC service and server options, no database), and then drives
// the host, the echo server and the host's own SQL through SOCI (bench/raw_case_sql.hpp, on the
// host's database) in turn, at each caller count, for a bounded time per point. It prints one
// Markdown table: calls/s and p50 / p99 / max per target, and the host's calls/s as a share of
// the echo server's and of the raw SQL's. Exit status 1 when any call failed or a target
// answered nothing, never because of a figure. bench/run.sh --limits starts a host and runs it.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "case_setup.hpp"
#include "echo_process.hpp"
#include "grpc_target.hpp"
#include "limits_options.hpp"
#include "limits_table.hpp"
#include "raw_soci_target.hpp"

namespace {

using namespace assist::bench;
namespace fs = std::filesystem;

void Write(const fs::path& path, const google::protobuf::Message& message) {
  std::ofstream out(path, std::ios::binary);
  if (!message.SerializeToOstream(&out)) throw std::runtime_error("cannot write " + path.string());
}

// Starts the echo server with the host's responses for `case_id`, of the host's real size.
std::unique_ptr<EchoProcess> StartEcho(const LimitsOptions& o, long long case_id) {
  auto api = OwnConnection(o.host);
  assist::v1::Contact contact;
  assist::v1::CaseDetail detail;
  for (const grpc::Status& status :
       {CallRecordContact(*api, case_id, contact), CallGetCase(*api, case_id, detail)}) {
    if (!status.ok()) {
      throw std::runtime_error("capturing the host's responses: " + status.error_message());
    }
  }
  std::printf("captured responses: GetCase %zu bytes, RecordContact %zu bytes\n",
              detail.ByteSizeLong(), contact.ByteSizeLong());
  std::string dir_template = (fs::temp_directory_path() / "limits-load.XXXXXX").string();
  if (mkdtemp(dir_template.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  const fs::path dir = dir_template;
  Write(dir / "get_case.bin", detail);
  Write(dir / "record_contact.bin", contact);
  auto echo = std::make_unique<EchoProcess>(
      o.echo_server,
      std::vector<std::string>{"--config", o.config, "--get-case", dir / "get_case.bin",
                               "--record-contact", dir / "record_contact.bin"});
  fs::remove_all(dir);
  return echo;
}

int Run(const LimitsOptions& o) {
  std::vector<long long> cases;
  {
    auto api = OwnConnection(o.host);
    for (int i = 0; i < o.cases; ++i) cases.push_back(PrepareCase(*api, i));
  }
  std::vector<std::unique_ptr<Target>> targets;
  targets.push_back(std::make_unique<GrpcTarget>("host", o.host));
  std::unique_ptr<EchoProcess> echo;
  if (!o.echo_server.empty()) {
    echo = StartEcho(o, cases.front());
    targets.push_back(std::make_unique<GrpcTarget>("echo", echo->address()));
  }
  if (!o.raw_db.empty())
    targets.push_back(std::make_unique<RawSociTarget>(o.raw_backend, o.raw_db, o.raw_connections));
  std::printf("host %s%s%s, %zu cases, %.0f s per point, %u cores\n\n", o.host.c_str(),
              echo ? (", echo " + echo->address()).c_str() : "",
              o.raw_db.empty() ? ""
                               : (", raw SQL on " + o.raw_backend + " over " +
                                  std::to_string(o.raw_connections) + " connections")
                                     .c_str(),
              cases.size(), o.seconds, std::thread::hardware_concurrency());

  std::vector<MeasuredPoint> points;
  bool complete = true;
  for (int callers : o.callers) {
    for (Rpc rpc : o.rpcs) {
      MeasuredPoint& point = points.emplace_back(MeasuredPoint{rpc, callers, {}});
      for (auto& target : targets) {
        PointResult r = RunPoint(*target, rpc, callers, o.seconds, cases);
        std::fprintf(stderr, "%s %s c=%d: %.0f calls/s, %ld failed\n", target->name().c_str(),
                     RpcName(rpc), callers, r.summary.calls_per_second, r.summary.failures);
        if (r.summary.failures > 0 || r.summary.calls == 0) {
          complete = false;
          std::fprintf(stderr, "  %s %s c=%d: %ld calls, %ld failed; first failure: %s\n",
                       target->name().c_str(), RpcName(rpc), callers, r.summary.calls,
                       r.summary.failures, r.first_error.c_str());
        }
        point.results.push_back(std::move(r));
      }
    }
  }
  std::vector<std::string> names;
  names.reserve(targets.size());
  for (const auto& t : targets) names.push_back(t->name());
  PrintLimitsTable(names, points);
  if (!complete) std::printf("\nsome calls failed or a target answered nothing (see above)\n");
  return complete ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  LimitsOptions options;
  try {
    options = ParseLimitsOptions(argc, argv);
  } catch (const std::invalid_argument& e) {
    std::cerr << "limits_load: " << e.what() << "\n" << LimitsUsage();
    return 2;
  }
  try {
    return Run(options);
  } catch (const std::exception& e) {
    std::cerr << "limits_load: " << e.what() << "\n";
    return 1;
  }
}
