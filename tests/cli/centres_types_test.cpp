// assistctl centres and types against a real host: the operator creates and lists centres,
// enables a type with settings and sees the type described; refusals come back in words.
#include "assist/v1/platform.pb.h"
#include "cli_host_test.hpp"
#include "json_lines.hpp"

namespace assist::cli_test {
namespace {

using testing::HasSubstr;
using testing::Not;

class CentresTypes : public CliHostTest {};

TEST_P(CentresTypes, OperatorCreatesListsAndShowsCentres) {
  const std::vector<std::string> create{"centres", "create",       "gops-testowo",
                                        "--name",  "GOPS Testowo", "--municipality",
                                        "Testowo", "--type",       "family"};
  const CliResult created = Ctl(it::Operator(), create);
  ASSERT_EQ(created.exit_code, 0) << Describe(create, created);
  EXPECT_THAT(created.out, HasSubstr("gops-testowo"));

  const CliResult table = Ctl(it::Operator(), {"centres", "list"});
  ASSERT_EQ(table.exit_code, 0) << Describe({"centres", "list"}, table);
  EXPECT_THAT(table.out, HasSubstr("ID"));
  EXPECT_THAT(table.out, HasSubstr("GOPS Testowo"));
  EXPECT_THAT(table.out, HasSubstr("mops-sopot"));

  const CliResult json = Ctl(it::Operator(), {"centres", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << Describe({"centres", "list", "--json"}, json);
  assist::v1::ListCentresResponse listed;
  ASSERT_EQ(ParseJson(json.out, &listed), "") << json.out;
  bool found = false;
  for (const auto& centre : listed.centres()) {
    if (centre.id() != "gops-testowo") continue;
    found = true;
    EXPECT_EQ(centre.municipality(), "Testowo");
    ASSERT_EQ(centre.enabled_types_size(), 1);
    EXPECT_EQ(centre.enabled_types(0), "family");
  }
  EXPECT_TRUE(found) << json.out;

  const CliResult shown = Ctl(it::Operator(), {"centres", "show", "gops-testowo"});
  ASSERT_EQ(shown.exit_code, 0) << Describe({"centres", "show"}, shown);
  EXPECT_THAT(shown.out, HasSubstr("municipality:"));
  EXPECT_THAT(shown.out, HasSubstr("Testowo"));

  // Staff see their own centre only.
  const CliResult own = Ctl(it::Sopot().head, {"centres", "list"});
  ASSERT_EQ(own.exit_code, 0) << Describe({"centres", "list"}, own);
  EXPECT_THAT(own.out, HasSubstr("mops-sopot"));
  EXPECT_THAT(own.out, Not(HasSubstr("gops-testowo")));
}

TEST_P(CentresTypes, EnablesATypeWithSettingsAndDescribesIt) {
  const std::vector<std::string> describe{"types", "describe", "disability"};
  const CliResult described = Ctl(it::Jastrzebia().head, describe);
  ASSERT_EQ(described.exit_code, 0) << Describe(describe, described);
  EXPECT_THAT(described.out, HasSubstr("assist.disability.v1.CentreSettings"));
  EXPECT_THAT(described.out, HasSubstr("limits"));
  EXPECT_THAT(described.out, HasSubstr("maxHoursPerPerson"));

  const std::vector<std::string> enable{
      "types",
      "enable",
      "disability",
      "--centre",
      "gops-jastrzebia",
      "--settings",
      R"({"limits": [{"year": 2026, "maxHoursPerPerson": 400}]})"};
  const CliResult enabled = Ctl(it::Jastrzebia().head, enable);
  ASSERT_EQ(enabled.exit_code, 0) << Describe(enable, enabled);
  EXPECT_THAT(enabled.out, HasSubstr("enabled types: disability,family"));

  const CliResult listed = Ctl(it::Jastrzebia().head, {"types", "list"});
  ASSERT_EQ(listed.exit_code, 0) << Describe({"types", "list"}, listed);
  EXPECT_THAT(listed.out, HasSubstr("assist.disability.v1.CentreSettings"));

  // Settings from a file (here stdin), and the host's validation in words.
  const std::vector<std::string> bad{"types",           "enable",          "disability", "--centre",
                                     "gops-jastrzebia", "--settings-file", "-"};
  const CliResult refused = Ctl(it::Jastrzebia().head, bad, {},
                                R"({"limits": [{"year": 1999, "maxHoursPerPerson": 0}]})");
  EXPECT_EQ(refused.exit_code, 5) << Describe(bad, refused);
  EXPECT_THAT(refused.err, HasSubstr("invalid argument"));
  EXPECT_THAT(refused.err, HasSubstr("field settings.limits[0].year:"));
  EXPECT_THAT(refused.err, HasSubstr("field settings.limits[0].max_hours_per_person:"));

  const std::vector<std::string> disable{"types", "disable", "disability", "--centre",
                                         "gops-jastrzebia"};
  const CliResult disabled = Ctl(it::Operator(), disable);
  ASSERT_EQ(disabled.exit_code, 0) << Describe(disable, disabled);
  const CliResult shown = Ctl(it::Operator(), {"centres", "show", "gops-jastrzebia", "--json"});
  assist::v1::Centre centre;
  ASSERT_EQ(ParseJson(shown.out, &centre), "") << shown.out;
  EXPECT_EQ(centre.enabled_types_size(), 1);
}

TEST_P(CentresTypes, RefusalsComeBackInWordsWithTheirExitCodes) {
  const std::vector<std::string> bad{"centres", "create", "Not An Id", "--type", "astrology"};
  const CliResult invalid = Ctl(it::Operator(), bad);
  EXPECT_EQ(invalid.exit_code, 5) << Describe(bad, invalid);
  EXPECT_THAT(invalid.err, HasSubstr("CreateCentre: invalid argument"));
  EXPECT_THAT(invalid.err, HasSubstr("field id: must match"));
  EXPECT_THAT(invalid.err, HasSubstr("field name:"));
  EXPECT_THAT(invalid.err, HasSubstr("field municipality:"));
  EXPECT_THAT(invalid.err, HasSubstr("field enabled_types[0]:"));
  EXPECT_EQ(invalid.out, "");

  const CliResult polish = Ctl(it::Operator(), {"centres", "create", "x", "--lang", "pl"});
  EXPECT_EQ(polish.exit_code, 5) << polish.err;
  EXPECT_THAT(polish.err, HasSubstr("field id: musi pasować do wzorca"));

  const std::vector<std::string> create{"centres", "create",         "gops-x", "--name",
                                        "X",       "--municipality", "X"};
  const CliResult denied = Ctl(it::Sopot().head, create);
  EXPECT_EQ(denied.exit_code, 3) << Describe(create, denied);
  EXPECT_THAT(denied.err, HasSubstr("permission denied"));
  EXPECT_THAT(denied.err, HasSubstr("reason: ROLE_NOT_ALLOWED (role=ROLE_HEAD, rpc=CreateCentre)"));

  const CliResult unknown = Ctl(it::Operator(), {"centres", "list"}, {{"ASSIST_TOKEN", "nobody"}});
  EXPECT_EQ(unknown.exit_code, 3) << unknown.err;
  EXPECT_THAT(unknown.err, HasSubstr("unauthenticated"));
  EXPECT_THAT(unknown.err, HasSubstr("reason: UNAUTHENTICATED"));

  const CliResult missing = Ctl(it::Operator(), {"centres", "show", "gops-nowhere"});
  EXPECT_EQ(missing.exit_code, 4) << missing.err;
  EXPECT_THAT(missing.err, HasSubstr("not found"));

  const CliResult again = Ctl(it::Operator(), {"centres", "create", "mops-sopot", "--name", "S",
                                               "--municipality", "Sopot"});
  EXPECT_EQ(again.exit_code, 5) << again.err;
  EXPECT_THAT(again.err, HasSubstr("already exists"));
  EXPECT_THAT(again.err, HasSubstr("reason: ALREADY_EXISTS"));
}

TEST_P(CentresTypes, HealthAnswersServing) {
  const CliResult health = Ctl(it::Operator(), {"health"});
  ASSERT_EQ(health.exit_code, 0) << Describe({"health"}, health);
  EXPECT_EQ(health.out, "SERVING\n");
  const CliResult json = CtlBare({"health", "--json", "--address", address()});
  ASSERT_EQ(json.exit_code, 0) << Describe({"health", "--json"}, json);
  EXPECT_THAT(json.out, HasSubstr("\"status\": \"SERVING\""));
}

INSTANTIATE_CLI_BACKENDS(CentresTypes);

}  // namespace
}  // namespace assist::cli_test
