// SPDX-License-Identifier: Apache-2.0
/// @file
/// Batch scoring of N administrations read in place from a strided view: no exception and no
/// allocation per row; invalid rows are marked (or, in strict mode, reported by exception).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <theracore/config.hpp>
#include <theracore/error.hpp>
#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/instrument.hpp>
#include <theracore/instruments/score.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// Rows per thread below which `score_rows_parallel` starts no further thread: a second
/// thread costs more than it saves on fewer rows.
inline constexpr std::size_t default_min_rows_per_thread = 32768;

/// Result columns for scoring `rows` rows with `plan`, to fill with `score_rows`.
/// @throws validation_error for an empty plan.
[[nodiscard]] THERACORE_API batch_result make_batch_result(const scoring_plan& plan,
                                                           std::size_t rows);

/// Scores rows [first, last) of `view` into `out` (from `make_batch_result(plan,
/// view.rows())`). Separate row ranges of one `out` may be scored from separate threads.
/// @throws validation_error when the view's columns do not fit the plan, the range is not
/// within the view or `out` does not fit; in strict mode, at the first invalid row, naming the
/// row and item (`[17].phq9_3`).
THERACORE_API void score_rows(const scoring_plan& plan, const batch_view& view, std::size_t first,
                              std::size_t last, batch_result& out,
                              const batch_options& options = {});

/// Scores every row of `view` into `out` (from `make_batch_result(plan, view.rows())`),
/// splitting the rows among at most `threads` threads (0: one per hardware thread), each
/// scoring a contiguous range of at least `min_rows_per_thread` rows with `score_rows`. The
/// result is the one-thread result, byte for byte. The calling thread waits for the others
/// (and scores alone when one thread suffices).
/// @throws validation_error as `score_rows`, before any thread starts when the shapes do not
/// fit. In strict mode, after all rows are scored, for the first invalid row of the whole view
/// (the row one thread would have reported); `out` then holds every row's marks.
/// @throws std::system_error when a thread cannot be started.
THERACORE_API void score_rows_parallel(
    const scoring_plan& plan, const batch_view& view, batch_result& out, std::size_t threads,
    const batch_options& options = {},
    std::size_t min_rows_per_thread = default_min_rows_per_thread);

/// Scores every row of `view` with `plan`. Never throws for a row (unless strict): invalid
/// rows get status `invalid` and the form position of their first invalid answer.
/// @throws validation_error as `score_rows`.
[[nodiscard]] THERACORE_API batch_result score_batch(const scoring_plan& plan,
                                                     const batch_view& view,
                                                     const batch_options& options = {});

/// Scores every row of `view` with `inst`'s default plan.
/// @throws validation_error as `score_rows`.
[[nodiscard]] THERACORE_API batch_result score_batch(const instrument& inst, const batch_view& view,
                                                     const batch_options& options = {});

// ---------------------------------------------------------------------------------------------
// Answer coding

/// What a batch of answers says about their coding. On a reverse-keyed item, form positions and
/// item scores are mirror images, so answers read in the wrong coding turn the item against the
/// rest of its scale: pre-scored EPDS data read as positions turn item 10 "yes, quite often" (3)
/// into "never" and lose the self-harm flag. Read in the assumed coding, each reverse-keyed
/// item's answers should rise with the scale's other items; when they clearly fall instead, the
/// answers are probably in the other coding.
struct coding_check {
    /// The coding checked: the caller's, else the definition's.
    answer_coding assumed = answer_coding::positions;
    /// The scale whose items were compared.
    std::string scale;
    /// Its reverse-keyed items (none: both codings score the same and nothing can be told).
    std::vector<std::string> reverse_items;
    /// Rows with every item of the scale answered within its range.
    std::size_t rows_used = 0;
    /// Mean Pearson correlation of each reverse-keyed item, read in the assumed coding, with the
    /// sum of the scale's items that are not reverse keyed; NaN when it cannot be computed.
    double agreement = 0;
    /// The other coding, when the answers clearly look coded that way: at least
    /// `coding_check_min_rows` rows and `agreement` at or below `coding_check_threshold`.
    std::optional<answer_coding> mismatch;
    /// One sentence for people (a CLI warning, a notebook).
    std::string message;

    template <class Self>
    static auto describe(Self& s) {
        using theracore::detail::field;
        return std::make_tuple(field("assumed", s.assumed), field("scale", s.scale),
                               field("reverse_items", s.reverse_items),
                               field("rows_used", s.rows_used), field("agreement", s.agreement),
                               field("mismatch", s.mismatch), field("message", s.message));
    }
};

/// Rows `check_answer_coding` needs before it concludes anything.
inline constexpr std::size_t coding_check_min_rows = 30;
/// The agreement at or below which it reports a mismatch (a clearly negative correlation; read
/// in the right coding, items of one scale correlate positively).
inline constexpr double coding_check_threshold = -0.2;

/// Checks whether the answers in `view` look coded as `assumed` (empty: the definition's
/// `answers`) on scale `scale_id` (empty: the total, else the first scale). Reads the view only;
/// rows with a missing, non-finite or out-of-range answer on the scale are left out.
/// @throws validation_error at `scale_id` for an unknown scale, or at `view` when it lacks a
/// column of the scale's items.
[[nodiscard]] THERACORE_API coding_check
check_answer_coding(const instrument& inst, const batch_view& view,
                    std::optional<answer_coding> assumed = {}, std::string_view scale_id = {});

// ---------------------------------------------------------------------------------------------
// Why a row is not ok, in words (`to_string(row_status)` and `to_string(scale_status)` give the
// wire names of the status codes).

/// A scale status as a reason reads it: "too many items missing", "a required item is
/// missing", "no item answered", "no item applies", "invalid answers"; "scored" for `scored`.
[[nodiscard]] THERACORE_API std::string_view describe(scale_status s) noexcept;

/// "invalid answer to <item>": the reason of an invalid row.
[[nodiscard]] THERACORE_API std::string invalid_answer_reason(std::string_view item);

/// "<scale>: <describe(status)>": the reason of a row whose first unscored scale is `scale`.
[[nodiscard]] THERACORE_API std::string scale_reason(std::string_view scale, scale_status status);

/// "<rule>: undetermined (missing answers)": the reason of a row whose scales are all scored
/// but whose derived rule `rule` is undetermined.
[[nodiscard]] THERACORE_API std::string undetermined_reason(std::string_view rule);

/// Why row `row` of `out` is not ok: for an invalid row its first invalid answer (the item
/// named `item_names[out.first_invalid[row]]`; a plan's `item_ids()` or the caller's column
/// names); else its first unscored scale with that scale's status; else its first undetermined
/// derived rule. Empty for an ok row.
/// @throws std::out_of_range when `row` is not below `out.rows` or the invalid item is not
/// below `item_names.size()`.
[[nodiscard]] THERACORE_API std::string row_reason(const batch_result& out, std::size_t row,
                                                   const std::vector<std::string>& item_names);

}  // namespace instruments
THERACORE_NAMESPACE_END
