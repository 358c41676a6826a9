// SPDX-License-Identifier: Apache-2.0
/// @file
/// The input and output of batch scoring: a strided, typed, read-only view of an N × k table
/// of answers (one column per item, in form order), read in place, and the columns of results.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <theracore/config.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

/// The element type of a column. Floating types use NaN for a missing answer; integer types
/// have no missing value unless the view names a missing code.
enum class element_type : std::uint8_t { f64, f32, i8, i16, i32, i64, u8, u16, u32, u64 };
constexpr auto describe_enum(element_type) {
    using E = element_type;
    return enum_table<E, 10>{"element_type",
                             {{{E::f64, "float64"},
                               {E::f32, "float32"},
                               {E::i8, "int8"},
                               {E::i16, "int16"},
                               {E::i32, "int32"},
                               {E::i64, "int64"},
                               {E::u8, "uint8"},
                               {E::u16, "uint16"},
                               {E::u32, "uint32"},
                               {E::u64, "uint64"}}}};
}

/// The element type of `T` (double, float or an integer type).
template <class T>
constexpr element_type element_type_of() {
    static_assert(std::is_arithmetic_v<T> && !std::is_same_v<T, bool>, "batch views hold numbers");
    if constexpr (std::is_same_v<T, double>) {
        return element_type::f64;
    } else if constexpr (std::is_same_v<T, float>) {
        return element_type::f32;
    } else {
        static_assert(std::is_integral_v<T> && sizeof(T) <= 8, "unsupported element type");
        constexpr bool s = std::is_signed_v<T>;
        if constexpr (sizeof(T) == 1) {
            return s ? element_type::i8 : element_type::u8;
        } else if constexpr (sizeof(T) == 2) {
            return s ? element_type::i16 : element_type::u16;
        } else if constexpr (sizeof(T) == 4) {
            return s ? element_type::i32 : element_type::u32;
        } else {
            return s ? element_type::i64 : element_type::u64;
        }
    }
}

/// Bytes per element of `t`.
[[nodiscard]] constexpr std::size_t element_size(element_type t) noexcept {
    switch (t) {
        case element_type::f64:
        case element_type::i64:
        case element_type::u64:
            return 8;
        case element_type::f32:
        case element_type::i32:
        case element_type::u32:
            return 4;
        case element_type::i16:
        case element_type::u16:
            return 2;
        case element_type::i8:
        case element_type::u8:
            return 1;
    }
    return 1;
}

/// One column: where row 0 is, its element type, and the distance in bytes from one row to
/// the next (negative strides are allowed, as numpy has them).
struct column_view {
    const void* data = nullptr;
    element_type type = element_type::f64;
    std::ptrdiff_t stride = 0;
};

/// A read-only N × k table of answers, column j holding the answers to the instrument's item j
/// (form order). Nothing is copied: the caller keeps the memory alive while scoring. Columns
/// may have different types and strides (pandas frames keep each dtype in its own block), so a
/// view can be built from a row-major or column-major array or from separate columns.
///
/// A view may have fewer columns than the instrument has items when the items left out are
/// trailing ones that no scale, flag or rule uses (PHQ-9's unscored item 10).
class batch_view {
  public:
    batch_view() = default;

    /// `rows` rows of the given columns. `integer_missing`, when set, is the code that means
    /// "missing" in integer columns (e.g. -99); floating columns always use NaN.
    /// @throws validation_error for a column without data when `rows` > 0.
    THERACORE_API batch_view(std::size_t rows, std::vector<column_view> columns,
                             std::optional<std::int64_t> integer_missing = std::nullopt);

    /// A C-ordered (row-major) `rows` × `cols` array: row i starts at `data + i * cols`.
    template <class T>
    [[nodiscard]] static batch_view row_major(const T* data, std::size_t rows, std::size_t cols,
                                              std::optional<std::int64_t> integer_missing = {}) {
        return strided(data, rows, cols, static_cast<std::ptrdiff_t>(cols * sizeof(T)),
                       static_cast<std::ptrdiff_t>(sizeof(T)), integer_missing);
    }

    /// A Fortran-ordered (column-major) array: column j starts at `data + j * rows`.
    template <class T>
    [[nodiscard]] static batch_view column_major(const T* data, std::size_t rows, std::size_t cols,
                                                 std::optional<std::int64_t> integer_missing = {}) {
        return strided(data, rows, cols, static_cast<std::ptrdiff_t>(sizeof(T)),
                       static_cast<std::ptrdiff_t>(rows * sizeof(T)), integer_missing);
    }

