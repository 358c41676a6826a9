// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/hageman_arrindell.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

problem_list validate(const group_statistics& g) {
    problem_list p;
    detail::require_finite(p, "pre_mean", g.pre_mean);
    detail::require_finite(p, "post_mean", g.post_mean);
    for (auto [key, v] : {std::pair{"pre_sd", g.pre_sd}, std::pair{"post_sd", g.post_sd}}) {
        if (!std::isfinite(v) || v <= 0) {
            p.push_back({key, "a standard deviation must be positive, got " + detail::number(v)});
        }
    }
    if (!std::isfinite(g.pre_post_correlation) || g.pre_post_correlation < -1 ||
        g.pre_post_correlation > 1) {
        p.push_back({"pre_post_correlation", "a correlation must lie in [−1, 1], got " +
                                                 detail::number(g.pre_post_correlation)});
    }
    return p;
}

hageman_arrindell_outcome hageman_arrindell(const instrument_score& pre,
                                            const instrument_score& post,
                                            const change_parameters& p,
                                            const group_statistics& group, double critical_value) {
    auto problems = detail::check_pair(pre, post, p);
    theracore::detail::append_prefixed(problems, "group", validate(group));
    if (!std::isfinite(critical_value) || critical_value <= 0) {
        problems.push_back(
            {"critical_value", "must be positive, got " + detail::number(critical_value)});
    }
    throw_if_invalid(problems, "invalid Hageman–Arrindell input");

    hageman_arrindell_outcome out;
    out.pre = pre.value;
    out.post = post.value;
    out.critical_value = critical_value;
    out.group = group;
    out.parameters = p;
    const double rxx = p.reliability.value;
    const double s_pre = group.pre_sd;
    const double s_post = group.post_sd;
    out.se = s_pre * std::sqrt(1.0 - rxx);
    const double se2 = out.se * out.se;
    out.r_pre = (s_pre * s_pre - se2) / (s_pre * s_pre);
    out.r_post = (s_post * s_post - se2) / (s_post * s_post);
    if (!(out.r_post > 0)) {
        throw validation_error(
            "invalid Hageman–Arrindell input",
            {{"group.post_sd", "the post SD (" + detail::number(s_post) +
                                   ") must exceed the standard error of measurement (" +
                                   detail::number(out.se) + ")"}});
    }
    const double cross = 2 * s_pre * s_post * group.pre_post_correlation;
    out.r_dd = (s_pre * s_pre * out.r_pre + s_post * s_post * out.r_post - cross) /
               (s_pre * s_pre + s_post * s_post - cross);
    if (!std::isfinite(out.r_dd) || !(out.r_dd > 0)) {
        throw validation_error(
            "invalid Hageman–Arrindell input",
            {{"group.pre_post_correlation",
              "the reliability of the difference scores r_dd = " + detail::number(out.r_dd) +
                  " is not positive; RC_ID is undefined"}});
    }
    out.rc_id = ((post.value - pre.value) * out.r_dd +
                 (group.post_mean - group.pre_mean) * (1.0 - out.r_dd)) /
                (std::sqrt(out.r_dd) * std::sqrt(2.0 * se2));
    out.kind = detail::classify(out.rc_id, critical_value, p.direction);

    if (p.functional && p.dysfunctional) {
        const auto& f = *p.functional;
        const auto& d = *p.dysfunctional;
        const double r_clin = (d.sd * d.sd - se2) / (d.sd * d.sd);
        const double r_func = (f.sd * f.sd - se2) / (f.sd * f.sd);
        if (r_clin > 0 && r_func > 0) {
            out.r_clinical = r_clin;
            out.r_functional = r_func;
            const double wc = d.sd * std::sqrt(r_clin);
            const double wf = f.sd * std::sqrt(r_func);
            out.c_true = (wc * f.mean + wf * d.mean) / (wc + wf);
            out.cs_indiv =
                (group.post_mean + (post.value - group.post_mean) * out.r_post - *out.c_true) /
                (std::sqrt(out.r_post) * out.se);
            const double cs = *out.cs_indiv;
            const bool lower = p.direction == score_direction::lower_is_better;
            if (lower ? cs < -critical_value : cs > critical_value) {
                out.post_side = true_score_side::functional;
            } else if (lower ? cs > critical_value : cs < -critical_value) {
                out.post_side = true_score_side::clinical;
            } else {
                out.post_side = true_score_side::indeterminate;
            }
        } else {
            out.note = "a norm SD does not exceed the standard error of measurement (" +
                       detail::number(out.se) + "); c_true is undefined";
        }
    } else {
        out.note = "c_true needs functional and dysfunctional norms";
    }

    switch (out.kind) {
        case change_kind::reliable_deterioration:
            out.category = jacobson_truax_category::deteriorated;
            break;
        case change_kind::no_reliable_change:
            out.category = jacobson_truax_category::unchanged;
            break;
        case change_kind::reliable_improvement:
            if (out.post_side) {
                out.category = *out.post_side == true_score_side::functional
                                   ? jacobson_truax_category::recovered
                                   : jacobson_truax_category::improved;
            }
            break;
    }
    return out;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
