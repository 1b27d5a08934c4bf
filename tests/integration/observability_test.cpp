// What an operator watches: the admin listener's /livez, /readyz and /metrics (parsed by the
// Prometheus project's own Python parser, Debian python3-prometheus-client, and checked to move
// with the calls made), and the JSON log with one access line per RPC that carries the request
// id and no personal data. On both backends.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <thread>

#include "host_test.hpp"
#include "identities.hpp"
#include "rpc_status.hpp"
#include "subprocess.hpp"
#include "temp_dir.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;

struct HttpAnswer {
  int status = 0;
  std::string body;
};

// HTTP/1.0 GET on 127.0.0.1:port; status 0 when there was no answer.
HttpAnswer HttpGet(int port, const std::string& path) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  HttpAnswer answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
    if (write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      std::string raw;
      char buffer[4096];
      for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) raw.append(buffer, n);
      const auto header_end = raw.find("\r\n\r\n");
      if (raw.rfind("HTTP/1.", 0) == 0 && header_end != std::string::npos) {
        answer.status = std::stoi(raw.substr(9, 3));
        answer.body = raw.substr(header_end + 4);
      }
    }
  }
  close(fd);
  return answer;
}

// Every sample of a /metrics text as parsed by prometheus_client: "name{k=v,...}" -> value.
// Empty (with the parser's complaint in `error`) when the text is not valid exposition format.
std::map<std::string, double> ParsePrometheus(const std::string& text, std::string& error) {
  TempDir dir("assist-metrics");
  const auto file = dir.path() / "metrics.txt";
  std::ofstream(file) << text;
  const RunResult parsed =
      Run({"/usr/bin/python3", "-c",
           "import sys\n"
           "from prometheus_client.parser import text_string_to_metric_families\n"
           "for family in text_string_to_metric_families(open(sys.argv[1]).read()):\n"
           "  for s in family.samples:\n"
           "    labels = ','.join(f'{k}={v}' for k, v in sorted(s.labels.items()))\n"
           "    print(f'{s.name}{{{labels}}} {s.value!r}')\n",
           file.string()});
  std::map<std::string, double> samples;
  if (parsed.exit_code != 0) {
    error = parsed.output;
    return samples;
  }
  std::istringstream lines(parsed.output);
  for (std::string line; std::getline(lines, line);) {
    const auto space = line.rfind(' ');
    samples[line.substr(0, space)] = std::stod(line.substr(space + 1));
  }
  return samples;
}

class ObservabilityTest : public HostTest {
 protected:
  std::string ExtraConfig() const override {
    return "admin { listen: \"127.0.0.1:0\" }\nlog { format: \"json\" }";
  }

  int AdminPort() const {
    std::smatch found;
    const std::string output = host().output();
    static const std::regex pattern("assist-host: admin on 127\\.0\\.0\\.1:([0-9]+)");
    return std::regex_search(output, found, pattern) ? std::stoi(found[1]) : 0;
  }

  std::map<std::string, double> Scrape() {
    const HttpAnswer answer = HttpGet(AdminPort(), "/metrics");
    EXPECT_EQ(answer.status, 200);
    std::string error;
    auto samples = ParsePrometheus(answer.body, error);
    EXPECT_FALSE(samples.empty()) << "not Prometheus text: " << error << "\n" << answer.body;
    return samples;
  }
};

