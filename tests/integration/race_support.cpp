#include "race_support.hpp"

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>

#include "google/rpc/status.pb.h"
#include "host_config.hpp"
#include "pg_cluster.hpp"
#include "pg_database.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

constexpr std::size_t kMaxLogShown = 30000;
constexpr std::size_t kMaxViolationsShown = 12;

std::shared_ptr<grpc::Channel> ChannelTo(int port, bool own_connection) {
  grpc::ChannelArguments args;
  // Channels with equal arguments share one connection through gRPC's global subchannel pool;
  // a caller of a race gets a connection of its own, as a separate client process would.
  if (own_connection) args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
  return grpc::CreateCustomChannel("127.0.0.1:" + std::to_string(port),
                                   grpc::InsecureChannelCredentials(), args);
}

bool Connect(const std::shared_ptr<grpc::Channel>& channel) {
  return channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10));
}

}  // namespace

bool HasErrorInfo(const grpc::Status& status) {
  const std::optional<google::rpc::Status> rich = RichStatus(status);
  if (!rich) return false;
  for (const google::protobuf::Any& detail : rich->details()) {
    if (detail.type_url().ends_with("/google.rpc.ErrorInfo")) return true;
  }
  return false;
}

void RaceTally::Count(const grpc::Status& status) {
  const grpc::StatusCode code = status.error_code();
  ++counts_[code];
  if (!status.ok() && !examples_.contains(code)) examples_[code] = Describe(status);
  const bool lost_race =
      code == grpc::StatusCode::ALREADY_EXISTS || code == grpc::StatusCode::ABORTED;
  if (lost_race && !HasErrorInfo(status)) {
    if (without_details_ == 0) without_details_example_ = Describe(status);
    ++without_details_;
  }
}

void RaceTally::Violation(int round, const std::string& what) {
  Violation("round " + std::to_string(round), what);
}

void RaceTally::Violation(const std::string& where, const std::string& what) {
  violations_.push_back(where + ": " + what);
}

int RaceTally::count(grpc::StatusCode code) const {
  const auto found = counts_.find(code);
  return found == counts_.end() ? 0 : found->second;
}

int RaceTally::unexpected() const {
  int total = 0;
  for (const auto& [code, count] : counts_) {
    const bool never = code == grpc::StatusCode::INTERNAL || code == grpc::StatusCode::UNKNOWN;
    if (never || !allowed_.contains(code)) total += count;
  }
  return total;
}

std::string RaceTally::Summary() const {
  std::ostringstream out;
  out << "answers:";
  for (const auto& [code, count] : counts_) {
    out << "\n  " << CodeName(code) << " x" << count;
    if (const auto example = examples_.find(code); example != examples_.end()) {
      out << " (first: " << example->second << ")";
    }
  }
  if (without_details_ > 0) {
    out << "\nALREADY_EXISTS/ABORTED without google.rpc.ErrorInfo: " << without_details_
        << " (first: " << without_details_example_ << ")";
  }
  out << "\nviolations: " << violations_.size();
  for (std::size_t i = 0; i < violations_.size() && i < kMaxViolationsShown; ++i) {
    out << "\n  " << violations_[i];
  }
  if (violations_.size() > kMaxViolationsShown) {
    out << "\n  ... " << violations_.size() - kMaxViolationsShown << " more";
  }
  return out.str();
}

void ExpectCleanRaces(const std::string& rule, const RaceTally& tally) {
  // The whole summary once (ctest shows it with a failure); the expectations name what broke.
  std::cout << "[ races    ] " << rule << ": " << tally.Summary() << "\n";
  EXPECT_EQ(tally.count(grpc::StatusCode::INTERNAL), 0) << rule << ": INTERNAL for a race";
  EXPECT_EQ(tally.count(grpc::StatusCode::UNKNOWN), 0) << rule << ": UNKNOWN for a race";
  EXPECT_EQ(tally.unexpected(), 0) << rule << ": answers with codes the rule does not allow";
  EXPECT_EQ(tally.violations(), 0) << rule << ": the rule was broken";
  EXPECT_EQ(tally.without_details(), 0)
      << rule << ": ALREADY_EXISTS/ABORTED without google.rpc.ErrorInfo a client can act on";
}

