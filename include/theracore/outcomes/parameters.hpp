// SPDX-License-Identifier: Apache-2.0
/// @file
/// The parameters of change statistics: which way is better, the standard deviation and the
/// reliability behind the reliable change index, the z criterion, functional and dysfunctional
/// norms for clinical-significance cut-offs, and where all of that came from.
///
/// The outcome functions take these small explicit values rather than an instrument definition,
/// so that any source can feed them: an instrument's psychometrics, a published paper, or a
/// service's own data. Every result echoes the `change_parameters` it was computed with.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <tuple>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

using theracore::operator==;
using theracore::operator!=;

/// Which way is better on an instrument. Higher = worse for almost every symptom measure
/// (PHQ-9, GAD-7, CORE-10); higher = better for WHO-5, ORS and GAS (instruments.md §0).
enum class score_direction { lower_is_better, higher_is_better };
constexpr auto describe_enum(score_direction) {
    using E = score_direction;
    return enum_table<E, 2>{
        "score_direction",
        {{{E::lower_is_better, "lower_is_better"}, {E::higher_is_better, "higher_is_better"}}}};
}

/// What kind of reliability coefficient `r_xx` is. Jacobson & Truax (1991) used test–retest
/// reliability; many services use Cronbach's α (Evans, Margison & Barkham 1998 argue for it).
/// The two give different thresholds, so the kind is always recorded.
enum class reliability_kind { test_retest, cronbach_alpha };
constexpr auto describe_enum(reliability_kind) {
    using E = reliability_kind;
    return enum_table<E, 2>{
        "reliability_kind",
        {{{E::test_retest, "test_retest"}, {E::cronbach_alpha, "cronbach_alpha"}}}};
}

/// Where a set of parameters came from: typed in by the caller, or taken from a named source
/// (an instrument definition, a paper, a service's norms).
enum class parameter_origin { caller_supplied, named_source };
constexpr auto describe_enum(parameter_origin) {
    using E = parameter_origin;
    return enum_table<E, 2>{
        "parameter_origin",
        {{{E::caller_supplied, "caller_supplied"}, {E::named_source, "named_source"}}}};
}

/// A standard deviation with the population it describes and its citation, e.g.
/// `{7.7, "primary-care counselling, n = 1,835", "Connell & Barkham 2007"}`.
struct standard_deviation {
    double value = 0;
    std::string population;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("value", s.value), field("population", s.population),
                               field("source", s.source));
    }
};

/// Every problem of `s`: the value must be finite and positive.
[[nodiscard]] THERACORE_API problem_list validate(const standard_deviation& s);

/// A reliability coefficient `r_xx` with its kind and citation, e.g.
/// `{0.90, reliability_kind::cronbach_alpha, "Barkham et al. 2013"}`.
struct reliability_coefficient {
    double value = 0;
    reliability_kind kind{reliability_kind::test_retest};
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("value", s.value), field("kind", s.kind),
                               field("source", s.source));
    }
};

/// Every problem of `r`: the value must lie strictly between 0 and 1 (at 1 there is no
/// measurement error and every change would be "reliable"; at 0 none could be).
[[nodiscard]] THERACORE_API problem_list validate(const reliability_coefficient& r);

/// A population's mean and standard deviation on the instrument, for criteria a, b and c, e.g.
/// the CORE-10 general population `{4.7, 4.8, "general population, n = 535", "Connell & Barkham
/// 2007"}`.
struct population_norm {
    double mean = 0;
    double sd = 0;
    std::string population;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("mean", s.mean), field("sd", s.sd),
                               field("population", s.population), field("source", s.source));
    }
};

/// Every problem of `n`: a finite mean and a positive standard deviation.
[[nodiscard]] THERACORE_API problem_list validate(const population_norm& n);

/// The possible scores of an instrument, inclusive: PHQ-9 `{0, 27}`.
struct score_range {
    double min = 0;
    double max = 0;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("min", s.min), field("max", s.max));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const score_range& r);

/// True when `v` lies in `r` (inclusive).
[[nodiscard]] inline bool contains(const score_range& r, double v) noexcept {
    return v >= r.min && v <= r.max;
}

/// Where a parameter set came from. `source` names it ("PHQ-9 definition v1 (Kroenke 2001)") and
/// is required for `named_source`; for `caller_supplied` it may say why ("service audit 2025").
struct parameter_provenance {
    parameter_origin origin{parameter_origin::caller_supplied};
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("origin", s.origin), field("source", s.source));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const parameter_provenance& v);

/// Everything the change statistics need about one instrument.
///
/// - `sd` is `s1` of Jacobson & Truax (1991): the SD of the reference (pre-treatment or
///   clinical) sample.
/// - `z` is the criterion for reliable change: 1.96 (95 %, two-tailed) is Jacobson & Truax's;
///   Barkham et al. (2013) published the CORE-10 RCI of 6 with 1.645 (90 %). Whatever is used
///   is echoed in every result.
/// - `range` lets clinical-significance criteria that fall outside the scale be reported as
///   unusable, and rejects scores outside it.
/// - `functional` (M0, s0) and `dysfunctional` (M1, s1) norms feed criteria a, b and c.
/// - `instrument_version` empty means "any version of `instrument_id`".
struct change_parameters {
    std::string instrument_id;
    std::string instrument_version;
    score_direction direction{score_direction::lower_is_better};
    standard_deviation sd;
    reliability_coefficient reliability;
    double z = 1.96;
    std::optional<score_range> range;
    std::optional<population_norm> functional;
    std::optional<population_norm> dysfunctional;
    parameter_provenance provenance;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("instrument_id", s.instrument_id),
            field("instrument_version", s.instrument_version), field("direction", s.direction),
            field("sd", s.sd), field("reliability", s.reliability), field("z", s.z),
            field("range", s.range), field("functional", s.functional),
            field("dysfunctional", s.dysfunctional), field("provenance", s.provenance));
    }
};

/// Every problem of `p`, with paths relative to it (`reliability.value`, `sd.value`, `z`).
[[nodiscard]] THERACORE_API problem_list validate(const change_parameters& p);

/// True when a move from `from` to `to` is in the better direction.
[[nodiscard]] constexpr bool is_better(score_direction d, double from, double to) noexcept {
    return d == score_direction::lower_is_better ? to < from : to > from;
}

}  // namespace outcomes
THERACORE_NAMESPACE_END
