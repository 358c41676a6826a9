// SPDX-License-Identifier: Apache-2.0
/// @file
/// Change parameters read from an instrument definition's psychometrics, for callers who name
/// an instrument instead of typing in an SD and a reliability (the Python `instrument=`
/// argument).
///
/// Interim: the integration adapter `outcomes::change_parameters_for(instrument, scale)` is
/// being written on another branch and supersedes this header; until it lands these functions
/// read the definition directly with the defaults that definition.hpp documents (the first
/// reliability estimate, the first clinical and the first non-clinical norm group).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <theracore/error.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/series.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

namespace detail {

/// The scale `scale_id` of `inst`, or its total when `scale_id` is empty.
/// @throws not_found when there is no such scale (or no total).
inline const instruments::scale& scale_of(const instruments::instrument& inst,
                                          std::string_view scale_id) {
    const auto* s = scale_id.empty() ? inst.total() : inst.find_scale(scale_id);
    if (!s) {
        throw not_found(scale_id.empty()
                            ? inst.id() + " has no total scale; name one of its scales"
                            : inst.id() + " has no scale \"" + std::string(scale_id) + "\"");
    }
    return *s;
}

}  // namespace detail

/// Direction, SD (of the first clinical norm group), reliability (the first estimate),
/// functional and dysfunctional norms and score range (from the first band set) of scale
/// `scale_id` of `inst` (its total when empty), with a `named_source` provenance naming the
/// definition and the estimates used. An intraclass test–retest coefficient is recorded as
/// `test_retest`. A caller's `sd` or `reliability` replaces the definition's (and is named
/// in the provenance).
/// @throws not_found when the scale does not exist.
/// @throws validation_error naming `sd` or `reliability` when neither the definition nor the
/// caller gives one (PHQ-9 ships a reliability but no clinical SD: pass one).
[[nodiscard]] inline change_parameters parameters_from_psychometrics(
    const instruments::instrument& inst, std::string_view scale_id = {},
    const std::optional<standard_deviation>& sd = std::nullopt,
    const std::optional<reliability_coefficient>& reliability = std::nullopt) {
    const auto& s = detail::scale_of(inst, scale_id);
    const auto& ps = s.psychometrics;
    change_parameters p;
    p.instrument_id = inst.id();
    p.instrument_version = inst.version();
    p.direction = inst.direction() == instruments::score_direction::higher_is_better
                      ? score_direction::higher_is_better
                      : score_direction::lower_is_better;
    problem_list problems;
    std::string source = inst.id() + " definition " + inst.version() + ", scale " + s.id;
    for (const auto& g : ps.norms) {
        const population_norm n{g.mean, g.sd, g.name, g.source};
        if (g.population == instruments::norm_population::clinical && !p.dysfunctional) {
            p.dysfunctional = n;
            p.sd = {g.sd, g.name, g.source};
            source += "; SD and clinical norms: " + g.id;
        } else if (g.population == instruments::norm_population::non_clinical && !p.functional) {
            p.functional = n;
            source += "; functional norms: " + g.id;
        }
    }
    if (sd) {
        p.sd = *sd;
        source += "; SD supplied by the caller";
    } else if (!p.dysfunctional) {
        problems.push_back({"sd", inst.id() + " (" + s.id +
                                      ") publishes no clinical norm group to take the SD from; "
                                      "pass sd"});
    }
    bool have_reliability = reliability.has_value();
    if (reliability) {
        p.reliability = *reliability;
        source += "; reliability supplied by the caller";
    }
    for (const auto& r : ps.reliability) {
        if (have_reliability || r.kind == instruments::reliability_kind::other) {
            continue;
        }
        p.reliability.value = r.value;
        p.reliability.kind = r.kind == instruments::reliability_kind::cronbach_alpha
                                 ? reliability_kind::cronbach_alpha
                                 : reliability_kind::test_retest;
        p.reliability.source = r.source;
        source += "; reliability: " + r.id;
        have_reliability = true;
        break;
    }
    if (!have_reliability) {
        problems.push_back({"reliability", inst.id() + " (" + s.id +
                                               ") publishes no reliability estimate; pass "
                                               "reliability"});
    }
    if (!s.band_sets.empty() && !s.band_sets.front().bands.empty()) {
        const auto& b = s.band_sets.front().bands;
        p.range = score_range{b.front().min, b.back().max};
    }
    p.provenance = {parameter_origin::named_source, source};
    throw_if_invalid(problems, "cannot take change parameters from " + inst.id());
    return p;
}

/// The scale's primary published cut-off (the first without `alternative_to` and for everyone)
/// as a clinical cut-off: a score meeting a `>=` or `<=` threshold is clinical, one meeting `>`
/// or `<` is clinical only beyond it. Nothing when the scale publishes none.
/// @throws not_found when the scale does not exist.
[[nodiscard]] inline std::optional<clinical_cutoff> published_cutoff(
    const instruments::instrument& inst, std::string_view scale_id = {}) {
    const auto& s = detail::scale_of(inst, scale_id);
    for (const auto& c : s.cut_offs) {
        if (c.alternative_to || !c.population.empty() || c.test == instruments::comparison::equal) {
            continue;
        }
        const bool inclusive = c.test == instruments::comparison::at_least ||
                               c.test == instruments::comparison::at_most;
        return clinical_cutoff{c.threshold,
                               inclusive ? cutoff_side::clinical : cutoff_side::functional,
                               c.name + " (" + c.source + ")"};
    }
    return std::nullopt;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
