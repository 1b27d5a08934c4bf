#pragma once
// Invariants the fuzzers share: how a broken one is reported (an abort, so that libFuzzer keeps
// the input), and what makes a refusal readable by a client.
#include <grpcpp/support/status.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assist/v1/common.pb.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace assist::fuzz {

[[noreturn]] inline void Fail(const std::string& what) {
  std::fprintf(stderr, "==assist-fuzz== invariant broken: %s\n", what.c_str());
  std::abort();
}

// Strict UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), as protobuf
// requires of every proto3 string: the host's requests and error details alike.
inline bool IsUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    const unsigned char c = *p++;
    if (c < 0x80) continue;
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    if (c < 0xC2 || c > 0xF4 || end - p < more) return false;
    const unsigned char next = *p;
    if ((c == 0xE0 && next < 0xA0) || (c == 0xED && next > 0x9F) || (c == 0xF0 && next < 0x90) ||
        (c == 0xF4 && next > 0x8F)) {
      return false;
    }
    for (; more > 0; --more) {
      if ((*p++ & 0xC0) != 0x80) return false;
    }
  }
  return true;
}

// A client reads the refusal's message and its details (google.rpc.BadRequest and
// assist.v1.LocalizedFieldViolations); protobuf refuses to parse invalid UTF-8 in them.
inline void RequireReadableRefusal(const grpc::Status& status) {
  if (!IsUtf8(status.error_message())) {
    Fail("refusal message is not UTF-8: " + status.error_message());
  }
  google::rpc::Status details;
  if (!details.ParseFromString(status.error_details())) Fail("refusal details do not parse");
  for (const auto& any : details.details()) {
    google::rpc::BadRequest english;
    assist::v1::LocalizedFieldViolations local;
    if ((any.Is<google::rpc::BadRequest>() && !any.UnpackTo(&english)) ||
        (any.Is<assist::v1::LocalizedFieldViolations>() && !any.UnpackTo(&local))) {
      Fail("refusal details are not valid UTF-8: " + status.error_message());
    }
  }
}

}  // namespace assist::fuzz
