#include "commands/centre_view.hpp"

namespace assistctl {
namespace {

std::string JoinTypes(const assist::v1::Centre& centre) {
  std::string types;
  for (const std::string& type : centre.enabled_types()) types += (types.empty() ? "" : ",") + type;
  return types.empty() ? "-" : types;
}

}  // namespace

Table CentreTable() { return Table({"ID", "NAME", "MUNICIPALITY", "TYPES", "CREATED"}); }

void AddCentreRow(Table& table, const assist::v1::Centre& centre) {
  table.Add(
      {centre.id(), centre.name(), centre.municipality(), JoinTypes(centre), centre.created_at()});
}

void PrintCentre(std::ostream& out, const assist::v1::Centre& centre) {
  PrintFields(out, {{"id", centre.id()},
                    {"name", centre.name()},
                    {"municipality", centre.municipality()},
                    {"enabled types", JoinTypes(centre)},
                    {"created", centre.created_at()}});
}

}  // namespace assistctl
