// Tables, fields and JSON as assistctl prints them.
#include "output.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "assist/v1/cases.pb.h"
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

TEST(Output, PayloadsOfPluginTypesPrintByTheirJson) {
  assist::v1::CaseDetail detail;
  detail.mutable_case_()->set_id(3);
  assist::v1::Payload* intake = detail.mutable_intake();
  intake->mutable_any()->set_type_url("type.googleapis.com/assist.family.v1.Intake");
  intake->mutable_any()->set_value("\x0a\x01x");
  intake->set_json(R"({"a":1})");
  intake->set_type("assist.family.v1.Intake");
  const std::string json = ToJson(detail, false);
  EXPECT_NE(json.find(R"("json":"{\"a\":1}")"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("type":"assist.family.v1.Intake")"), std::string::npos) << json;
  EXPECT_EQ(json.find("typeUrl"), std::string::npos) << json;
  EXPECT_TRUE(detail.intake().has_any()) << "the message printed is left as it was";
}

}  // namespace
}  // namespace assistctl
