#include "domain/step_records.hpp"

#include "domain/payload_codec.hpp"
#include "store/contact_repository.hpp"
#include "store/review_repository.hpp"

namespace assist::host {

long long InsertContact(Transaction& tx, const assist::v1::Contact& contact,
                        const google::protobuf::Message* details) {
  std::string details_type = details ? details->GetDescriptor()->full_name() : "";
  std::string details_json = details ? ToStoredJson(*details) : "";
  return InsertContactRow(tx, contact, details_type, details_json);
}

long long InsertReview(Transaction& tx, const assist::v1::Review& review,
                       const google::protobuf::Message& payload) {
  return InsertReviewRow(tx, review, payload.GetDescriptor()->full_name(), ToStoredJson(payload));
}

}  // namespace assist::host
