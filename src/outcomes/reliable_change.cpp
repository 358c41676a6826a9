// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/reliable_change.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

problem_list check_pair(const instrument_score& pre, const instrument_score& post,
                        const change_parameters& p) {
    problem_list out;
    theracore::detail::append_prefixed(out, "parameters", validate(p));
    theracore::detail::append_prefixed(out, "pre", validate(pre));
    theracore::detail::append_prefixed(out, "post", validate(post));
    if (pre.instrument_id != post.instrument_id) {
        out.push_back({"post.instrument_id", "pre is from \"" + pre.instrument_id +
                                                 "\" but post from \"" + post.instrument_id +
                                                 "\"; both must come from the same instrument"});
    } else if (pre.instrument_version != post.instrument_version) {
        out.push_back(
            {"post.instrument_version", "pre is from version \"" + pre.instrument_version +
                                            "\" but post from \"" + post.instrument_version +
                                            "\"; both must come from the same instrument version"});
    }
    if (!p.instrument_id.empty() && !pre.instrument_id.empty() &&
        p.instrument_id != pre.instrument_id) {
        out.push_back({"parameters.instrument_id", "the parameters are for \"" + p.instrument_id +
                                                       "\" but the scores are from \"" +
                                                       pre.instrument_id + "\""});
    }
    if (!p.instrument_version.empty() && !pre.instrument_version.empty() &&
        p.instrument_version != pre.instrument_version) {
        out.push_back({"parameters.instrument_version",
                       "the parameters are for version \"" + p.instrument_version +
                           "\" but the scores are from \"" + pre.instrument_version + "\""});
    }
    if (p.range && validate(*p.range).empty()) {
        for (auto [key, s] : {std::pair{"pre.value", &pre}, std::pair{"post.value", &post}}) {
            if (std::isfinite(s->value) && !contains(*p.range, s->value)) {
                out.push_back({key, detail::number(s->value) + " lies outside the score range " +
                                        detail::number(p.range->min) + "–" +
                                        detail::number(p.range->max)});
            }
        }
    }
    return out;
}

reliable_change_threshold threshold_unchecked(const change_parameters& p) {
    reliable_change_threshold t;
    t.se = p.sd.value * std::sqrt(1.0 - p.reliability.value);
    // s1·√(2(1 − r)) rather than √2·SE: the same number, but exact when 2(1 − r) is a perfect
    // square, so the whole-point rule below is not thrown off by a rounding error.
    t.s_diff = p.sd.value * std::sqrt(2.0 * (1.0 - p.reliability.value));
    t.points = p.z * t.s_diff;
    // Decide with the very comparison the RCI uses (k / S_diff > z), so the whole-point threshold
    // and the reliable flag can never disagree.
    double k = std::floor(t.points);
    while (!(k / t.s_diff > p.z)) {
        k += 1;
    }
    t.min_whole_points = k;
    t.parameters = p;
    return t;
}

change_kind classify(double rci, double z, score_direction d) noexcept {
    if (!(std::fabs(rci) > z)) {
        return change_kind::no_reliable_change;
    }
    const bool went_down = rci < 0;
    const bool better = d == score_direction::lower_is_better ? went_down : !went_down;
    return better ? change_kind::reliable_improvement : change_kind::reliable_deterioration;
}

reliable_change rci_unchecked(double pre, double post, const reliable_change_threshold& t) {
    reliable_change rc;
    rc.pre = pre;
    rc.post = post;
    rc.difference = post - pre;
    rc.rci = rc.difference / t.s_diff;
    rc.kind = classify(rc.rci, t.parameters.z, t.parameters.direction);
    rc.threshold = t;
    return rc;
}

}  // namespace detail

reliable_change_threshold jacobson_truax_threshold(const change_parameters& p) {
    detail::throw_if_invalid_argument("parameters", validate(p), "invalid change parameters");
    return detail::threshold_unchecked(p);
}

reliable_change jacobson_truax_rci(const instrument_score& pre, const instrument_score& post,
                                   const change_parameters& p) {
    throw_if_invalid(detail::check_pair(pre, post, p), "invalid reliable change input");
    return detail::rci_unchecked(pre.value, post.value, detail::threshold_unchecked(p));
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
