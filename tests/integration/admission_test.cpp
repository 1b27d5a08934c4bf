// Admission under overload (issue 9): a call whose caller gave up is not executed, the queue is
// bounded and answers RESOURCE_EXHAUSTED at once when full, and reads are not starved behind a
// backlog of writes. One worker thread makes the backlog easy to build on 2 cores.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "case_steps.hpp"
#include "host_test.hpp"
#include "rpc_status.hpp"

namespace assist::it {
namespace {

namespace v1 = assist::v1;
using grpc::StatusCode;
using std::chrono::milliseconds;

// Many RecordContact calls in flight at once (gRPC's callback client API), each with its own
// deadline; Wait() returns when every one has an answer.
class ContactFlood {
 public:
  ContactFlood(Client& client, const Identity& who, std::int64_t case_id, int calls,
               milliseconds deadline) {
    calls_.reserve(calls);
    for (int i = 0; i < calls; ++i) calls_.push_back(std::make_unique<Call>());
    for (auto& call : calls_) {
      Authorize(call->context, who.token);
      call->context.set_deadline(std::chrono::system_clock::now() + deadline);
      call->request.set_case_id(case_id);
      call->request.set_kind(v1::CONTACT_KIND_PHONE);
      call->request.set_duration_minutes(5);
      client.cases().async()->RecordContact(&call->context, &call->request, &call->response,
                                            [this, c = call.get()](grpc::Status status) {
                                              c->status = std::move(status);
                                              Done();
                                            });
    }
  }

  void Wait() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return answered_ == calls_.size(); });
  }

  int Count(StatusCode code) const {
    int n = 0;
    for (const auto& call : calls_) n += call->status.error_code() == code ? 1 : 0;
    return n;
  }

  std::size_t answered() {
    std::lock_guard lock(mutex_);
    return answered_;
  }

 private:
  struct Call {
    grpc::ClientContext context;
    v1::RecordContactRequest request;
    v1::Contact response;
    grpc::Status status;
  };

  void Done() {
    std::lock_guard lock(mutex_);
    ++answered_;
    done_.notify_all();
  }

  std::vector<std::unique_ptr<Call>> calls_;
  std::mutex mutex_;
  std::condition_variable done_;
  std::size_t answered_ = 0;
};

int StoredContacts(Client& client, std::int64_t case_id) {
  int stored = 0;
  v1::ListContactsRequest list;
  list.set_case_id(case_id);
  list.set_page_size(500);
  for (;;) {
    v1::ListContactsResponse page;
    grpc::Status status = client.Call(Sopot().worker, &Cases::ListContacts, list, &page);
    // The queue can still hold the abandoned calls of a flood (each is dropped only when a worker
    // reaches it): the host then answers RESOURCE_EXHAUSTED, "retry later", and a client retries.
    for (int retry = 0; retry < 100 && status.error_code() == StatusCode::RESOURCE_EXHAUSTED;
         ++retry) {
      std::this_thread::sleep_for(milliseconds(50));
      page.Clear();
      status = client.Call(Sopot().worker, &Cases::ListContacts, list, &page);
    }
    EXPECT_TRUE(IsOk(status));
    if (!status.ok()) return -1;
    stored += page.contacts_size();
    if (page.next_page_token().empty()) return stored;
    list.set_page_token(page.next_page_token());
  }
}

class AdmissionTest : public HostTest {
 protected:
  std::string ExtraConfig() const override { return "worker_threads: 1 max_queued_calls: 64"; }
};

TEST_P(AdmissionTest, CallsWhoseCallerGaveUpAreNotStored) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  constexpr int kCalls = 300;
  int ok = 0;
  int gave_up = 0;
  // Waves of 60 (under the queue bound) with 30 ms deadlines: one worker cannot finish a wave
  // in time, so many callers give up while their calls wait.
  for (int wave = 0; wave < kCalls / 60; ++wave) {
    ContactFlood flood(client(), Sopot().assistant, case_id, 60, milliseconds(30));
    flood.Wait();
    ok += flood.Count(StatusCode::OK);
    gave_up += flood.Count(StatusCode::DEADLINE_EXCEEDED);
    EXPECT_EQ(flood.Count(StatusCode::INTERNAL), 0);
  }
  EXPECT_GT(gave_up, 0) << "the test built no backlog: every call finished in time";
  RecordProperty("acknowledged", ok);
  RecordProperty("gave_up", gave_up);
  const int stored = StoredContacts(client(), case_id);
  // A call can still commit in the instant between the host's last check and the caller's own
  // timer firing (the answer is on its way when the caller gives up, e.g. while its COMMIT
  // syncs): a few per hundred on this shared machine under a parallel test run, up to 29 of 203
  // with two builds beside it. Before admission control, nearly every abandoned call was stored
  // (2,853 of 2,956 in issue 9): a fifth of them is far from that.
  EXPECT_LE(stored - ok, std::max(6, gave_up / 5))
      << stored << " stored, " << ok << " acknowledged, " << gave_up << " gave up";
}

TEST_P(AdmissionTest, AFullQueueIsResourceExhaustedAtOnce) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  ContactFlood flood(client(), Sopot().assistant, case_id, 400, milliseconds(30000));
  flood.Wait();
  const int refused = flood.Count(StatusCode::RESOURCE_EXHAUSTED);
  const int ok = flood.Count(StatusCode::OK);
  EXPECT_GT(refused, 0) << "400 calls at once never filled a queue of 64";
  EXPECT_EQ(ok + refused, 400) << "every call is either done or refused, none fails otherwise";
  EXPECT_EQ(StoredContacts(client(), case_id), ok);
}

TEST_P(AdmissionTest, AReadIsServedBeforeABacklogOfWrites) {
  std::int64_t case_id = 0;
  ASSERT_NO_FATAL_FAILURE(NewStartedFamilyCase(client(), Sopot(), &case_id));
  ContactFlood writes(client(), Sopot().assistant, case_id, 60, milliseconds(60000));
  v1::CaseDetail detail;
  ASSERT_NO_FATAL_FAILURE(GetCase(client(), Sopot().worker, case_id, &detail));
  const std::size_t writes_done_before_read = writes.answered();
  writes.Wait();
  EXPECT_LT(writes_done_before_read, 30u) << "the read waited behind most of the 60 queued writes";
}

INSTANTIATE_BACKENDS(AdmissionTest);

}  // namespace
}  // namespace assist::it
