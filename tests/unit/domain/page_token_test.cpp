#include "domain/page_token.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace assist::host {
namespace {

TEST(PageTokenTest, RoundTripsAndRejectsForgeries) {
  EXPECT_EQ(DecodePageToken(EncodePageToken("2026-05-01|42")), "2026-05-01|42");
  EXPECT_THROW(DecodePageToken("not-a-token"), RpcError);
  EXPECT_THROW(DecodePageToken("p1zz"), RpcError);
  EXPECT_THROW(DecodePageToken("p1a"), RpcError);
}

TEST(PageTokenTest, BoundsPageSizes) {
  EXPECT_EQ(PageSize(0), 50);
  EXPECT_EQ(PageSize(10), 10);
  EXPECT_THROW(PageSize(501), RpcError);
  EXPECT_THROW(PageSize(-1), RpcError);
}

}  // namespace
}  // namespace assist::host
