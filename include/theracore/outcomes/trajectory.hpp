// SPDX-License-Identifier: Apache-2.0
/// @file
/// Trajectories: a client's scores on one instrument over time, each with its band, its change
/// from the baseline (the first point) and from the previous point, and its reliable change
/// index against the baseline; plus the Jacobson–Truax outcome of the latest point.
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>
#include <theracore/outcomes/series.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// One point of a trajectory.
struct trajectory_point {
    score_point point;
    /// The label of the severity band holding the score, if any band does.
    std::optional<std::string> band;
    /// Whether the score is on the clinical side of the series' published cut-off, if it has one.
    std::optional<bool> clinical;
    double change_from_baseline = 0;
    /// Absent for the baseline itself.
    std::optional<double> change_from_previous;
    /// Reliable change index against the baseline (0 at the baseline).
    double rci = 0;
    change_kind kind{change_kind::no_reliable_change};

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("point", s.point), field("band", s.band),
                               field("clinical", s.clinical),
                               field("change_from_baseline", s.change_from_baseline),
                               field("change_from_previous", s.change_from_previous),
                               field("rci", s.rci), field("kind", s.kind));
    }
};

/// A client's trajectory on one instrument.
struct trajectory {
    std::string instrument_id;
    std::string instrument_version;
    std::string instrument_name;
    /// SE, S_diff and the reliable-change threshold; echoes the parameters used.
    reliable_change_threshold threshold;
    std::vector<trajectory_point> points;
    /// Baseline against the latest point; absent while there is only the baseline.
    std::optional<jacobson_truax_outcome> latest;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("instrument_id", s.instrument_id),
                               field("instrument_version", s.instrument_version),
                               field("instrument_name", s.instrument_name),
                               field("threshold", s.threshold), field("points", s.points),
                               field("latest", s.latest));
    }
};

/// The trajectory of `series`, with reliable change against its first point and the latest
/// outcome judged against `criterion` (`published` uses `series.cutoff`).
/// @throws validation_error naming the argument: an invalid or empty series, unsorted or
/// duplicated time points (`series.points[i].when`), invalid parameters, parameters for another
/// instrument, a score outside the range, or `published` without `series.cutoff`.
[[nodiscard]] THERACORE_API trajectory build_trajectory(const score_series& series,
                                                        const change_parameters& p,
                                                        cutoff_criterion criterion);

}  // namespace outcomes
THERACORE_NAMESPACE_END
