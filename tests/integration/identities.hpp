#pragma once
// The staff and apps the tests act as: each is a static bearer token in the host's config.
#include <string>
#include <string_view>
#include <vector>

namespace assist::it {

inline constexpr std::string_view kSopot = "mops-sopot";
inline constexpr std::string_view kJastrzebia = "gops-jastrzebia";

struct Identity {
  std::string_view token;
  std::string_view actor_id;
  std::string_view centre_id;  // empty for the operator and the platform auditor
  std::string_view role;       // assist.v1.Role value name, as written in the config
};

struct CentreStaff {
  Identity head;
  Identity worker;
  Identity assistant;
  Identity other_assistant;  // a second assistant of the same centre
  Identity auditor;
  Identity app;
};

const Identity& Operator();
// Reads and verifies the platform trail (the operator's calls that concern no centre).
const Identity& PlatformAuditor();
const CentreStaff& Sopot();
const CentreStaff& Jastrzebia();

// Every identity above, for the host's config.
std::vector<Identity> AllIdentities();

// A member of a centre's staff register (assist.v1.StaffMember), registered at start-up.
struct StaffSetup {
  std::string_view login;
  std::string_view full_name;
  std::string_view function;  // assist.v1.StaffFunction value name
};

struct CentreSetup {
  std::string_view id;
  std::string_view name;
  std::string_view municipality;
  std::vector<std::string_view> enabled_types;
  // The assistants (serving every enabled type) and the social worker of the centre's tokens.
  std::vector<StaffSetup> staff;
};

// The full name the staff register gives `staff.assistant` (documents name them by it).
std::string_view AssistantFullName(const CentreStaff& staff);

// The assistance types of this build, in name order: the folders plugins/<type>/ (CMake passes
// them), so that a new type needs no edit here.
const std::vector<std::string>& BuiltTypes();

// Sopot enables every type of the build (the host ignores those it has no plugin for), Jastrzębia
// family. Both register their assistants and social worker in the staff register.
std::vector<CentreSetup> BootstrapCentres();

}  // namespace assist::it
