#include "audit/audit_chain.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace assist::host {
namespace {

// Every field as an 8-byte big-endian length and its bytes: no two different rows encode alike,
// whatever their texts contain.
void Field(std::string& out, std::string_view value) {
  const auto size = static_cast<std::uint64_t>(value.size());
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((size >> shift) & 0xff));
  }
  out.append(value);
}

void Field(std::string& out, long long value) { Field(out, std::to_string(value)); }

// The fields every hash covers, in a fixed order.
void RowFields(std::string& out, const AuditRecord& row) {
  Field(out, row.centre_id);
  Field(out, row.seq);
  Field(out, row.at);
  Field(out, row.actor_id);
  Field(out, static_cast<long long>(row.role));
  Field(out, row.rpc);
  Field(out, row.case_id);
  Field(out, row.action);
  Field(out, row.detail);
  Field(out, row.request_id);
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(std::size_t{2} * size);
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xf]);
  }
  return hex;
}

std::string LinkHash(const std::string& previous_hash, const AuditRecord& row) {
  std::string encoding;
  Field(encoding, "assist-audit-link-v1");
  Field(encoding, previous_hash);
  RowFields(encoding, row);
  return Sha256Hex(encoding);
}

GenesisHasher::GenesisHasher(const std::string& centre_id) {
  std::string encoding;
  Field(encoding, "assist-audit-genesis-v1");
  Field(encoding, centre_id);
  running_ = Sha256Hex(encoding);
}

void GenesisHasher::Add(const AuditRecord& row) {
  std::string encoding;
  Field(encoding, running_);
  Field(encoding, row.id);
  RowFields(encoding, row);
  running_ = Sha256Hex(encoding);
  ++rows_;
}

std::string GenesisHasher::Hash() const { return running_; }

}  // namespace assist::host
