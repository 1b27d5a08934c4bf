#include "domain/page.hpp"

#include <stdexcept>

#include "domain/errors.hpp"

namespace assist::host {
namespace {

[[noreturn]] void NotOurToken() {
  ThrowInvalid("page_token", "is not a token this server issued",
               "nie jest tokenem wydanym przez ten serwer");
}

long long ParseId(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    NotOurToken();
  }
}

}  // namespace

std::string IdKey(long long id) { return std::to_string(id); }

long long IdFromPageToken(const std::string& token) {
  if (token.empty()) return 0;
  return ParseId(DecodePageToken(token));
}

std::string MakeDueIdKey(const std::string& due, long long id) {
  return due + "|" + std::to_string(id);
}

DueIdKey DueIdFromPageToken(const std::string& token) {
  DueIdKey key;
  if (token.empty()) return key;
  const std::string text = DecodePageToken(token);
  if (text.empty()) return key;
  const auto bar = text.find('|');
  if (bar == std::string::npos) NotOurToken();
  key.due = text.substr(0, bar);
  key.id = ParseId(text.substr(bar + 1));
  return key;
}

}  // namespace assist::host
