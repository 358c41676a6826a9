// SPDX-License-Identifier: Apache-2.0
/// @file
/// Adapters from the instrument engine to the outcome analytics: an instrument definition's
/// psychometrics become `change_parameters`, its change criteria NHS Talking Therapies rule
/// sets, its flags alert rules, and a client's scored administrations a `score_series` with the
/// definition's bands and cut-off. The definition is the one source of these numbers; nothing
/// here restates a threshold.
///
/// This header depends on the instrument engine and the outcome analytics; neither depends on
/// it. With the built-in catalog linked, outcomes/builtin_rule_sets.hpp lists the built-in
/// Talking Therapies rule sets.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <map>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include <theracore/adapters/administration_scores.hpp>
#include <theracore/care/session.hpp>
#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/instruments/detail/check.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/outcomes/alert_rules.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/series.hpp>
#include <theracore/outcomes/talking_therapies.hpp>

THERACORE_NAMESPACE_BEGIN
inline namespace adapters {

/// The outcomes' direction for an instrument's: higher is worse means lower is better.
[[nodiscard]] constexpr outcomes::score_direction direction_of(
    instruments::score_direction d) noexcept {
    return d == instruments::score_direction::higher_is_better
               ? outcomes::score_direction::higher_is_better
               : outcomes::score_direction::lower_is_better;
}

/// Which of a definition's psychometrics `change_parameters_for` uses. Empty means the
/// definition's default (docs/instrument-format.md): the first reliability estimate, the first
/// clinical norm group for the SD and the dysfunctional norms, the first non-clinical one for
/// the functional norms.
struct change_parameter_options {
    /// Id of the reliability estimate.
    std::optional<std::string> reliability;
    /// A reliability the caller supplies (a study's own estimate) instead of the definition's;
    /// exclusive with `reliability`.
    std::optional<outcomes::reliability_coefficient> supplied_reliability;
    /// Id of the norm group whose SD is s1 (Jacobson & Truax: the clinical or pre-treatment
    /// sample). Any population may be named; the default takes only a clinical group.
    std::optional<std::string> sd_norm_group;
    /// An SD the caller supplies (the sample's own pre-treatment SD) instead of a norm group's,
    /// so a definition without a clinical norm group (PHQ-9) still gives its reliability,
    /// direction, range and cut-off; exclusive with `sd_norm_group`.
    std::optional<outcomes::standard_deviation> supplied_sd;
    /// Id of a non-clinical norm group (M0, s0).
    std::optional<std::string> functional_norm_group;
    /// Id of a clinical norm group (M1, s1 of criteria a and c).
    std::optional<std::string> dysfunctional_norm_group;
    /// The reliable-change criterion; 1.96 is Jacobson & Truax's (95 %, two-tailed).
    double z = 1.96;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("reliability", s.reliability),
            field("supplied_reliability", s.supplied_reliability),
            field("sd_norm_group", s.sd_norm_group), field("supplied_sd", s.supplied_sd),
            field("functional_norm_group", s.functional_norm_group),
            field("dysfunctional_norm_group", s.dysfunctional_norm_group), field("z", s.z));
    }
};

/// The change parameters of scale `scale_id` (empty: the total) of `inst`, from its
/// psychometrics:
///
/// - direction from the definition (`higher_is_worse` → `lower_is_better`);
/// - `sd` from the chosen norm group (value, "name (population, n = …)", source), or
///   `options.supplied_sd`;
/// - `reliability` value, kind and source (an intraclass correlation is a test–retest kind: a
///   questionnaire's ICC is its retest agreement), or `options.supplied_reliability`;
/// - `range` from the scale's bounds (the items' answers and the multiplier);
/// - `functional` / `dysfunctional` norms from the non-clinical / clinical norm groups, when
///   the definition has them;
/// - `provenance` = named source `"<id> v<version> (<sources>)"`, the sources being those of
///   the values used.
///
/// @throws validation_error listing what is missing or wrong: the scale (`scale_id`), a
/// reliability estimate (`psychometrics.reliability`), an estimate of kind `other`
/// (`psychometrics.reliability[<id>].kind`), a norm group for the SD (`psychometrics.norms`),
/// ids in `options` that the scale lacks or whose population is wrong (`options.<field>`), an
/// id given beside the supplied value it would choose (`options.reliability`,
/// `options.sd_norm_group`), an invalid supplied value (`options.supplied_sd.value`, …), a
/// non-positive `options.z`.
[[nodiscard]] THERACORE_API outcomes::change_parameters change_parameters_for(
    const instruments::instrument& inst, std::string_view scale_id = {},
    const change_parameter_options& options = {});

