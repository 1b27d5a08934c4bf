#pragma once
// The hash chain of an audit trail (docs/security.md, "Tamper evidence"). Each trail (a centre's,
// or the platform trail of calls that concern no centre, centre_id "") is one chain: row n
// carries sequence number n and hash_n = SHA-256(canonical encoding of the row's fields and
// hash_{n-1}); hash_0 is the trail's genesis hash, which commits to the rows the trail held before
// the chain began (the rows of an older database, sequence number 0).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace assist::host {

// One stored audit row as the chain sees it. `id` is the surrogate key: not hashed (it is drawn
// by the database at INSERT), but it must rise along the chain, which the verifier checks.
struct AuditRecord {
  long long id = 0;
  std::string centre_id;
  long long seq = 0;
  std::string at;
  std::string actor_id;
  int role = 0;
  std::string rpc;
  long long case_id = 0;
  std::string action;
  std::string detail;
  std::string request_id;
  std::string hash;  // lowercase hex SHA-256
};

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

// hash_n of `row` (its seq and every stored field but id and hash) after `previous_hash`.
std::string LinkHash(const std::string& previous_hash, const AuditRecord& row);

// Hashes the rows a trail held before its chain began, in id order, ids included.
class GenesisHasher {
 public:
  explicit GenesisHasher(const std::string& centre_id);
  void Add(const AuditRecord& row);
  long long rows() const { return rows_; }
  std::string Hash() const;

 private:
  std::string running_;  // SHA-256 over the tag, the centre and the rows added so far
  long long rows_ = 0;
};

}  // namespace assist::host
