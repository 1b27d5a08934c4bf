#include "domain/transfer_subject.hpp"

#include <stdexcept>
#include <vector>

#include "store/people_repository.hpp"

namespace assist::host {
namespace {

struct Registered {
  std::vector<long long> created, reused;
};

long long RegisterPerson(Transaction& tx, const std::string& from, long long person_id,
                         const std::string& to, Registered& out) {
  auto person = FindPerson(tx, from, person_id);
  // The origin case's own subject: the keys of cases and family_members hold that it exists.
  if (!person) throw std::logic_error("person " + std::to_string(person_id) + " is missing");
  if (!person->pesel().empty()) {
    if (auto existing = PersonWithPesel(tx, to, person->pesel())) {
      out.reused.push_back(*existing);
      return *existing;
    }
  }
  assist::v1::CreatePersonRequest copy;
  copy.set_given_name(person->given_name());
  copy.set_family_name(person->family_name());
  copy.set_birth_date(person->birth_date());
  copy.set_pesel(person->pesel());
  copy.set_name_quality(person->name_quality());
  copy.set_birth_date_quality(person->birth_date_quality());
  const long long id = InsertPerson(tx, to, copy);
  out.created.push_back(id);
  return id;
}

std::string Ids(const std::vector<long long>& ids) {
  std::string text;
  for (long long id : ids) text += (text.empty() ? "" : ", ") + std::to_string(id);
  return text;
}

std::string Describe(const Registered& r) {
  std::string text;
  if (!r.created.empty()) text += "registered " + Ids(r.created);
  if (!r.reused.empty()) text += (text.empty() ? "" : "; ") + ("reused " + Ids(r.reused));
  return text;
}

}  // namespace

RegisteredSubject RegisterSubject(Transaction& tx, const assist::v1::Case& origin,
                                  const std::string& centre_id) {
  const std::string& from = origin.centre_id();
  RegisteredSubject out;
  Registered people;
  if (origin.has_person_id()) {
    out.of_person = true;
    out.id = RegisterPerson(tx, from, origin.person_id(), centre_id, people);
    out.detail = "person " + std::to_string(out.id) + " (" + Describe(people) + ")";
    return out;
  }
  auto family = FindFamily(tx, from, origin.family_id());
  if (!family)
    throw std::logic_error("family " + std::to_string(origin.family_id()) + " is missing");
  out.id = InsertFamily(tx, centre_id, family->name());
  for (const auto& member : family->members()) {
    const long long person = RegisterPerson(tx, from, member.person_id(), centre_id, people);
    InsertFamilyMember(tx, out.id, person, member.relation());
  }
  out.detail = "family " + std::to_string(out.id) + " (people " + Describe(people) + ")";
  return out;
}

}  // namespace assist::host
