#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "disability_plugin.hpp"
#include "fixtures.hpp"

namespace assist::disability {
namespace {

using testing::Context;
using testing::D;

class DisabilityServiceRecord : public ::testing::Test {
 protected:
  void SetUp() override {
    intake_ = testing::ValidIntake();  // moderate: 360 hours a year
    context_ = Context("2027-04-02");
    context_.intake = &intake_;
    record_.context = &context_;
    record_.subject = "Anna Nowak";
    record_.assistant_id = "sopot.asystent";
    record_.assistant_name = "Jan Kowalski";
  }

  void AddContact(std::string_view day, double hours, std::vector<v1::Category> categories = {}) {
    auto details = std::make_unique<v1::Contact>();
    details->set_hours_delivered(hours);
    for (v1::Category c : categories) details->add_categories(c);
    record_.contacts.push_back({D(day), "ACCOMPANYING", 60, "", details.get()});
    kept_.push_back(std::move(details));
  }

  sdk::Status Render(const std::string& kind, std::string& text) {
    return DisabilityPlugin().RenderDocument(kind, record_, text);
  }

  v1::Intake intake_;
  sdk::CaseContext context_;
  sdk::CaseRecord record_;
  std::vector<std::unique_ptr<v1::Contact>> kept_;
};

TEST_F(DisabilityServiceRecord, IsListedAsTheTypesDocument) {
  const DisabilityPlugin plugin;
  const auto& documents = plugin.Info().documents;
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0].id, "service_record");
  EXPECT_EQ(documents[0].title_pl, "Karta realizacji usług asystencji osobistej");
}

TEST_F(DisabilityServiceRecord, ListsTheMonthsContactsWithTotalsAndPlacesForSignatures) {
  AddContact("2027-02-26", 10, {v1::CATEGORY_SHOPPING});  // the year before the month
  AddContact("2027-03-01", 2.5, {v1::CATEGORY_SHOPPING, v1::CATEGORY_GETTING_TO_DOCTOR});
  AddContact("2027-03-15", 0);  // a phone call: no service
  AddContact("2027-03-31", 4, {v1::CATEGORY_CULTURAL_EVENTS});
  AddContact("2027-04-01", 3);  // the next month
  record_.period_from = D("2027-03-01");
  record_.period_to = D("2027-03-31");
  std::string text;
  ASSERT_TRUE(Render("service_record", text).ok());
  for (const char* expected :
       {"KARTA REALIZACJI USŁUG ASYSTENCJI OSOBISTEJ", "Okres: 2027-03-01 – 2027-03-31",
        "Uczestnik: Anna Nowak", "Asystent: Jan Kowalski",
        "1. | 2027-03-01 | 2,5 | Wsparcie w zakupach; Pomoc w dotarciu do lekarza",
        "2. | 2027-03-31 | 4 | Towarzyszenie w wydarzeniach kulturalnych",
        "Razem w miesiącu: 6,5 godz.", "Roczny limit godzin w 2027 r.: 360 (umiarkowany stopień)",
        "do końca okresu: 16,5 godz.; pozostało z limitu: 343,5 godz.", "Data i podpis uczestnika",
        "Data i podpis asystenta"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  EXPECT_EQ(text.find("2027-04-01"), std::string::npos) << text;
  EXPECT_EQ(text.find("3. |"), std::string::npos) << text;
}

TEST_F(DisabilityServiceRecord, AMonthWithoutServicesSaysSo) {
  record_.period_from = D("2027-05-01");
  record_.period_to = D("2027-05-31");
  std::string text;
  ASSERT_TRUE(Render("service_record", text).ok());
  EXPECT_NE(text.find("nie zrealizowano usług"), std::string::npos) << text;
  EXPECT_NE(text.find("Razem w miesiącu: 0 godz."), std::string::npos) << text;
}

TEST_F(DisabilityServiceRecord, NeedsAMonth) {
  std::string text;
  const sdk::Status status = Render("service_record", text);
  EXPECT_EQ(status.code(), sdk::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("month"), std::string::npos);
  EXPECT_EQ(Render("court_opinion", text).code(), sdk::Code::kFailedPrecondition);
}

}  // namespace
}  // namespace assist::disability
