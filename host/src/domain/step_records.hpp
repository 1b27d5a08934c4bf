#pragma once
// The rows a case step adds besides the case and its documents (case_store.hpp): contacts and
// reviews (consent decisions: domain/consent_steps.hpp). None of these functions audit (the steps
// do).
#include <google/protobuf/message.h>

#include <string>

#include "assist/v1/cases.pb.h"
#include "auth/identity.hpp"
#include "db/database.hpp"

namespace assist::host {

// `details`: the plugin's contact details, or nullptr. Returns the contact's id.
long long InsertContact(Transaction& tx, const assist::v1::Contact& contact,
                        const google::protobuf::Message* details);
// Returns the review's id.
long long InsertReview(Transaction& tx, const assist::v1::Review& review,
                       const google::protobuf::Message& payload);

}  // namespace assist::host
