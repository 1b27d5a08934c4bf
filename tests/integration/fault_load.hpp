#pragma once
// Write load for the fault tests: threads that each walk new family cases through their steps,
// as Sopot's staff, and remember every write the host acknowledged (answered OK), so that a test
// can check after a fault that each of them is in the database; and checks that no step was
// half written (every row a step writes came with the others of its transaction).
#include <grpcpp/support/status.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "client.hpp"
#include "host_config.hpp"

namespace assist::it {

using FaultClock = std::chrono::steady_clock;

// How far a case got, by acknowledged steps.
enum class CaseStage { kOpened = 1, kAssigned, kConsented, kIntake };

// The writes a host acknowledged.
struct Acknowledged {
  std::vector<std::int64_t> people;
  std::vector<std::int64_t> families;
  std::map<std::int64_t, CaseStage> cases;
  std::vector<std::int64_t> contacts;

  std::size_t writes() const;
  void Add(const Acknowledged& more);
};

// A call that did not answer OK.
struct FailedCall {
  std::string rpc;
  grpc::StatusCode code = grpc::StatusCode::OK;
  std::string message;
  FaultClock::time_point started;
  FaultClock::time_point ended;
};

// `threads` writers on `client` until Stop() (or destruction). Each repeats: CreatePerson,
// CreateFamily with that person, OpenCase (family), AssignAssistant, RecordConsent, SubmitIntake,
// three RecordContact; a failed step ends the round (after a pause of 50 ms). Every call has a
// deadline of `deadline`.
class WriteLoad {
 public:
  WriteLoad(Client& client, int threads,
            std::chrono::milliseconds deadline = std::chrono::milliseconds(10000));
  ~WriteLoad();
  WriteLoad(const WriteLoad&) = delete;
  WriteLoad& operator=(const WriteLoad&) = delete;

  void Stop();

  Acknowledged acknowledged() const;
  std::vector<FailedCall> failures() const;
  // Calls answered OK that ended after `since`.
  int ok_since(FaultClock::time_point since) const;
  int ok_calls() const;

 private:
  void Write(int thread);
  bool Round(int thread);
  template <typename Request, typename Response>
  bool Step(const char* rpc, const Identity& who,
            grpc::Status (Cases::*method)(grpc::ClientContext*, const Request&, Response*),
            const Request& request, Response* response);

  Client& client_;
  std::chrono::milliseconds deadline_;
  std::atomic<bool> stop_ = false;
  std::vector<std::thread> threads_;
  mutable std::mutex mutex_;
  Acknowledged acknowledged_;                // guarded by mutex_
  std::vector<FailedCall> failures_;         // guarded by mutex_
  std::vector<FaultClock::time_point> oks_;  // guarded by mutex_: when each OK call ended
};

// "UNAVAILABLE x12, INTERNAL x1 (first INTERNAL: OpenCase: database error)" for messages.
std::string SummarizeFailures(const std::vector<FailedCall>& failures);

// Every acknowledged write is in `database` (read with plain SQL), with what its steps set.
void ExpectAcknowledgedPresent(const DatabaseSetup& database, const Acknowledged& acknowledged);

// No step of the load half written in `database`: every case has its OpenCase audit row; intake
// documents, consent decisions and contacts each match the audit rows of their steps; every
// person and family has its audit row, every family its members.
void ExpectNoHalfWrittenSteps(const DatabaseSetup& database);

}  // namespace assist::it