void HostGroupTest::PrepareDatabase() {
  ASSERT_STRNE(ASSIST_HOST_BINARY, "") << "assist-host is not built (no CMake target)";
  if (!dir_) dir_ = std::make_unique<TempDir>("assist-race");
  const std::string file = "assist-" + std::to_string(databases_.size() + 1) + ".db";
  databases_.push_back(std::make_unique<TestDatabase>());
  databases_.back()->Prepare(GetParam(), dir_->path() / file);
}

HostProcess& HostGroupTest::AddHost(std::filesystem::path* config, std::filesystem::path* work) {
  *work = dir_->path() / ("host-" + std::to_string(started_++));
  std::filesystem::create_directories(*work);
  *config = *work / "host.textproto";
  std::ofstream(*config) << HostConfigText(databases_.back()->setup(), ASSIST_PLUGIN_DIR);
  return *hosts_.emplace_back(std::make_unique<HostProcess>());
}

void HostGroupTest::Connected(int port) {
  auto channel = ChannelTo(port, false);
  ASSERT_TRUE(Connect(channel)) << "no gRPC connection to 127.0.0.1:" << port;
  ports_.push_back(port);
  clients_.push_back(std::make_unique<Client>(std::move(channel)));
}

void HostGroupTest::StartHosts(int count) {
  for (int i = 0; i < count; ++i) {
    std::filesystem::path config, work;
    HostProcess& host = AddHost(&config, &work);
    const std::optional<int> port = host.Start(ASSIST_HOST_BINARY, config, work);
    ASSERT_TRUE(port.has_value()) << "host " << hosts_.size() - 1 << ": " << host.error();
    ASSERT_NO_FATAL_FAILURE(Connected(*port));
  }
}

std::vector<std::string> HostGroupTest::StartHostsTogether(int count) {
  std::vector<HostProcess*> hosts;
  std::vector<std::filesystem::path> configs(static_cast<std::size_t>(count));
  std::vector<std::filesystem::path> works(configs.size());
  for (std::size_t i = 0; i < configs.size(); ++i)
    hosts.push_back(&AddHost(&configs[i], &works[i]));
  const std::function<std::optional<int>(int)> start = [&](int i) {
    const auto at = static_cast<std::size_t>(i);
    return hosts[at]->Start(ASSIST_HOST_BINARY, configs[at], works[at]);
  };
  const std::vector<std::optional<int>> ports = RunTogether(count, start);
  std::vector<std::string> errors;
  for (std::size_t i = 0; i < ports.size(); ++i) {
    errors.push_back(ports[i] ? "" : hosts[i]->error());
    if (ports[i]) Connected(*ports[i]);
  }
  return errors;
}

Client& HostGroupTest::caller(int index) {
  auto& client = callers_[index];
  if (!client) {
    const int port = ports_.at(static_cast<std::size_t>(index) % ports_.size());
    auto channel = ChannelTo(port, true);
    EXPECT_TRUE(Connect(channel)) << "caller " << index << ": no gRPC connection to port " << port;
    client = std::make_unique<Client>(std::move(channel));
  }
  return *client;
}

std::string HostGroupTest::HostOutputs() const {
  std::string all = stopped_output_;
  for (std::size_t i = 0; i < hosts_.size(); ++i) {
    all += "---- assist-host " + std::to_string(i) + " ----\n" + hosts_[i]->output();
  }
  return all;
}

void HostGroupTest::StopHosts() {
  callers_.clear();
  clients_.clear();
  ports_.clear();
  for (std::size_t i = 0; i < hosts_.size(); ++i) {
    HostProcess& host = *hosts_[i];
    if (host.running()) {
      const std::string exit = host.Stop();
      EXPECT_EQ(exit, "exit 0") << "assist-host " << i << " should shut down cleanly on SIGTERM";
    }
  }
  stopped_output_ = HostOutputs();
  hosts_.clear();
}

void HostGroupTest::TearDown() {
  StopHosts();
  if (std::string log = stopped_output_; HasFailure() && !log.empty()) {
    if (log.size() > kMaxLogShown) log = "...\n" + log.substr(log.size() - kMaxLogShown);
    std::cerr << "---- assist-host output ----\n" << log << "---- end of output ----\n";
  }
  databases_.clear();
  dir_.reset();
}

}  // namespace assist::it
