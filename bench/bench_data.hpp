#pragma once
// Data for the benchmarks, generated with SQL in one transaction on a database the host's own
// migrations made (SQLite), and small helpers the benchmark programs share.
#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

namespace assist::bench {

// Runs `text` after replacing each mark (e.g. "{N}") by its value, in order: a value may hold
// marks that come later in the list.
void RunWithMarks(soci::session& sql, std::string text,
                  const std::vector<std::pair<std::string, std::string>>& marks);

long long Count(soci::session& sql, const std::string& query);

// EXPLAIN QUERY PLAN of `query` (SQLite), one "  plan: ..." line per step.
void PrintPlan(soci::session& sql, const std::string& query);

// The value at fraction `p` (0..1) of the sorted values; 0 when there are none.
double Percentile(std::vector<double> values, double p);

// One centre ('bench') of N cases for the retention sweep (bench/retention_sweep.cpp): every
// fifth a family case (family k/5 of three members), the others a person's (person k). Due for
// retention: a pseudo-random `due_percent` share, closed (or out of monitoring) in 2011-2012. The
// rest: open, closed in 2025, or monitored. Every case has an intake, a plan, two contacts, a
// review and a consent decision, closed ones an outcome; one in ten due people also has an open
// case of another type, so their names are kept.
void GenerateRetentionData(soci::session& sql, long long n, int due_percent);

// The assistance types of this build (ASSIST_PLUGINS: the folders of plugins/), in the build's
// order: the scale data spreads its cases over them.
const std::vector<std::string>& ScaleTypes();

// What GenerateScaleData builds: `centres` centres "c000".."c299" with every type of ScaleTypes()
// enabled; centre c000 holds 9 % of the cases (the largest centre), the others share the rest.
struct ScaleShape {
  long long cases = 100000;
  int centres = 300;
};

// N cases over the centres and the n types of ScaleTypes() (case k has the type k % n of that
// list): every fifth a family case (family k/5 of three members), the others a person's
// (person k). 40 % open (referred
// 2020-2026, a review due 180-380 days after referral, most of them overdue today), 50 % closed
// and 10 % in monitoring (referred 2012-2025, closed 60-760 days later, no review due). Every
// case has an intake, a plan (every other one two plan versions), two contacts, a review and a
// consent decision; closed and monitored ones an outcome. Assistants: "asst0".."asst36" in
// every centre.
void GenerateScaleData(soci::session& sql, const ScaleShape& shape);

}  // namespace assist::bench
