// SPDX-License-Identifier: Apache-2.0
/// @file
/// Group summaries: how many clients of a cohort fall in each outcome category, and what
/// proportion that is.
///
/// A summary is only meaningful for one method with one parameter set, so every outcome in a
/// cohort must share the instrument, the parameters and the cut-off criterion; anything else is
/// a `validation_error` naming the first outcome that differs.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <vector>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/hageman_arrindell.hpp>
#include <theracore/outcomes/talking_therapies.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// One row of a summary: `count` of `denominator` clients, and the proportion (0 when the
/// denominator is 0).
struct category_count {
    std::string category;
    std::size_t count = 0;
    std::size_t denominator = 0;
    double proportion = 0;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("category", s.category), field("count", s.count),
                               field("denominator", s.denominator),
                               field("proportion", s.proportion));
    }
};

/// Counts per category for a cohort.
struct cohort_summary {
    /// "jacobson_truax", "hageman_arrindell" or the Talking Therapies rule set's name.
    std::string method;
    std::string instrument_id;
    std::size_t n = 0;
    std::vector<category_count> categories;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("method", s.method), field("instrument_id", s.instrument_id),
                               field("n", s.n), field("categories", s.categories));
    }
};

/// The row named `category` of `s`. @throws not_found.
[[nodiscard]] THERACORE_API const category_count& row(const cohort_summary& s,
                                                      const std::string& category);

/// Jacobson–Truax categories of a cohort: recovered, improved, unchanged, deteriorated, and
/// "unclassified" (reliably improved but the cut-off was unusable), each over all n.
/// @throws validation_error when outcomes differ in parameters or cut-off criterion.
[[nodiscard]] THERACORE_API cohort_summary
summarize(const std::vector<jacobson_truax_outcome>& outcomes);

/// Hageman–Arrindell categories of a cohort, as for Jacobson–Truax.
/// @throws validation_error when outcomes differ in parameters, group or critical value.
[[nodiscard]] THERACORE_API cohort_summary
summarize(const std::vector<hageman_arrindell_outcome>& outcomes);

/// NHS Talking Therapies rates of a cohort: `case_at_start`, `reliable_improvement` and
/// `reliable_deterioration` over all n; `recovered` and `reliable_recovery` over the clients who
/// were a case at the start (the NHS denominator for recovery).
/// @throws validation_error when outcomes come from different rule sets.
[[nodiscard]] THERACORE_API cohort_summary
summarize(const std::vector<talking_therapies_outcome>& outcomes);

}  // namespace outcomes
THERACORE_NAMESPACE_END
