// SPDX-License-Identifier: Apache-2.0
#include <theracore/outcomes/trajectory.hpp>

#include "detail/outcomes.hpp"

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

problem_list check_series(const score_series& series, const change_parameters& p,
                          bool require_points) {
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

trajectory build_trajectory(const score_series& series, const change_parameters& p,
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
