// SPDX-License-Identifier: Apache-2.0
/// @file
/// Jacobson & Truax (1991) reliable change index, with the Christensen & Mendoza (1986)
/// correction (the √2 in S_diff):
///
/// ```
/// SE     = s1 · √(1 − r_xx)           standard error of measurement
/// S_diff = √2 · SE = s1 · √(2(1 − r_xx))
/// RCI    = (x2 − x1) / S_diff          reliable when |RCI| > z
/// ```
///
/// Direction-aware: on a lower-is-better instrument RCI < −z is a reliable improvement; on a
/// higher-is-better one RCI > +z is.
///
/// Worked example (instruments.md §3.1, Barkham et al. 2013): CORE-10, s1 = 7.7, α = .90,
/// x1 = 22, x2 = 12 gives SE = 2.434954, S_diff = 3.443545, RCI = −2.903984; the change must
/// exceed 1.96 · S_diff = 6.749348 points, i.e. at least 7 whole points (with z = 1.645 it must
/// exceed 5.664631: Barkham's published "6").
#pragma once

#include <cmath>
#include <string>
#include <tuple>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/model/enum.hpp>
#include <theracore/outcomes/detail/checks.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/series.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The reliable-change verdict, already turned the right way for the instrument's direction.
enum class change_kind { reliable_improvement, no_reliable_change, reliable_deterioration };
constexpr auto describe_enum(change_kind) {
    using E = change_kind;
    return enum_table<E, 3>{"change_kind",
                            {{{E::reliable_improvement, "reliable_improvement"},
                              {E::no_reliable_change, "no_reliable_change"},
                              {E::reliable_deterioration, "reliable_deterioration"}}}};
}

/// How big a change must be to be reliable, for one parameter set.
struct reliable_change_threshold {
    double se = 0;      ///< standard error of measurement, s1 · √(1 − r_xx)
    double s_diff = 0;  ///< standard error of the difference, √2 · SE
    /// z · S_diff: a change is reliable when its size in raw points exceeds this (strictly).
    double points = 0;
    /// The smallest whole number of points that is reliable: the least integer k with
    /// k / S_diff > z. It is ceil(points) unless `points` is itself a whole number k, when it is
    /// k + 1 (the "ceil" rule of instruments.md §3.1 is one short there). Meaningful for
    /// integer-scored instruments; the continuous RCI stays the primary result.
    double min_whole_points = 0;
    change_parameters parameters;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("se", s.se), field("s_diff", s.s_diff), field("points", s.points),
            field("min_whole_points", s.min_whole_points), field("parameters", s.parameters));
    }
};

/// One reliable-change comparison of `pre` with `post`.
struct reliable_change {
    double pre = 0;
    double post = 0;
    double difference = 0;  ///< post − pre, in raw points
    double rci = 0;         ///< (post − pre) / S_diff; its sign is not turned for direction
    change_kind kind{change_kind::no_reliable_change};
    reliable_change_threshold threshold;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("pre", s.pre), field("post", s.post),
                               field("difference", s.difference), field("rci", s.rci),
                               field("kind", s.kind), field("threshold", s.threshold));
    }
};

namespace detail {

/// Problems of a pre/post pair against `p` (paths `parameters.…`, `pre.…`, `post.…`).
inline problem_list check_pair(const instrument_score& pre, const instrument_score& post,
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

inline reliable_change_threshold threshold_unchecked(const change_parameters& p) {
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

inline change_kind classify(double rci, double z, score_direction d) noexcept {
    if (!(std::fabs(rci) > z)) {
        return change_kind::no_reliable_change;
    }
    const bool went_down = rci < 0;
    const bool better = d == score_direction::lower_is_better ? went_down : !went_down;
    return better ? change_kind::reliable_improvement : change_kind::reliable_deterioration;
}

inline reliable_change rci_unchecked(double pre, double post, const reliable_change_threshold& t) {
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

/// SE, S_diff and the reliable-change threshold in raw points for `p`.
/// @throws validation_error naming `parameters.…` (reliability outside (0, 1), non-positive SD
/// or z, …).
[[nodiscard]] inline reliable_change_threshold jacobson_truax_threshold(
    const change_parameters& p) {
    detail::throw_if_invalid_argument("parameters", validate(p), "invalid change parameters");
    return detail::threshold_unchecked(p);
}

/// The Jacobson–Truax reliable change from `pre` to `post`.
/// @throws validation_error naming the argument: invalid `parameters`, a non-finite score,
/// `pre` and `post` from different instruments or versions, parameters for another instrument,
/// or a score outside `parameters.range`.
[[nodiscard]] inline reliable_change jacobson_truax_rci(const instrument_score& pre,
                                                        const instrument_score& post,
                                                        const change_parameters& p) {
    throw_if_invalid(detail::check_pair(pre, post, p), "invalid reliable change input");
    return detail::rci_unchecked(pre.value, post.value, detail::threshold_unchecked(p));
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
