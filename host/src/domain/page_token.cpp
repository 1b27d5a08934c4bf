#include "domain/page_token.hpp"

#include "domain/errors.hpp"

namespace assist::host {
namespace {
constexpr const char* kHex = "0123456789abcdef";
constexpr const char* kPrefix = "p1";
}  // namespace

std::string EncodePageToken(const std::string& key) {
  std::string token = kPrefix;
  for (unsigned char c : key) {
    token += kHex[c >> 4];
    token += kHex[c & 15];
  }
  return token;
}

std::string DecodePageToken(const std::string& token) {
  auto bad = [] {
    ThrowInvalid("page_token", "is not a token this server issued",
                 "nie jest tokenem wydanym przez ten serwer");
  };
  if (token.size() % 2 != 0 || token.rfind(kPrefix, 0) != 0 || token.size() > 512) bad();
  auto nibble = [&](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    bad();
    return 0;
  };
  std::string key;
  for (std::size_t i = 2; i < token.size(); i += 2) {
    key += static_cast<char>(nibble(token[i]) << 4 | nibble(token[i + 1]));
  }
  return key;
}

int PageSize(int requested, int default_size, int max_size) {
  if (requested < 0 || requested > max_size) {
    ThrowInvalid("page_size", "must be between 0 and " + std::to_string(max_size),
                 "musi mieścić się między 0 a " + std::to_string(max_size));
  }
  return requested == 0 ? default_size : requested;
}

}  // namespace assist::host