    /// Any 2-D strided array (numpy strides, in bytes).
    template <class T>
    [[nodiscard]] static batch_view strided(const T* data, std::size_t rows, std::size_t cols,
                                            std::ptrdiff_t row_stride, std::ptrdiff_t col_stride,
                                            std::optional<std::int64_t> integer_missing = {}) {
        std::vector<column_view> columns(cols);
        const auto* base = reinterpret_cast<const unsigned char*>(data);
        for (std::size_t j = 0; j < cols; ++j) {
            columns[j] = {base + static_cast<std::ptrdiff_t>(j) * col_stride, element_type_of<T>(),
                          row_stride};
        }
        return batch_view(rows, std::move(columns), integer_missing);
    }

    [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
    [[nodiscard]] std::size_t cols() const noexcept { return columns_.size(); }
    [[nodiscard]] const std::vector<column_view>& columns() const noexcept { return columns_; }
    [[nodiscard]] const std::optional<std::int64_t>& integer_missing() const noexcept {
        return integer_missing_;
    }

  private:
    std::size_t rows_ = 0;
    std::vector<column_view> columns_;
    std::optional<std::int64_t> integer_missing_;
};

/// Whether a row could be scored.
enum class row_status : std::uint8_t {
    ok,            ///< every scale scored and every derived outcome determined
    not_scorable,  ///< some scale not scored or some derived outcome undetermined
    invalid,       ///< an answer breaks the definition; nothing is scored
};
constexpr auto describe_enum(row_status) {
    using E = row_status;
    return enum_table<E, 3>{
        "row_status",
        {{{E::ok, "ok"}, {E::not_scorable, "not_scorable"}, {E::invalid, "invalid"}}}};
}

/// Why a scale has (or has no) value.
enum class scale_status : std::uint8_t {
    scored,
    too_many_missing,  ///< more items missing than the missing-data rule allows (or no rule)
    required_missing,  ///< an item the rule requires is missing
    nothing_answered,  ///< no applicable item answered
    not_applicable,    ///< every item is not applicable
    invalid_row,       ///< the row has an invalid answer
};
constexpr auto describe_enum(scale_status) {
    using E = scale_status;
    return enum_table<E, 6>{"scale_status",
                            {{{E::scored, "scored"},
                              {E::too_many_missing, "too_many_missing"},
                              {E::required_missing, "required_missing"},
                              {E::nothing_answered, "nothing_answered"},
                              {E::not_applicable, "not_applicable"},
                              {E::invalid_row, "invalid_row"}}}};
}

/// One scale's results, one entry per row.
struct scale_columns {
    std::string scale;
    std::vector<double> value;      ///< NaN when not scored
    std::vector<std::int8_t> band;  ///< index into the band set used; -1 for none
    std::vector<scale_status> status;
    std::vector<std::uint8_t> prorated;  ///< 1 when missing items were prorated
};

/// One derived rule's results, one entry per row.
struct derived_columns {
    std::string rule;
    /// Criteria rules: 1 met, 0 not met. Triage: index into the rule's levels. -1 (missing)
    /// when not determined and for an invalid row: an undetermined outcome is never counted as
    /// "not met" (PCL-5 with missing items is not a negative screen).
    std::vector<std::int8_t> level;
    std::vector<std::uint8_t> determined;  ///< 0 when missing answers could change the level
    /// The level the answered items reach whether or not determined (for a triage rule, a
    /// lower bound: missing answers can only raise it); -1 for an invalid row.
    std::vector<std::int8_t> reached;
};

/// The results of batch scoring, as columns (ready for numpy or a data frame).
struct batch_result {
    std::size_t rows = 0;
    std::vector<row_status> status;
    /// Form position (0-based) of the first invalid answer of each row; -1 when none.
    std::vector<std::int32_t> first_invalid;
    /// Answered and missing items among those the scoring uses (skipped and not-applicable
    /// items are neither).
    std::vector<std::uint16_t> answered;
    std::vector<std::uint16_t> missing;
    /// Bit i: flag `flag_ids[i]` fired / could not be evaluated because one of its own answers
    /// is missing or invalid. Set on invalid rows too: a flag is judged on its own answers.
    std::vector<std::uint64_t> flags;
    std::vector<std::uint64_t> flags_unknown;
    /// Bit i: cut-off `cut_off_ids[i]` met.
    std::vector<std::uint64_t> cut_offs;
    std::vector<scale_columns> scales;
    std::vector<derived_columns> derived;
    std::vector<std::string> flag_ids;
    std::vector<std::string> cut_off_ids;
};

/// How `score_batch` treats invalid rows.
struct batch_options {
    /// Throw `validation_error` at the first invalid row instead of marking it.
    bool strict = false;
};

}  // namespace instruments
THERACORE_NAMESPACE_END
