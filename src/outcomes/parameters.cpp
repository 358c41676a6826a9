// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/parameters.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const standard_deviation& s) {
    problem_list p;
    if (!std::isfinite(s.value) || s.value <= 0) {
        p.push_back(
            {"value", "a standard deviation must be positive, got " + detail::number(s.value)});
    }
    return p;
}

problem_list validate(const reliability_coefficient& r) {
    problem_list p;
    if (!std::isfinite(r.value) || r.value <= 0 || r.value >= 1) {
        p.push_back({"value", "a reliability must lie in (0, 1), got " + detail::number(r.value)});
    }
    return p;
}

problem_list validate(const population_norm& n) {
    problem_list p;
    detail::require_finite(p, "mean", n.mean);
    if (!std::isfinite(n.sd) || n.sd <= 0) {
        p.push_back({"sd", "a standard deviation must be positive, got " + detail::number(n.sd)});
    }
    return p;
}

problem_list validate(const score_range& r) {
    problem_list p;
    detail::require_finite(p, "min", r.min);
    detail::require_finite(p, "max", r.max);
    if (std::isfinite(r.min) && std::isfinite(r.max) && !(r.min < r.max)) {
        p.push_back({"max", "must be greater than min (" + detail::number(r.min) + ")"});
    }
    return p;
}

problem_list validate(const parameter_provenance& v) {
    problem_list p;
    if (v.origin == parameter_origin::named_source && v.source.empty()) {
        p.push_back({"source", "required when the origin is named_source"});
    }
    return p;
}

problem_list validate(const change_parameters& p) {
    problem_list out;
    theracore::detail::require_nonempty(out, "instrument_id", p.instrument_id);
    theracore::detail::append_prefixed(out, "sd", validate(p.sd));
    theracore::detail::append_prefixed(out, "reliability", validate(p.reliability));
    if (!std::isfinite(p.z) || p.z <= 0) {
        out.push_back({"z", "the z criterion must be positive, got " + detail::number(p.z)});
    }
    if (p.range) {
        theracore::detail::append_prefixed(out, "range", validate(*p.range));
    }
    if (p.functional) {
        theracore::detail::append_prefixed(out, "functional", validate(*p.functional));
    }
    if (p.dysfunctional) {
        theracore::detail::append_prefixed(out, "dysfunctional", validate(*p.dysfunctional));
    }
    theracore::detail::append_prefixed(out, "provenance", validate(p.provenance));
    return out;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
