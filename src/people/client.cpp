// SPDX-License-Identifier: Apache-2.0
#include <theracore/people/client.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

problem_list validate(const client& c) {
    problem_list p;
    detail::require_nonempty(p, "id", c.id);
    detail::append_prefixed(p, "legal_name", validate(c.legal_name));
    if (c.date_of_birth && c.date_of_birth->is_special()) {
        p.push_back({"date_of_birth", "not a calendar date"});
    }
    for (auto [key, cc] : {std::pair{"sex_at_birth", &c.sex_at_birth},
                           std::pair{"gender_identity", &c.gender_identity},
                           std::pair{"preferred_language", &c.preferred_language}}) {
        if (*cc) {
            detail::append_prefixed(p, key, validate(**cc));
        }
    }
    if (c.preferred_language && c.preferred_language->system != code_systems::bcp47) {
        p.push_back(
            {"preferred_language.system",
             std::string("a language must be a BCP-47 tag (system ") + code_systems::bcp47 + ")"});
    }
    detail::validate_each(p, "telecom", c.telecom);
    detail::validate_each(p, "emergency_contacts", c.emergency_contacts);
    return p;
}

}  // namespace people
THERACORE_NAMESPACE_END
