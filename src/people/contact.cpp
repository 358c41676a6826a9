// SPDX-License-Identifier: Apache-2.0
#include <theracore/people/contact.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

problem_list validate(const human_name& n) {
    problem_list p;
    detail::require_nonempty(p, "text", n.text);
    return p;
}

problem_list validate(const contact_point& c) {
    problem_list p;
    detail::require_nonempty(p, "value", c.value);
    return p;
}

problem_list validate(const emergency_contact& c) {
    problem_list p;
    detail::require_nonempty(p, "name", c.name);
    if (c.telecom.empty()) {
        p.push_back({"telecom", "an emergency contact needs at least one way to reach them"});
    }
    detail::validate_each(p, "telecom", c.telecom);
    return p;
}

}  // namespace people
THERACORE_NAMESPACE_END
