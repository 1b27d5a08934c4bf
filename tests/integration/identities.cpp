#include "identities.hpp"

#include <algorithm>
#include <sstream>
#include <string>

namespace assist::it {

const Identity& Operator() {
  static const Identity id{"it-operator", "it.operator", "", "ROLE_OPERATOR"};
  return id;
}

const Identity& PlatformAuditor() {
  static const Identity id{"it-platform-auditor", "it.platform-auditor", "",
                           "ROLE_PLATFORM_AUDITOR"};
  return id;
}

const CentreStaff& Sopot() {
  static const CentreStaff staff{
      .head = {"it-sopot-head", "sopot.head", kSopot, "ROLE_HEAD"},
      .worker = {"it-sopot-worker", "sopot.worker", kSopot, "ROLE_SOCIAL_WORKER"},
      .assistant = {"it-sopot-assistant", "sopot.assistant", kSopot, "ROLE_ASSISTANT"},
      .other_assistant = {"it-sopot-assistant2", "sopot.assistant2", kSopot, "ROLE_ASSISTANT"},
      .auditor = {"it-sopot-auditor", "sopot.auditor", kSopot, "ROLE_AUDITOR"},
      .app = {"it-sopot-app", "sopot.case-files", kSopot, "ROLE_APP"},
  };
  return staff;
}

const CentreStaff& Jastrzebia() {
  static const CentreStaff staff{
      .head = {"it-jastrzebia-head", "jastrzebia.head", kJastrzebia, "ROLE_HEAD"},
      .worker = {"it-jastrzebia-worker", "jastrzebia.worker", kJastrzebia, "ROLE_SOCIAL_WORKER"},
      .assistant = {"it-jastrzebia-assistant", "jastrzebia.assistant", kJastrzebia,
                    "ROLE_ASSISTANT"},
      .other_assistant = {"it-jastrzebia-assistant2", "jastrzebia.assistant2", kJastrzebia,
                          "ROLE_ASSISTANT"},
      .auditor = {"it-jastrzebia-auditor", "jastrzebia.auditor", kJastrzebia, "ROLE_AUDITOR"},
      .app = {"it-jastrzebia-app", "jastrzebia.case-files", kJastrzebia, "ROLE_APP"},
  };
  return staff;
}

std::vector<Identity> AllIdentities() {
  std::vector<Identity> all{Operator(), PlatformAuditor()};
  for (const CentreStaff* staff : {&Sopot(), &Jastrzebia()}) {
    all.insert(all.end(), {staff->head, staff->worker, staff->assistant, staff->other_assistant,
                           staff->auditor, staff->app});
  }
  return all;
}

const std::vector<std::string>& BuiltTypes() {
  static const std::vector<std::string> types = [] {
    std::vector<std::string> all;
    std::istringstream list(ASSIST_PLUGIN_TYPES);
    for (std::string type; list >> type;) all.push_back(type);
    std::sort(all.begin(), all.end());
    return all;
  }();
  return types;
}

std::string_view AssistantFullName(const CentreStaff& staff) {
  return &staff == &Sopot() ? "Alicja Sopocka" : "Jadwiga Jastrzębska";
}

namespace {

std::vector<StaffSetup> StaffOf(const CentreStaff& staff, std::string_view other_assistant_name) {
  return {{staff.assistant.actor_id, AssistantFullName(staff), "STAFF_FUNCTION_ASSISTANT"},
          {staff.other_assistant.actor_id, other_assistant_name, "STAFF_FUNCTION_ASSISTANT"},
          {staff.worker.actor_id, "Pracownik Socjalny", "STAFF_FUNCTION_SOCIAL_WORKER"}};
}

}  // namespace

std::vector<CentreSetup> BootstrapCentres() {
  return {
      {kSopot,
       "Miejski Ośrodek Pomocy Społecznej w Sopocie",
       "Sopot",
       {BuiltTypes().begin(), BuiltTypes().end()},
       StaffOf(Sopot(), "Bartosz Sopocki")},
      {kJastrzebia,
       "Gminny Ośrodek Pomocy Społecznej w Jastrzębi",
       "Jastrzębia",
       {"family"},
       StaffOf(Jastrzebia(), "Jan Jastrzębski")},
  };
}

}  // namespace assist::it
