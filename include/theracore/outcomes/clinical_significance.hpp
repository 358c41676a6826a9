// SPDX-License-Identifier: Apache-2.0
/// @file
/// Clinically significant change (Jacobson & Truax 1991): the cut-off criteria a, b and c, and
/// the four outcome categories recovered / improved / unchanged / deteriorated.
///
/// With M0, s0 the functional (non-clinical) norms and M1, s1 the dysfunctional (clinical)
/// norms, for a lower-is-better instrument:
///
/// ```
/// a = M1 − 2·s1                       beyond two SDs of the clinical mean
/// b = M0 + 2·s0                       within two SDs of the functional mean
/// c = (s0·M1 + s1·M0) / (s0 + s1)     where the two distributions meet
/// ```
///
/// and for a higher-is-better one `a = M1 + 2·s1`, `b = M0 − 2·s0`, c unchanged
/// (instruments.md §3.2; the R package clinicalsignificance computes the same). A criterion
/// that falls outside the instrument's score range cannot be crossed, so it is reported as
/// unusable instead of being used (the PCL-5 example of the verification notes gives a = −5.35
/// on a 0–80 scale).
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>
#include <theracore/outcomes/series.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// Which cut-off decides "crossed into the functional range": Jacobson & Truax's a, b or c, or a
/// published cut-off (PHQ-9 caseness 10, CORE-10 11).
enum class cutoff_criterion { a, b, c, published };
constexpr auto describe_enum(cutoff_criterion) {
    using E = cutoff_criterion;
    return enum_table<E, 4>{"cutoff_criterion",
                            {{{E::a, "a"}, {E::b, "b"}, {E::c, "c"}, {E::published, "published"}}}};
}

/// One cut-off as computed or supplied, and whether it can be used.
struct cutoff_estimate {
    cutoff_criterion criterion{cutoff_criterion::c};
    /// Absent when the norms it needs were not given.
    std::optional<double> value;
    /// Where a score exactly at `value` belongs. For a, b and c it is `clinical`: a score on the
    /// cut-off has not crossed it.
    cutoff_side at_value{cutoff_side::clinical};
    bool usable = false;
    /// Why it is unusable, or where it came from.
    std::string note;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("criterion", s.criterion), field("value", s.value),
                               field("at_value", s.at_value), field("usable", s.usable),
                               field("note", s.note));
    }
};

/// Criteria a, b and c for one parameter set.
struct jacobson_truax_cutoffs {
    cutoff_estimate a;
    cutoff_estimate b;
    cutoff_estimate c;
    change_parameters parameters;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("a", s.a), field("b", s.b), field("c", s.c),
                               field("parameters", s.parameters));
    }
};

/// Jacobson & Truax's four outcome categories.
enum class jacobson_truax_category { recovered, improved, unchanged, deteriorated };
constexpr auto describe_enum(jacobson_truax_category) {
    using E = jacobson_truax_category;
    return enum_table<E, 4>{"jacobson_truax_category",
                            {{{E::recovered, "recovered"},
                              {E::improved, "improved"},
                              {E::unchanged, "unchanged"},
                              {E::deteriorated, "deteriorated"}}}};
}

/// A pre/post comparison classified by reliable change and a cut-off.
struct jacobson_truax_outcome {
    reliable_change change;
    /// The criterion used, with its value and usability.
    cutoff_estimate cutoff;
    /// Sides of the cut-off; absent when the cut-off is unusable.
    std::optional<bool> pre_clinical;
    std::optional<bool> post_clinical;
    /// - recovered: reliable improvement, and moved from the clinical to the functional side;
    /// - improved: reliable improvement only (including a client who started functional);
    /// - unchanged: no reliable change;
    /// - deteriorated: reliable deterioration.
    /// Absent only when the change is a reliable improvement and the cut-off is unusable, so
    /// "recovered" and "improved" cannot be told apart.
    std::optional<jacobson_truax_category> category;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("change", s.change), field("cutoff", s.cutoff),
                               field("pre_clinical", s.pre_clinical),
                               field("post_clinical", s.post_clinical),
                               field("category", s.category));
    }
};

/// Criteria a, b and c for `p`, each with its usability.
/// @throws validation_error naming `parameters.…` when `p` is invalid.
[[nodiscard]] THERACORE_API jacobson_truax_cutoffs clinical_cutoffs(const change_parameters& p);

/// The cut-off `jacobson_truax` judges against for `criterion`: criterion a, b or c from `p`'s
/// norms, or the `published` cut-off; either way marked unusable when it lies outside `p.range`.
/// @throws validation_error naming `parameters.…` when `p` is invalid, and `published` when the
/// criterion is `published` but no valid published cut-off is given.
[[nodiscard]] THERACORE_API cutoff_estimate
select_clinical_cutoff(const change_parameters& p, cutoff_criterion criterion,
                       const std::optional<clinical_cutoff>& published = std::nullopt);

/// Reliable and clinically significant change from `pre` to `post`, judged against
/// `criterion` (a, b, c from `p`'s norms, or the `published` cut-off).
/// @throws validation_error naming the argument for everything `jacobson_truax_rci` rejects,
/// and when `criterion` is `published` but no `published` cut-off is given.
[[nodiscard]] THERACORE_API jacobson_truax_outcome jacobson_truax(
    const instrument_score& pre, const instrument_score& post, const change_parameters& p,
    cutoff_criterion criterion, const std::optional<clinical_cutoff>& published = std::nullopt);

}  // namespace outcomes
THERACORE_NAMESPACE_END
