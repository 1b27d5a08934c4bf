#pragma once
// Opaque page tokens for keyset pagination. Clients pass back what they got; anything else is
// INVALID_ARGUMENT on page_token.
#include <string>

namespace assist::host {

std::string EncodePageToken(const std::string& key);
// Throws RpcError INVALID_ARGUMENT when the token was not made by EncodePageToken.
std::string DecodePageToken(const std::string& token);

// page_size 0 means the default; larger than the maximum is INVALID_ARGUMENT.
int PageSize(int requested, int default_size = 50, int max_size = 500);

}  // namespace assist::host
