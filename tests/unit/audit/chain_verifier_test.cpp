// The chain walk of audit/chain_verifier.hpp on chains built in memory: an untouched chain is
// intact, and each kind of tampering is found at the first broken link with its kind.
#include "audit/chain_verifier.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_chain.hpp"

namespace assist::host {
namespace {

const std::string kGenesis = GenesisHasher("sopot").Hash();

// Rows 1..count of trail "sopot", ids 100 + seq, chained from kGenesis.
std::vector<AuditRecord> Chain(int count) {
  std::vector<AuditRecord> rows;
  std::string previous = kGenesis;
  for (int seq = 1; seq <= count; ++seq) {
    AuditRecord row;
    row.id = 100 + seq;
    row.centre_id = "sopot";
    row.seq = seq;
    row.at = "2026-12-01T08:00:0" + std::to_string(seq % 10) + "Z";
    row.actor_id = "anna";
    row.role = 3;
    row.rpc = "GetCase";
    row.case_id = 7;
    row.action = "read";
    row.detail = "row " + std::to_string(seq);
    row.request_id = "r" + std::to_string(seq);
    row.hash = LinkHash(previous, row);
    previous = row.hash;
    rows.push_back(row);
  }
  return rows;
}

ChainHead HeadOf(const std::vector<AuditRecord>& rows) {
  return rows.empty() ? ChainHead{0, kGenesis} : ChainHead{rows.back().seq, rows.back().hash};
}

// Verifies `stored` (sorted as the database returns it: by seq, then id) against `head`.
std::optional<ChainBreak> Verify(std::vector<AuditRecord> stored, const ChainHead& head,
                                 long long* checked = nullptr) {
  std::sort(stored.begin(), stored.end(), [](const AuditRecord& a, const AuditRecord& b) {
    return a.seq != b.seq ? a.seq < b.seq : a.id < b.id;
  });
  ChainVerifier verifier(kGenesis, head);
  for (const AuditRecord& row : stored) {
    if (!verifier.Add(row)) break;
  }
  auto result = verifier.Finish();
  if (checked != nullptr) *checked = verifier.rows_checked();
  return result;
}

void ExpectBreak(const std::optional<ChainBreak>& found, ChainBreakKind kind, long long seq,
                 long long event_id) {
  ASSERT_TRUE(found.has_value()) << "the chain was found intact";
  EXPECT_EQ(found->kind, kind) << found->detail;
  EXPECT_EQ(found->seq, seq) << found->detail;
  EXPECT_EQ(found->event_id, event_id) << found->detail;
  EXPECT_FALSE(found->detail.empty());
}

TEST(ChainVerifierTest, AnUntouchedChainIsIntact) {
  const auto rows = Chain(6);
  long long checked = 0;
  EXPECT_FALSE(Verify(rows, HeadOf(rows), &checked).has_value());
  EXPECT_EQ(checked, 6);
  EXPECT_FALSE(Verify({}, HeadOf({})).has_value());
}

TEST(ChainVerifierTest, EveryFieldIsCoveredByTheHash) {
  const auto rows = Chain(3);
  for (int field = 0; field < 10; ++field) {
    auto tampered = rows;
    AuditRecord& row = tampered[1];
    switch (field) {
      case 0:
        row.centre_id = "jastrzebia";
        break;
      case 1:
        row.at += " ";
        break;
      case 2:
        row.actor_id = "ewa";
        break;
      case 3:
        row.role = 1;
        break;
      case 4:
        row.rpc = "ListCases";
        break;
      case 5:
        row.case_id = 8;
        break;
      case 6:
        row.action = "write";
        break;
      case 7:
        row.detail = "";
        break;
      case 8:
        row.request_id = "r";
        break;
      case 9:
        row.hash[0] = row.hash[0] == '0' ? '1' : '0';
        break;
    }
    ExpectBreak(Verify(tampered, HeadOf(rows)), ChainBreakKind::kContentRewritten, 2, 102);
  }
}

TEST(ChainVerifierTest, TheEncodingKeepsFieldBoundaries) {
  // "ab" + "c" and "a" + "bc" must not hash alike.
  AuditRecord one = Chain(1)[0];
  AuditRecord two = one;
  one.actor_id = "ab";
  one.rpc = "c";
  two.actor_id = "a";
  two.rpc = "bc";
  EXPECT_NE(LinkHash(kGenesis, one), LinkHash(kGenesis, two));
}

TEST(ChainVerifierTest, ARemovedRowIsMissing) {
  auto rows = Chain(6);
  rows.erase(rows.begin() + 2);  // seq 3
  ExpectBreak(Verify(rows, HeadOf(Chain(6))), ChainBreakKind::kRowMissing, 3, 104);
}

TEST(ChainVerifierTest, RemovedLastRowsAreMissingAgainstTheHead) {
  const auto all = Chain(6);
  auto rows = all;
  rows.resize(4);
  ExpectBreak(Verify(rows, HeadOf(all)), ChainBreakKind::kRowMissing, 5, 0);
}

TEST(ChainVerifierTest, SwappedSequenceNumbersAreAReordering) {
  auto rows = Chain(6);
  std::swap(rows[2].seq, rows[3].seq);  // ids 103 and 104 trade places in the chain
  ExpectBreak(Verify(rows, HeadOf(Chain(6))), ChainBreakKind::kRowsReordered, 3, 104);
}

TEST(ChainVerifierTest, SwappedIdsAreAReordering) {
  auto rows = Chain(6);
  std::swap(rows[2].id, rows[3].id);
  ExpectBreak(Verify(rows, HeadOf(Chain(6))), ChainBreakKind::kRowsReordered, 4, 103);
}

TEST(ChainVerifierTest, ARowPastTheHeadIsForged) {
  const auto all = Chain(5);
  auto rows = all;
  AuditRecord forged = Chain(6).back();  // even a correctly hashed one
  rows.push_back(forged);
  ExpectBreak(Verify(rows, HeadOf(all)), ChainBreakKind::kForgedRow, 6, 106);
}

TEST(ChainVerifierTest, ARowAtATakenSequenceNumberIsForged) {
  auto rows = Chain(5);
  AuditRecord forged = rows[1];
  forged.id = 200;
  forged.detail = "forged";
  rows.push_back(forged);
  ExpectBreak(Verify(rows, HeadOf(Chain(5))), ChainBreakKind::kForgedRow, 2, 200);
}

TEST(ChainVerifierTest, ARowBesideAGenuineOneIsForged) {
  // Forged at the next sequence number before the next append took it too (lower id).
  auto rows = Chain(4);
  AuditRecord forged = rows[3];
  forged.id = 50;
  forged.detail = "forged";
  rows.push_back(forged);
  ExpectBreak(Verify(rows, HeadOf(Chain(4))), ChainBreakKind::kForgedRow, 4, 50);
}

TEST(ChainVerifierTest, ARowPushedIntoTheChainIsForged) {
  // Sequence numbers 3.. moved up by one to make room for a row at 3: the chain continues past
  // it, whether its hash is made up or computed to fit after row 2.
  for (const bool hashed_to_fit : {false, true}) {
    auto rows = Chain(5);
    for (auto& row : rows) {
      if (row.seq >= 3) ++row.seq;
    }
    AuditRecord forged = rows[0];
    forged.id = 200;
    forged.seq = 3;
    forged.detail = "forged";
    forged.hash = hashed_to_fit ? LinkHash(rows[1].hash, forged) : std::string(64, 'f');
    rows.push_back(forged);
    ExpectBreak(Verify(rows, ChainHead{6, rows[4].hash}), ChainBreakKind::kForgedRow, 3, 200);
  }
}

TEST(ChainVerifierTest, ALastRowRehashedDisagreesWithTheHead) {
  const auto all = Chain(4);
  auto rows = all;
  rows[3].detail = "rewritten";
  rows[3].hash = LinkHash(rows[2].hash, rows[3]);
  ExpectBreak(Verify(rows, HeadOf(all)), ChainBreakKind::kContentRewritten, 4, 104);
}

TEST(ChainVerifierTest, RowsAppendedWhileReadingAreCoveredByTheMovedHead) {
  const auto all = Chain(6);
  ChainVerifier verifier(kGenesis, HeadOf(std::vector<AuditRecord>(all.begin(), all.begin() + 4)));
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(verifier.Add(all[i]));
  verifier.HeadMovedTo(6);
  for (int i = 4; i < 6; ++i) ASSERT_TRUE(verifier.Add(all[i]));
  EXPECT_FALSE(verifier.Finish().has_value());
  EXPECT_EQ(verifier.rows_checked(), 6);
}

// What the chain cannot prove (docs/security.md): whoever rewrites a row and rehashes every row
// after it, and moves the head along, leaves a chain that verifies. Only a head hash kept outside
// the database (exported by an auditor) shows the change.
TEST(ChainVerifierTest, AChainRehashedFromTheTamperedRowOnVerifiesWithoutAnAnchor) {
  const auto original = Chain(5);
  auto rows = original;
  rows[1].detail = "rewritten";
  std::string previous = rows[0].hash;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    rows[i].hash = LinkHash(previous, rows[i]);
    previous = rows[i].hash;
  }
  EXPECT_FALSE(Verify(rows, HeadOf(rows)).has_value());
  EXPECT_NE(HeadOf(rows).hash, HeadOf(original).hash) << "the exported anchor differs";
}

TEST(GenesisHasherTest, CommitsToThePreChainRowsAndTheirIds) {
  const auto rows = Chain(3);
  GenesisHasher a("sopot");
  GenesisHasher b("sopot");
  GenesisHasher other("jastrzebia");
  for (const auto& row : rows) {
    a.Add(row);
    AuditRecord renumbered = row;
    renumbered.id += 1;
    b.Add(renumbered);
  }
  EXPECT_EQ(a.rows(), 3);
  EXPECT_NE(a.Hash(), b.Hash());
  EXPECT_NE(GenesisHasher("sopot").Hash(), other.Hash());
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace assist::host