TEST_P(ObservabilityTest, ProbesAnswerAndMetricsMoveWithTheCalls) {
  ASSERT_GT(AdminPort(), 0) << host().output();
  const HttpAnswer live = HttpGet(AdminPort(), "/livez");
  EXPECT_EQ(live.status, 200);
  const HttpAnswer ready = HttpGet(AdminPort(), "/readyz");
  EXPECT_EQ(ready.status, 200) << ready.body;
  EXPECT_EQ(HttpGet(AdminPort(), "/nothing").status, 404);

  auto before = Scrape();
  v1::CreatePersonRequest person;
  person.set_given_name("Zofia");
  person.set_family_name("Wiśniewska");
  person.set_birth_date("1990-05-05");
  v1::Person created;
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(IsOk(client().Call(Sopot().worker, &Cases::CreatePerson, person, &created)));
  }
  v1::GetPersonRequest missing;
  missing.set_id(created.id() + 1000);
  v1::Person none;
  EXPECT_EQ(client().Call(Sopot().worker, &Cases::GetPerson, missing, &none).error_code(),
            grpc::StatusCode::NOT_FOUND);
  auto after = Scrape();

  const std::string created_ok = "assist_rpc_calls_total{code=OK,method=CreatePerson}";
  const std::string not_found = "assist_rpc_calls_total{code=NOT_FOUND,method=GetPerson}";
  EXPECT_EQ(after[created_ok] - before[created_ok], 2);
  EXPECT_EQ(after[not_found] - before[not_found], 1);
  const std::string timed = "assist_rpc_duration_seconds_count{method=CreatePerson}";
  EXPECT_EQ(after[timed] - before[timed], 2);
  EXPECT_EQ(after["assist_rpc_duration_seconds_bucket{le=+Inf,method=CreatePerson}"], after[timed]);
  // Each call (and its refusal's audit row) leased a connection.
  EXPECT_GE(
      after["assist_db_pool_wait_seconds_count{}"] - before["assist_db_pool_wait_seconds_count{}"],
      3);
  // The refusal's audit row went through the group commit of reads and refusals.
  EXPECT_GE(after["assist_audit_batch_rows_count{}"] - before["assist_audit_batch_rows_count{}"],
            1);
  EXPECT_EQ(after.count("assist_executor_queued_calls{}"), 1u);
  EXPECT_EQ(after["assist_db_pool_connections_in_use{}"], 0);
}

TEST_P(ObservabilityTest, JsonLogHasOneAccessLinePerCallWithoutPersonalData) {
  grpc::ClientContext context;
  Authorize(context, Sopot().worker.token);
  context.AddMetadata("x-request-id", "observability-1");
  v1::CreatePersonRequest person;
  person.set_given_name("Zofia");
  person.set_family_name("Wiśniewska");
  person.set_birth_date("1990-05-05");
  v1::Person created;
  auto stub = v1::CaseService::NewStub(channel());
  ASSERT_TRUE(IsOk(stub->CreatePerson(&context, person, &created)));

  // Every line the host wrote, bar the one for the test harness, is a JSON object.
  TempDir dir("assist-json-log");
  const auto file = dir.path() / "log.txt";
  std::string log;
  for (int i = 0; i < 100; ++i) {  // the access line is written as the answer leaves
    log = host().output();
    if (log.find("observability-1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::ofstream(file) << log;
  const RunResult checked = ::assist::it::Run(
      {"/usr/bin/python3", "-c",
       "import json, sys\n"
       "access = []\n"
       "for line in open(sys.argv[1]):\n"
       "  if line.startswith('assist-host: '): continue\n"
       "  entry = json.loads(line)\n"
       "  assert {'time', 'level'} <= entry.keys(), line\n"
       "  if entry.get('type') == 'access' and entry['request_id'] == 'observability-1':\n"
       "    access.append(entry)\n"
       "assert len(access) == 1, access\n"
       "a = access[0]\n"
       "assert (a['method'], a['actor'], a['centre'], a['code']) == "
       "('CreatePerson', sys.argv[2], sys.argv[3], 'OK'), a\n"
       "assert a['duration_ms'] >= 0\n",
       file.string(), std::string(Sopot().worker.actor_id), std::string(Sopot().worker.centre_id)});
  EXPECT_EQ(checked.exit_code, 0) << checked.output << "\n" << log;
  EXPECT_EQ(log.find("Zofia"), std::string::npos) << "personal data in the log";
}

INSTANTIATE_BACKENDS(ObservabilityTest);

}  // namespace
}  // namespace assist::it
