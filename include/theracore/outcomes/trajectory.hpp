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
#include <theracore/outcomes/detail/checks.hpp>
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

namespace detail {

/// Problems of a series used with `p` (paths `series.…`, `parameters.…`).
inline problem_list check_series(const score_series& series, const change_parameters& p,
                                 bool require_points = true) {
    problem_list out;
    theracore::detail::append_prefixed(out, "series", validate(series));
    theracore::detail::append_prefixed(out, "parameters", validate(p));
    if (require_points && series.points.empty()) {
        out.push_back({"series.points", "required: a trajectory needs at least one score"});
    }
    if (!p.instrument_id.empty() && !series.instrument_id.empty() &&
        p.instrument_id != series.instrument_id) {
        out.push_back({"parameters.instrument_id", "the parameters are for \"" + p.instrument_id +
                                                       "\" but the series is from \"" +
                                                       series.instrument_id + "\""});
    }
    if (!p.instrument_version.empty() && p.instrument_version != series.instrument_version) {
        out.push_back({"parameters.instrument_version",
                       "the parameters are for version \"" + p.instrument_version +
                           "\" but the series is from \"" + series.instrument_version + "\""});
    }
    if (p.range && validate(*p.range).empty()) {
        for (std::size_t i = 0; i < series.points.size(); ++i) {
            const double v = series.points[i].value;
            if (std::isfinite(v) && !contains(*p.range, v)) {
                out.push_back({"series.points[" + std::to_string(i) + "].value",
                               number(v) + " lies outside the score range " + number(p.range->min) +
                                   "–" + number(p.range->max)});
            }
        }
    }
    return out;
}

}  // namespace detail

/// The trajectory of `series`, with reliable change against its first point and the latest
/// outcome judged against `criterion` (`published` uses `series.cutoff`).
/// @throws validation_error naming the argument: an invalid or empty series, unsorted or
/// duplicated time points (`series.points[i].when`), invalid parameters, parameters for another
/// instrument, a score outside the range, or `published` without `series.cutoff`.
[[nodiscard]] inline trajectory build_trajectory(const score_series& series,
                                                 const change_parameters& p,
                                                 cutoff_criterion criterion) {
    auto problems = detail::check_series(series, p);
    if (criterion == cutoff_criterion::published && !series.cutoff) {
        problems.push_back({"series.cutoff", "required when the criterion is \"published\""});
    }
    throw_if_invalid(problems, "invalid trajectory input");

    trajectory t;
    t.instrument_id = series.instrument_id;
    t.instrument_version = series.instrument_version;
    t.instrument_name = series.instrument_name;
    t.threshold = detail::threshold_unchecked(p);
    const double baseline = series.points.front().value;
    for (std::size_t i = 0; i < series.points.size(); ++i) {
        const auto& sp = series.points[i];
        trajectory_point tp;
        tp.point = sp;
        if (const auto b = band_index(series.bands, sp.value)) {
            tp.band = series.bands[*b].label;
        }
        if (series.cutoff) {
            tp.clinical = is_clinical(sp.value, *series.cutoff, p.direction);
        }
        const auto rc = detail::rci_unchecked(baseline, sp.value, t.threshold);
        tp.change_from_baseline = rc.difference;
        tp.rci = rc.rci;
        tp.kind = rc.kind;
        if (i > 0) {
            tp.change_from_previous = sp.value - series.points[i - 1].value;
        }
        t.points.push_back(std::move(tp));
    }
    if (series.points.size() > 1) {
        const auto rc = detail::rci_unchecked(baseline, series.points.back().value, t.threshold);
        t.latest = detail::classify_outcome(rc, detail::select_cutoff(p, criterion, series.cutoff));
    }
    return t;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
