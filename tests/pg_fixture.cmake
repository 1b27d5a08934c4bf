# ONE throwaway PostgreSQL cluster for the whole ctest run, as the CTest fixture "assist_pg",
# instead of one per test process (gtest_discover_tests runs every test in a process of its own,
# and initdb + start costs about a second each).
#
# pg_start runs tools/pg_throwaway.sh, which picks a free port itself ("auto") and writes the
# connection string to ${ASSIST_PG_CONNINFO_FILE}; tests read it through ASSIST_TEST_PG_FILE. No
# port is fixed at configure time, so two build trees can run their tests at the same time. The
# cluster lives in the temp dir, not in the build tree: when ctest runs as root the server runs as
# the 'postgres' user, which must be able to reach it. Each test creates a database of its own.
# Exit code 77 (no PostgreSQL binaries) marks pg_start skipped; the tests that need PostgreSQL then
# skip themselves, or fail when the CI variable is set (CI must exercise PostgreSQL).
#
# Tests that use PostgreSQL add the fixture with:
#   gtest_discover_tests(<target> PROPERTIES ... ${ASSIST_PG_TEST_PROPERTIES})
if(DEFINED ENV{TMPDIR} AND IS_DIRECTORY "$ENV{TMPDIR}")
  set(_pg_tmp "$ENV{TMPDIR}")
else()
  set(_pg_tmp "/tmp")
endif()
string(MD5 _pg_hash "${CMAKE_BINARY_DIR}")
string(SUBSTRING "${_pg_hash}" 0 12 _pg_hash)
set(_pg_dir "${_pg_tmp}/assist-test-pg-${_pg_hash}")
set(_pg_script "${PROJECT_SOURCE_DIR}/tools/pg_throwaway.sh")

set(ASSIST_PG_CONNINFO_FILE "${_pg_dir}/conninfo")
set(ASSIST_PG_TEST_PROPERTIES
  FIXTURES_REQUIRED assist_pg ENVIRONMENT "ASSIST_TEST_PG_FILE=${ASSIST_PG_CONNINFO_FILE}")

add_test(NAME pg_start COMMAND "${_pg_script}" start "${_pg_dir}" auto)
set_tests_properties(pg_start PROPERTIES
  FIXTURES_SETUP assist_pg SKIP_RETURN_CODE 77 LABELS "unit;integration" TIMEOUT 120)
add_test(NAME pg_stop COMMAND "${_pg_script}" stop "${_pg_dir}")
set_tests_properties(pg_stop PROPERTIES
  FIXTURES_CLEANUP assist_pg SKIP_RETURN_CODE 77 LABELS "unit;integration" TIMEOUT 120)
