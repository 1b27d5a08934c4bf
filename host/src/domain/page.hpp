#pragma once
// Keyset pages. A list query fetches one row more than the page (FetchLimit); MakePage keeps the
// page and makes the next page's token from the key of the last row it keeps. Every page token
// of the API is made here, and read back by the *FromPageToken functions.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "domain/page_token.hpp"

namespace assist::host {

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_page_token;  // empty on the last page
};

// The LIMIT of a page's query: the row past the page tells whether there is a next page.
inline int FetchLimit(int page_size) { return page_size + 1; }

// `rows` as fetched with LIMIT FetchLimit(page_size), in key order; key_of(row) is the row's
// position in that order as text (IdKey, DueIdKey).
template <typename T, typename KeyOf>
Page<T> MakePage(std::vector<T> rows, int page_size, const KeyOf& key_of) {
  Page<T> page;
  const auto size = static_cast<std::size_t>(page_size > 0 ? page_size : 0);
  if (rows.size() > size) {
    rows.resize(size);
    if (!rows.empty()) page.next_page_token = EncodePageToken(key_of(rows.back()));
  }
  page.items = std::move(rows);
  return page;
}

// Keys of pages ordered by id.
std::string IdKey(long long id);
// The id of the last row of the previous page; 0 without a token. INVALID_ARGUMENT on page_token
// when the token was not made by MakePage with IdKey.
long long IdFromPageToken(const std::string& token);

// Keys of pages ordered by (a date, id).
struct DueIdKey {
  std::string due;
  long long id = 0;
};
std::string MakeDueIdKey(const std::string& due, long long id);
// An empty due date and id 0 without a token; INVALID_ARGUMENT on page_token when the token was
// not made by MakePage with MakeDueIdKey.
DueIdKey DueIdFromPageToken(const std::string& token);

}  // namespace assist::host
