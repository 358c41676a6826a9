// SPDX-License-Identifier: Apache-2.0
/// @file
/// Hageman & Arrindell (1999) reliable and clinically significant change, for research use:
/// unlike Jacobson–Truax it corrects for regression to the mean, and so needs the statistics of
/// the group the client was treated in (pre and post means and SDs, pre–post correlation).
///
/// ```
/// SE     = s_pre · √(1 − r_xx)
/// r_pre  = (s_pre² − SE²) / s_pre²            r_post = (s_post² − SE²) / s_post²
/// r_dd   = (s_pre²·r_pre + s_post²·r_post − 2·s_pre·s_post·r_12)
///        / (s_pre² + s_post² − 2·s_pre·s_post·r_12)
/// RC_ID  = [(x2 − x1)·r_dd + (M_post − M_pre)·(1 − r_dd)] / (√r_dd · √(2·SE²))
/// c_true = (s1·√r_clin·M0 + s0·√r_func·M1) / (s1·√r_clin + s0·√r_func),  r = (s² − SE²)/s²
/// CS     = (M_post + (x2 − M_post)·r_post − c_true) / (√r_post · SE)
/// ```
///
/// Both RC_ID and CS are compared with a one-tailed critical value: 1.645 (z at α = .05, as in
/// instruments.md §3.3). The R package clinicalsignificance rounds it to 1.65; we keep 1.645 and
/// let callers pass another value, which every result records.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <tuple>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>
#include <theracore/outcomes/series.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The default one-tailed critical value for Hageman–Arrindell (z at α = .05, to 3 decimals).
inline constexpr double hageman_arrindell_default_critical_value = 1.645;

/// Statistics of the treated group, needed by Hageman–Arrindell.
struct group_statistics {
    double pre_mean = 0;
    double pre_sd = 0;
    double post_mean = 0;
    double post_sd = 0;
    /// r_12: the correlation of pre and post scores in the group.
    double pre_post_correlation = 0;
    std::string source;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("pre_mean", s.pre_mean), field("pre_sd", s.pre_sd),
                               field("post_mean", s.post_mean), field("post_sd", s.post_sd),
                               field("pre_post_correlation", s.pre_post_correlation),
                               field("source", s.source));
    }
};

[[nodiscard]] THERACORE_API problem_list validate(const group_statistics& g);

/// Where the true post score lies relative to c_true, at the critical value.
enum class true_score_side { functional, indeterminate, clinical };
constexpr auto describe_enum(true_score_side) {
    using E = true_score_side;
    return enum_table<E, 3>{"true_score_side",
                            {{{E::functional, "functional"},
                              {E::indeterminate, "indeterminate"},
                              {E::clinical, "clinical"}}}};
}

/// One Hageman–Arrindell comparison.
struct hageman_arrindell_outcome {
    double pre = 0;
    double post = 0;
    double se = 0;
    double r_pre = 0;
    double r_post = 0;
    double r_dd = 0;
    double rc_id = 0;
    change_kind kind{change_kind::no_reliable_change};
    double critical_value = hageman_arrindell_default_critical_value;
    /// Absent (with `note` saying why) without both norms, or when a norm's SD does not exceed
    /// the standard error of measurement.
    std::optional<double> r_clinical;
    std::optional<double> r_functional;
    std::optional<double> c_true;
    std::optional<double> cs_indiv;
    std::optional<true_score_side> post_side;
    /// recovered = reliable improvement (RC_ID) and a true post score reliably on the functional
    /// side (CS); improved = reliable improvement otherwise; unchanged; deteriorated. Absent when
    /// the improvement is reliable but c_true could not be computed.
    std::optional<jacobson_truax_category> category;
    std::string note;
    group_statistics group;
    change_parameters parameters;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(
            field("pre", s.pre), field("post", s.post), field("se", s.se), field("r_pre", s.r_pre),
            field("r_post", s.r_post), field("r_dd", s.r_dd), field("rc_id", s.rc_id),
            field("kind", s.kind), field("critical_value", s.critical_value),
            field("r_clinical", s.r_clinical), field("r_functional", s.r_functional),
            field("c_true", s.c_true), field("cs_indiv", s.cs_indiv),
            field("post_side", s.post_side), field("category", s.category), field("note", s.note),
            field("group", s.group), field("parameters", s.parameters));
    }
};

/// Hageman–Arrindell RC_ID and (when `p` has both norms) the true-score cut-off and CS_indiv.
/// `p.reliability` is r_xx; the SE comes from the group's pre SD, so `p.sd` is not used.
/// @throws validation_error naming the argument: everything `jacobson_truax_rci` rejects,
/// invalid `group` statistics, a non-positive `critical_value`, a post SD not above the SE, or
/// a non-positive reliability of the difference scores.
[[nodiscard]] THERACORE_API hageman_arrindell_outcome
hageman_arrindell(const instrument_score& pre, const instrument_score& post,
                  const change_parameters& p, const group_statistics& group,
                  double critical_value = hageman_arrindell_default_critical_value);

}  // namespace outcomes
THERACORE_NAMESPACE_END
