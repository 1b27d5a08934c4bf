// Tables, fields and JSON as assistctl prints them.
#include "output.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "assist/v1/platform.pb.h"

namespace assistctl {
namespace {

TEST(Output, TableColumnsAlignOnCharactersNotBytes) {
  Table table({"ID", "NAME"});
  table.Add({"gops-jastrzebia", "Jastrzębia"});
  table.Add({"x", "Łódź"});
  std::ostringstream out;
  table.Print(out);
  EXPECT_EQ(out.str(),
            "ID               NAME\n"
            "gops-jastrzebia  Jastrzębia\n"
            "x                Łódź\n");
}

TEST(Output, FieldsSkipEmptyValues) {
  std::ostringstream out;
  PrintFields(out, {{"id", "7"}, {"closed", ""}, {"next review", "2027-01-01"}});
  EXPECT_EQ(out.str(), "id:          7\nnext review: 2027-01-01\n");
}

TEST(Output, EnumWordsAndJson) {
  EXPECT_EQ(EnumWords("CASE_STATUS_MONITORING_ENDED", "CASE_STATUS_"), "monitoring ended");
  assist::v1::Centre centre;
  centre.set_id("mops-sopot");
  EXPECT_EQ(ToJson(centre, false),
            R"({"id":"mops-sopot","name":"","municipality":"","enabledTypes":[],"createdAt":""})");
  EXPECT_EQ(PrettyJson(R"({"a":[1,2]})"), "{\n \"a\": [\n  1,\n  2\n ]\n}");
  EXPECT_EQ(PrettyJson("not json"), "not json");
}

}  // namespace
}  // namespace assistctl
