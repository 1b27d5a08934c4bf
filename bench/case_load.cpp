// Load generator for assist-host: N client threads record contacts and read cases over real gRPC
// for a bounded time, then print throughput and latency percentiles per RPC. Failed calls are
// counted as errors, never as throughput (h2load would count them as successes).
//
//   case_load --address 127.0.0.1:PORT [--clients 8] [--seconds 5] [--cases 15]
//
// Uses the tokens of deploy/config/dev.textproto (Sopot centre); bench/run.sh starts a host.
#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "assist/v1/cases.grpc.pb.h"
#include "case_setup.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace assist::v1;
using assist::bench::As;
using assist::bench::PrepareCase;

struct Options {
  std::string address = "127.0.0.1:50051";
  int clients = 8;
  int seconds = 5;
  int cases = assist::bench::kMaxCases;
};

Options Parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--address")
      o.address = value;
    else if (flag == "--clients")
      o.clients = std::clamp(std::atoi(value.c_str()), 1, 64);
    else if (flag == "--seconds")
      o.seconds = std::clamp(std::atoi(value.c_str()), 1, 60);
    else if (flag == "--cases")
      o.cases = std::clamp(std::atoi(value.c_str()), 1, assist::bench::kMaxCases);
  }
  return o;
}

struct Samples {
  std::vector<double> write_ms, read_ms;
  long errors = 0;
};

double Percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = Parse(argc, argv);
  auto channel = grpc::CreateChannel(o.address, grpc::InsecureChannelCredentials());
  auto api = CaseService::NewStub(channel);
  std::vector<long long> cases;
  for (int i = 0; i < o.cases; ++i) cases.push_back(PrepareCase(*api, i));

  std::vector<Samples> per_client(static_cast<std::size_t>(o.clients));
  const auto deadline = Clock::now() + std::chrono::seconds(o.seconds);
  std::vector<std::thread> threads;
  for (int t = 0; t < o.clients; ++t) {
    threads.emplace_back([&, t] {
      // One channel per client, so the load is not serialised on a single HTTP/2 connection.
      auto own =
          CaseService::NewStub(grpc::CreateChannel(o.address, grpc::InsecureChannelCredentials()));
      Samples& s = per_client[static_cast<std::size_t>(t)];
      for (std::size_t i = static_cast<std::size_t>(t); Clock::now() < deadline; ++i) {
        long long id = cases[i % cases.size()];
        auto start = Clock::now();
        grpc::ClientContext write;
        As(write, "dev-sopot-assistant");
        RecordContactRequest contact;
        contact.set_case_id(id);
        contact.set_kind(CONTACT_KIND_HOME_VISIT);
        contact.set_duration_minutes(60);
        contact.set_notes("wizyta kontrolna");
        Contact recorded;
        bool ok = own->RecordContact(&write, contact, &recorded).ok();
        auto mid = Clock::now();
        grpc::ClientContext read;
        As(read, "dev-sopot-assistant");
        GetCaseRequest get;
        get.set_case_id(id);
        CaseDetail detail;
        ok = own->GetCase(&read, get, &detail).ok() && ok;
        auto end = Clock::now();
        if (!ok) ++s.errors;
        s.write_ms.push_back(std::chrono::duration<double, std::milli>(mid - start).count());
        s.read_ms.push_back(std::chrono::duration<double, std::milli>(end - mid).count());
      }
    });
  }
  for (auto& t : threads) t.join();

  Samples all;
  for (auto& s : per_client) {
    all.write_ms.insert(all.write_ms.end(), s.write_ms.begin(), s.write_ms.end());
    all.read_ms.insert(all.read_ms.end(), s.read_ms.begin(), s.read_ms.end());
    all.errors += s.errors;
  }
  const double seconds = o.seconds;
  std::printf("clients %d, %d s, %zu cases prepared\n", o.clients, o.seconds, cases.size());
  std::printf("%-14s %9s %9s %9s %9s %9s\n", "rpc", "calls/s", "p50 ms", "p95 ms", "p99 ms",
              "calls");
  for (auto [name, v] :
       {std::pair{"RecordContact", &all.write_ms}, std::pair{"GetCase", &all.read_ms}}) {
    std::size_t n = v->size();
    std::printf("%-14s %9.0f %9.2f %9.2f %9.2f %9zu\n", name, static_cast<double>(n) / seconds,
                Percentile(*v, 0.50), Percentile(*v, 0.95), Percentile(*v, 0.99), n);
  }
  std::printf("failed iterations: %ld\n", all.errors);
  return all.errors == 0 ? 0 : 1;
}
