// SPDX-License-Identifier: Apache-2.0
#include <theracore/people/intake.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace people {

problem_list validate(const intake& i) {
    problem_list p;
    detail::require_nonempty(p, "id", i.id);
    detail::require_nonempty(p, "client", i.client);
    detail::require_nonempty(p, "episode", i.episode);
    detail::require_nonempty(p, "clinician", i.clinician);
    if (i.recorded_on.is_special()) {
        p.push_back({"recorded_on", "required"});
    }
    detail::require_nonempty(p, "presenting_concerns", i.presenting_concerns);
    return p;
}

}  // namespace people
THERACORE_NAMESPACE_END
