#pragma once
// A small collector so that a plugin's Validate reports every violation at once:
//   Violations v;
//   v.Require(!intake.family_form_unspecified(), "family_form", "is required", "jest wymagana");
//   return v.ToStatus();
#include <assist/plugin/date.hpp>
#include <assist/plugin/status.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace assist::sdk {

class Violations {
 public:
  void Add(std::string field, std::string en, std::string pl) {
    list_.push_back({std::move(field), std::move(en), std::move(pl)});
  }
  // Adds the violation when `ok` is false; returns `ok` so callers can skip dependent checks.
  bool Require(bool ok, std::string field, std::string en, std::string pl) {
    if (!ok) Add(std::move(field), std::move(en), std::move(pl));
    return ok;
  }
  // A required "YYYY-MM-DD" field; returns the parsed date when valid.
  std::optional<Date> RequireDate(std::string_view text, const std::string& field) {
    if (text.empty()) {
      Add(field, "is required (YYYY-MM-DD)", "jest wymagana (RRRR-MM-DD)");
      return std::nullopt;
    }
    return OptionalDate(text, field);
  }
  // An optional date: empty is fine, anything else must be a real "YYYY-MM-DD" date.
  std::optional<Date> OptionalDate(std::string_view text, const std::string& field) {
    if (text.empty()) return std::nullopt;
    auto date = ParseDate(text);
    if (!date)
      Add(field, "is not a valid date (YYYY-MM-DD)", "nie jest poprawną datą (RRRR-MM-DD)");
    return date;
  }
  void RequireText(std::string_view text, const std::string& field, std::size_t max_len = 2000) {
    if (text.empty()) {
      Add(field, "is required", "jest wymagane");
    } else if (text.size() > max_len) {
      Add(field, "is longer than " + std::to_string(max_len) + " bytes",
          "jest dłuższe niż " + std::to_string(max_len) + " bajtów");
    }
  }
  // A rating on the 1..max scale.
  void RequireRating(int value, const std::string& field, int max = 5) {
    Require(value >= 1 && value <= max, field, "must be between 1 and " + std::to_string(max),
            "musi mieścić się w skali od 1 do " + std::to_string(max));
  }

  bool empty() const { return list_.empty(); }
  const std::vector<FieldViolation>& list() const { return list_; }
  Status ToStatus() const { return list_.empty() ? Status::Ok() : Status::Invalid(list_); }

 private:
  std::vector<FieldViolation> list_;
};

}  // namespace assist::sdk
