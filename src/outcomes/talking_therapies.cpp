// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/talking_therapies.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const talking_therapies_rule_set& r) {
    problem_list p;
    theracore::detail::require_nonempty(p, "name", r.name);
    theracore::detail::require_nonempty(p, "instrument_id", r.instrument_id);
    detail::require_finite(p, "caseness", r.caseness);
    if (!std::isfinite(r.reliable_change) || r.reliable_change <= 0) {
        p.push_back({"reliable_change", "must be a positive number of points, got " +
                                            detail::number(r.reliable_change)});
    }
    return p;
}

bool is_case(const talking_therapies_rule_set& r, double score) noexcept {
    return r.direction == score_direction::lower_is_better ? score >= r.caseness
                                                           : score <= r.caseness;
}

talking_therapies_outcome talking_therapies(const instrument_score& pre,
                                            const instrument_score& post,
                                            const talking_therapies_rule_set& rules) {
    problem_list p;
    theracore::detail::append_prefixed(p, "rules", validate(rules));
    theracore::detail::append_prefixed(p, "pre", validate(pre));
    theracore::detail::append_prefixed(p, "post", validate(post));
    if (pre.instrument_id != post.instrument_id) {
        p.push_back({"post.instrument_id", "pre is from \"" + pre.instrument_id +
                                               "\" but post from \"" + post.instrument_id +
                                               "\"; both must come from the same instrument"});
    } else if (pre.instrument_version != post.instrument_version) {
        p.push_back({"post.instrument_version", "pre is from version \"" + pre.instrument_version +
                                                    "\" but post from \"" +
                                                    post.instrument_version + "\""});
    }
    if (!rules.instrument_id.empty() && pre.instrument_id != rules.instrument_id) {
        p.push_back({"rules.instrument_id",
                     "rule set \"" + rules.name + "\" is for \"" + rules.instrument_id +
                         "\" but the scores are from \"" + pre.instrument_id + "\""});
    }
    throw_if_invalid(p, "invalid NHS Talking Therapies input");

    talking_therapies_outcome out;
    out.rule_set = rules.name;
    out.instrument_id = rules.instrument_id;
    out.pre = pre.value;
    out.post = post.value;
    out.case_at_start = is_case(rules, pre.value);
    out.case_at_end = is_case(rules, post.value);
    const double gain = rules.direction == score_direction::lower_is_better
                            ? pre.value - post.value
                            : post.value - pre.value;
    out.reliable_improvement = gain >= rules.reliable_change;
    out.reliable_deterioration = -gain >= rules.reliable_change;
    out.recovered = out.case_at_start && !out.case_at_end;
    out.reliable_recovery = out.recovered && out.reliable_improvement;
    return out;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
