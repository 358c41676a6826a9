// SPDX-License-Identifier: Apache-2.0
#include <theracore/care/measure_observation.hpp>

#include "detail/care_validation.hpp"

THERACORE_NAMESPACE_BEGIN
inline namespace care {

problem_list validate(const measure_observation& o) {
    problem_list p;
    detail::require_nonempty(p, "instrument", o.instrument);
    detail::require_nonempty(p, "client", o.client);
    detail::require_instant(p, "at", o.at);
    detail::require_finite(p, "total", o.total);
    if (o.administration && o.administration->empty()) {
        p.push_back({"administration", "must not be empty when given"});
    }
    return p;
}

}  // namespace care
THERACORE_NAMESPACE_END
