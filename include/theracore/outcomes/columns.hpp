// SPDX-License-Identifier: Apache-2.0
/// @file
/// Change statistics over columns of scores (numpy arrays, data-frame columns, a study's
/// export): the Jacobson–Truax reliable change and categories of reliable_change.hpp and
/// clinical_significance.hpp applied to n pairs in one call, with nothing allocated per row, and
/// a one-pass baseline-versus-latest reduction of a long table of (client, time, score) rows.
///
/// Missing values are data here, not errors: a NaN score gives a NaN RCI and the code
/// `missing_code` in the category columns, so a cohort with drop-outs can be analysed in one
/// call. Infinite scores and scores outside the parameters' range are errors, as they are for
/// one pair.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/outcomes/clinical_significance.hpp>
#include <theracore/outcomes/parameters.hpp>
#include <theracore/outcomes/reliable_change.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

/// The value of an `std::int8_t` category column for a row without a result (a missing score,
/// or a reliable improvement whose recovery cannot be judged because the cut-off is unusable).
inline constexpr std::int8_t missing_code = -1;

/// Reliable change for each pair (`pre[i]`, `post[i]`), i < n: `rci[i]` = (post − pre) / S_diff
/// and `kind[i]` = the `change_kind` as an integer, or NaN and `missing_code` when either score
/// is NaN. Identical to `jacobson_truax_rci` pair by pair. Thread-safe (reads `t` only).
/// @throws validation_error before writing anything: naming `pre[i]`/`post[i]` (at most ten)
/// for an infinite score or one outside `t.parameters.range`.
THERACORE_API void reliable_change_columns(const reliable_change_threshold& t, const double* pre,
                                           const double* post, std::size_t n, double* rci,
                                           std::int8_t* kind);

/// Reliable change and the Jacobson–Truax category of each pair against `cutoff` (from
/// `clinical_cutoffs` or a published cut-off): `category[i]` is the `jacobson_truax_category` as
/// an integer, or `missing_code` for a missing score or when a reliable improvement cannot be
/// called recovered or improved because `cutoff` is unusable. Identical to `jacobson_truax` pair
/// by pair. Thread-safe.
/// @throws validation_error as `reliable_change_columns`.
THERACORE_API void jacobson_truax_columns(const reliable_change_threshold& t,
                                          const cutoff_estimate& cutoff, const double* pre,
                                          const double* post, std::size_t n, double* rci,
                                          std::int8_t* kind, std::int8_t* category);

/// Criteria a, b and c from functional (M0, s0) and dysfunctional (M1, s1) norms alone, for a
/// caller who has no reliability or SD at hand (the cut-offs do not use them).
/// @throws validation_error naming `functional.…` or `dysfunctional.…` (a non-finite mean, a
/// non-positive SD) or `range.…`.
[[nodiscard]] THERACORE_API jacobson_truax_cutoffs
clinical_cutoffs(const population_norm& functional, const population_norm& dysfunctional,
                 score_direction d, const std::optional<score_range>& range = std::nullopt);

/// Criteria a, b and c for `n` rows of norms: row i is `clinical_cutoffs` of the functional
/// norm (`mean_functional[i]`, `sd_functional[i]`) and the dysfunctional one (`mean_clinical[i]`,
/// `sd_clinical[i]`); its values are written to `a[i]`, `b[i]` and `c[i]`.
/// @throws validation_error for the first invalid row, its problems' paths prefixed `[i]`.
THERACORE_API void clinical_cutoff_columns(const double* mean_clinical, const double* sd_clinical,
                                           const double* mean_functional,
                                           const double* sd_functional, std::size_t n,
                                           score_direction d, double* a, double* b, double* c);

/// Each client's first and last scored row of a long table: what a baseline-versus-latest
/// reliable change needs. Clients appear in the order of their first row.
struct baseline_latest_columns {
    std::vector<std::int64_t> client;
    std::vector<std::int64_t> count;  ///< rows used (score and time present)
    std::vector<std::int64_t> baseline_time;
    std::vector<double> baseline;
    std::vector<std::int64_t> latest_time;
    std::vector<double> latest;
};

/// One pass over n rows (`client[i]`, `time[i]`, `score[i]`) in any order: for each client the
/// number of usable rows, the earliest row (baseline) and the latest row. Rows whose score is
/// NaN or whose time equals `missing_time` (pandas' NaT is the smallest int64) are skipped; a
/// client with no usable row is left out. Among rows with the same time, the baseline is the
/// first of them in the table and the latest the last, as a stable sort followed by
/// first/last would choose. Times are any integer clock (days, nanoseconds since 1970). Client
/// codes that are small and non-negative (from `pandas.factorize`) are counted in a flat
/// array; any others in a hash map. Thread-safe; allocates per client, not per row.
[[nodiscard]] THERACORE_API baseline_latest_columns baseline_latest(
    const std::int64_t* client, const std::int64_t* time, const double* score, std::size_t n,
    std::optional<std::int64_t> missing_time = std::numeric_limits<std::int64_t>::min());

}  // namespace outcomes
THERACORE_NAMESPACE_END
