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
#include <theracore/enum.hpp>
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

/// SE, S_diff and the reliable-change threshold in raw points for `p`.
/// @throws validation_error naming `parameters.…` (reliability outside (0, 1), non-positive SD
/// or z, …).
[[nodiscard]] THERACORE_API reliable_change_threshold
jacobson_truax_threshold(const change_parameters& p);

/// The Jacobson–Truax reliable change from `pre` to `post`.
/// @throws validation_error naming the argument: invalid `parameters`, a non-finite score,
/// `pre` and `post` from different instruments or versions, parameters for another instrument,
/// or a score outside `parameters.range`.
[[nodiscard]] THERACORE_API reliable_change jacobson_truax_rci(const instrument_score& pre,
                                                               const instrument_score& post,
                                                               const change_parameters& p);

}  // namespace outcomes
THERACORE_NAMESPACE_END