/// The NHS Talking Therapies style rule set of change criterion `criterion_id` of scale
/// `scale_id` (empty: the total) of `inst`: name `"<criterion id>.<instrument id>"`
/// (`nhs_talking_therapies.phq9`), the definition's direction, caseness and reliable change,
/// and the criterion's source.
/// @throws validation_error when the scale lacks the criterion (`criterion_id`) or the
/// criterion has no caseness threshold (`psychometrics.change_criteria[<id>].caseness`).
[[nodiscard]] THERACORE_API outcomes::talking_therapies_rule_set talking_therapies_rule_set_for(
    const instruments::instrument& inst, std::string_view criterion_id = "nhs_talking_therapies",
    std::string_view scale_id = {});

/// The alert rules for `inst` with its critical flags: the ids of the definition's flags of
/// severity `min_severity` or above (default `critical_flag_severity`, i.e. urgent and
/// immediate). An instrument without such flags gets no critical-item rule (rather than the
/// rule's "any fired flag counts" default, which would make AUDIT's informational flag an
/// emergency). Other rules keep their defaults.
[[nodiscard]] THERACORE_API outcomes::alert_rule_parameters alert_rules_for(
    const instruments::instrument& inst,
    instruments::flag_severity min_severity = critical_flag_severity);

/// The published clinical cut-off `cut_off_id` of scale `scale_id` (empty: the total) of
/// `inst`, or, when `cut_off_id` is empty, its primary cut-off: the first one that is not an
/// alternative threshold and is not for a sub-population. A score exactly at the threshold is on
/// the side the test puts it (`>=` 10: clinical; `<` 13: functional). Nothing when the scale has
/// no cut-off and none was named.
/// @throws validation_error at `cut_off_id` for an unknown id, or a cut-off whose test does not
/// point towards the worse end of the scale (or is `==`).
[[nodiscard]] THERACORE_API std::optional<outcomes::clinical_cutoff> clinical_cutoff_for(
    const instruments::instrument& inst, std::string_view scale_id = {},
    std::string_view cut_off_id = {});

/// Choices for `series_for`.
struct series_options {
    /// The scale read (empty: the total).
    std::string scale;
    /// The band set shown (empty: the scale's first, the definition's default).
    std::string band_set;
    /// The cut-off (empty: the primary one, see `clinical_cutoff_for`).
    std::string cut_off;
    /// Fired flags of this severity or above are a point's `fired_flags` (charts ring them as
    /// critical items, alert rules raise them).
    instruments::flag_severity flag_severity = critical_flag_severity;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("scale", s.scale), field("band_set", s.band_set),
                               field("cut_off", s.cut_off),
                               field("flag_severity", s.flag_severity));
    }
};

/// A series and what did not make it in.
struct administration_series {
    outcomes::score_series series;
    /// Administrations that gave no score for the scale, in time order, each with its reason.
    std::vector<unscored_administration> unscored;
    /// Administrations (in the series or not) whose critical flags (`options.flag_severity` or
    /// above) could not be evaluated.
    std::vector<unevaluated_flags> flags_not_evaluated;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("series", s.series), field("unscored", s.unscored),
                               field("flags_not_evaluated", s.flags_not_evaluated));
    }
};

/// One client's administrations of `inst` as a `score_series` of one scale.
///
/// - **Order.** Points are in order of `administered_at`, whatever the order of
///   `administrations` (a store returns them in any order); the outcome functions themselves
///   never sort. Two administrations at the same instant are a `validation_error`, since which
///   one counts cannot be known.
/// - **Points**: one per administration whose scale is scored — time, value, the session that
///   lists the administration among its `measures` (from `sessions`), the administration id and
///   the ids of the critical flags that fired (severity `options.flag_severity` or above:
///   urgent and immediate by default; AUDIT's informational flag is not a critical item).
/// - **Unscored** administrations (scale not scored, or scored with another definition
///   version) are returned in `unscored` with the reason, never dropped silently, and are the
///   series' own `unscored` points with their critical flags, so that a critical answer on a
///   form whose total could not be scored still raises its alert and is drawn on the chart.
/// - **Critical flags not evaluated** (their items unanswered) are listed in
///   `flags_not_evaluated` and on each point.
/// - **Bands** from the scale's band set (`options.band_set` or the default), the **cut-off**
///   from `clinical_cutoff_for`, the name and version from the definition.
///
/// @throws validation_error naming the argument: an invalid administration
/// (`administrations[i].…`), one of another instrument (`administrations[i].instrument`) or
/// another client (`administrations[i].client`), two at the same time
/// (`administrations[i].administered_at`), an administration listed by two sessions
/// (`sessions[j].measures`), an unknown scale, band set or cut-off, or bands that meet at a
/// shared bound (mean-scored scales), which `score_series` cannot express.
[[nodiscard]] THERACORE_API administration_series
series_for(const instruments::instrument& inst,
           const std::vector<instruments::administration>& administrations,
           const std::vector<session>& sessions = {}, const series_options& options = {});

}  // namespace adapters
THERACORE_NAMESPACE_END
