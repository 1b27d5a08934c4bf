#include "domain/page.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/errors.hpp"
#include "domain/page_token.hpp"

namespace assist::host {
namespace {

struct Row {
  long long id;
  std::string due;
};

std::vector<Row> Rows(int n) {
  std::vector<Row> rows;
  for (int i = 1; i <= n; ++i) rows.push_back({i * 10, "2026-05-0" + std::to_string(i)});
  return rows;
}

std::string KeyOf(const Row& row) { return IdKey(row.id); }

TEST(PageTest, FetchesOneRowMoreThanThePage) { EXPECT_EQ(FetchLimit(50), 51); }

TEST(PageTest, NoRowsMakeAnEmptyLastPage) {
  auto page = MakePage(std::vector<Row>{}, 3, KeyOf);
  EXPECT_TRUE(page.items.empty());
  EXPECT_TRUE(page.next_page_token.empty());
}

TEST(PageTest, ExactlyAPageIsTheLastPage) {
  auto page = MakePage(Rows(3), 3, KeyOf);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items.back().id, 30);
  EXPECT_TRUE(page.next_page_token.empty());
}

TEST(PageTest, TheRowPastThePageMakesATokenOfTheLastRowKept) {
  auto page = MakePage(Rows(4), 3, KeyOf);
  ASSERT_EQ(page.items.size(), 3u);
  EXPECT_EQ(page.items.back().id, 30);
  ASSERT_FALSE(page.next_page_token.empty());
  EXPECT_EQ(IdFromPageToken(page.next_page_token), 30);
}

TEST(PageTest, NoTokenStartsAtTheBeginning) {
  EXPECT_EQ(IdFromPageToken(""), 0);
  const DueIdKey key = DueIdFromPageToken("");
  EXPECT_EQ(key.due, "");
  EXPECT_EQ(key.id, 0);
}

TEST(PageTest, DueAndIdTokensRoundTrip) {
  auto page = MakePage(Rows(3), 2, [](const Row& row) { return MakeDueIdKey(row.due, row.id); });
  ASSERT_EQ(page.items.size(), 2u);
  const DueIdKey key = DueIdFromPageToken(page.next_page_token);
  EXPECT_EQ(key.due, "2026-05-02");
  EXPECT_EQ(key.id, 20);
}

TEST(PageTest, TamperedTokensAreInvalidArgument) {
  const std::string token = MakePage(Rows(2), 1, KeyOf).next_page_token;
  ASSERT_EQ(IdFromPageToken(token), 10);
  std::string not_hex = token;
  not_hex.back() = 'g';
  EXPECT_THROW(IdFromPageToken(not_hex), RpcError);
  std::string other_key = token;  // "10" -> "q0": still hex, no longer an id
  other_key[2] = '7';
  EXPECT_THROW(IdFromPageToken(other_key), RpcError);
  EXPECT_THROW(IdFromPageToken(token.substr(0, token.size() - 1)), RpcError);
  EXPECT_THROW(IdFromPageToken("p1"), RpcError);                              // no key
  EXPECT_THROW(IdFromPageToken(EncodePageToken("ten")), RpcError);            // not an id
  EXPECT_THROW(DueIdFromPageToken(EncodePageToken("2026-05-01")), RpcError);  // no id
  EXPECT_THROW(DueIdFromPageToken(EncodePageToken("2026-05-01|x")), RpcError);
  try {
    IdFromPageToken("not-a-token");
    FAIL() << "a forged token was accepted";
  } catch (const RpcError& e) {
    EXPECT_EQ(e.status().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  }
}

}  // namespace
}  // namespace assist::host
