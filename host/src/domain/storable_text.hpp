#pragma once
// The one host-side check of text the database would alter: PostgreSQL's client library ends a
// string at its first NUL byte ("Anna\0Evil" would be stored as "Anna", answered OK), while SQLite
// keeps it; neither is acceptable for a record. Every request passes through UnstorableText and
// every decoded plugin payload through CheckPayloadLimits (one walk for its bounds and this), so
// the two backends store the same text or refuse it the same way.
#include <google/protobuf/message.h>

#include <assist/plugin/status.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace assist::host {

bool IsStorableText(std::string_view text);

// The violation reported for `field` holding such text.
sdk::FieldViolation NulViolation(const std::string& field);

// Every string field (at any depth, repeated and map values included; bytes fields are not text)
// that is not storable, with its path under `prefix` ("" for a request's own fields).
std::vector<sdk::FieldViolation> UnstorableText(const google::protobuf::Message& message,
                                                const std::string& prefix = {});

// Throws INVALID_ARGUMENT with every such field.
void RefuseUnstorableText(const google::protobuf::Message& message, const std::string& prefix = {});

}  // namespace assist::host
