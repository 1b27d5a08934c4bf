#pragma once
// The reviews recorded on a case (reviews). The plugin's review is stored as its type name and
// JSON; reading it back as a message is the domain's. Nothing here audits.
#include <string>
#include <vector>

#include "assist/v1/cases.pb.h"
#include "db/database.hpp"

namespace assist::host {

// A stored review: `review` without its payload, which is `type_name` and `json`.
struct StoredReview {
  assist::v1::Review review;
  std::string type_name;
  std::string json;
};

// Returns the review's id.
long long InsertReviewRow(Transaction& tx, const assist::v1::Review& review,
                          const std::string& type_name, const std::string& json);
// Every review of the case, in id order.
std::vector<StoredReview> ListReviewRows(Transaction& tx, long long case_id);
// Every review of the case in the order of the day it was made (a document's record): date and
// JSON only.
std::vector<StoredReview> ReviewsByDate(Transaction& tx, long long case_id);

}  // namespace assist::host
