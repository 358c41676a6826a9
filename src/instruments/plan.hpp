// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled scoring plan and the one scoring kernel. A definition is compiled once into
/// flat arrays of item indices and numbers; the kernel scores rows in blocks: per item column
/// a loop that checks and keys the answers of a block of rows (SSE2 on x86-64, a portable
/// loop elsewhere), then per scale a loop that sums them, then column loops over the block for
/// missing-data rules, bands, cut-offs, flags and derived rules (rule terms on byte copies of
/// small integer scores). `score()` runs the same kernel on a one-row view, so single and batch
/// scoring give the same numbers by construction.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <theracore/instruments/batch_view.hpp>
#include <theracore/instruments/definition.hpp>

#include "check.hpp"

// SSE2 is part of x86-64 itself, so every x86-64 compiler and processor has it; elsewhere the
// kernel runs its portable loops, which give the same states and values.
#if defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2)
#include <emmintrin.h>
#define THERACORE_DETAIL_SSE2 1
#else
#define THERACORE_DETAIL_SSE2 0
#endif

THERACORE_NAMESPACE_BEGIN
namespace instruments {
namespace detail {

/// State of one answer in the kernel. `answered` and `skipped` carry a scored value.
enum item_state : std::uint8_t {
    st_answered = 0,
    st_skipped = 1,  ///< not asked by a skip rule; scores the rule's value
    st_missing = 2,
    st_not_applicable = 3,
    st_invalid = 4,
};

/// Three-valued truth for rules evaluated with missing answers.
enum class tri : std::uint8_t { no, yes, unknown };

struct item_plan {
    // Accepted answers.
    bool is_range = false;
    bool range_integer = true;
    double lo = 0, hi = 0;
    bool use_mask = false;  // integer options within 64 consecutive values
    double mask_base = 0;
    std::uint64_t mask = 0;
    std::vector<double> options;  // sorted, when not use_mask
    bool has_na = false;
    double na = 0;
    // scored = offset + sign * answer
    double offset = 0;
    double sign = 1;
    // Bounds of the scored value, for rules evaluated with this item missing.
    double smin = 0, smax = 0;
    bool counted = false;  // used by some scale, flag or rule
    // Every integer in [dense_lo, dense_hi] is accepted and nothing else (as for nearly every
    // questionnaire item): the kernel then checks a column without branches.
    bool dense = false;
    double dense_lo = 0, dense_hi = 0;
    // Dense, keyed to integers in [0, 255], and never rewritten by a skip rule: the kernel
    // also keeps the scored value as a byte, so that rules compare 16 answers at a time.
    bool small = false;

    [[nodiscard]] bool allowed(double v) const noexcept {
        if (is_range) {
            return std::isfinite(v) && v >= lo && v <= hi && (!range_integer || std::floor(v) == v);
        }
        if (use_mask) {
            const double d = v - mask_base;
            if (!(d >= 0 && d < 64) || std::floor(d) != d) {
                return false;
            }
            return ((mask >> static_cast<unsigned>(d)) & 1U) != 0;
        }
        return std::binary_search(options.begin(), options.end(), v);
    }
};

struct condition_plan {
    std::vector<std::uint32_t> items;
    condition_match match = condition_match::any;
    comparison test = comparison::at_least;
    double value = 0;
};

struct skip_plan {
    condition_plan when;
    std::vector<std::uint32_t> skip;
    bool not_applicable = false;
    double score_as = 0;
};

struct cut_plan {
    comparison test = comparison::at_least;
    double threshold = 0;
    unsigned bit = 0;
};

struct scale_plan {
    std::vector<std::uint32_t> items;
    bool mean = false;
    double multiplier = 1;
    bool has_rule = false;
    int max_missing = 0;
    std::vector<std::uint32_t> required;
    rounding_rule rounding = rounding_rule::none;
    std::vector<double> band_mins;  // of the band set reported; empty for none
    std::size_t band_set = 0;
    std::vector<cut_plan> cuts;
};

struct count_term_plan {
    std::vector<std::uint32_t> items;
    comparison test = comparison::at_least;
    double value = 0;
};

struct criterion_plan {
    std::vector<count_term_plan> terms;
    int at_least = 0;
    int at_most = -1;  // -1: none
    bool has_when = false;
    condition_plan when;
};

struct trigger_plan {
    int level = 0;
    condition_plan when;
};

struct derived_plan {
    bool triage = false;
    std::vector<criterion_plan> criteria;
    std::vector<trigger_plan> triggers;
};

struct flag_plan {
    std::vector<condition_plan> any_of;
};

/// Everything the kernel reads, in flat arrays.
struct plan {
    std::vector<item_plan> items;
    std::vector<std::string> item_ids;
    std::size_t required_columns = 0;
    std::vector<skip_plan> skips;
    std::vector<scale_plan> scales;
    std::vector<std::string> scale_ids;
    std::vector<flag_plan> flags;
    std::vector<std::string> flag_ids;
    std::vector<std::string> cut_off_ids;
    std::vector<derived_plan> derived;
    std::vector<std::string> derived_ids;
    score_options options;
    /// The answers are item scores (already reverse keyed), by the options or the definition.
    bool scores_given = false;
};

/// Compiles a checked definition with `options`.
/// @throws validation_error when `options` name scales, band sets or norm groups the
/// definition lacks, or carry a missing-data rule that cannot be met.
[[nodiscard]] std::shared_ptr<const plan> compile(const instrument_definition& d,
                                                  const score_options& options);

// ---------------------------------------------------------------------------------------------
// Rule evaluation on one row of a block (`stride` apart per item).

struct row_ref {
    double* val;
    std::uint8_t* st;
    std::size_t stride;

    [[nodiscard]] double& v(std::uint32_t i) const { return val[i * stride]; }
    [[nodiscard]] std::uint8_t& s(std::uint32_t i) const { return st[i * stride]; }
};

/// Whether every / some value in [lo, hi] passes `test value`.
inline bool all_pass(double lo, double hi, comparison test, double value) {
    switch (test) {
        case comparison::at_least:
            return lo >= value;
        case comparison::greater_than:
            return lo > value;
        case comparison::at_most:
            return hi <= value;
        case comparison::less_than:
            return hi < value;
        case comparison::equal:
            return lo == value && hi == value;
    }
    return false;
}
inline bool some_pass(double lo, double hi, comparison test, double value) {
    switch (test) {
        case comparison::at_least:
            return hi >= value;
        case comparison::greater_than:
            return hi > value;
        case comparison::at_most:
            return lo <= value;
        case comparison::less_than:
            return lo < value;
        case comparison::equal:
            return lo <= value && value <= hi;
    }
    return false;
}

inline bool present(std::uint8_t s) {
    return s <= st_skipped;
}

/// What a missing item (or an invalid one, which aborts the row anyway) might score; an item
/// that allows "not applicable" might also contribute nothing.
inline void unknown_bounds(const item_plan& ip, double& lo, double& hi) {
    lo = ip.smin;
    hi = ip.smax;
    if (ip.has_na) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
    }
}

inline tri evaluate(const plan& p, const condition_plan& c, const row_ref& row) {
    if (c.match == condition_match::any) {
        bool unknown = false;
        for (auto i : c.items) {
            const auto s = row.s(i);
            if (present(s)) {
                if (compare(row.v(i), c.test, c.value)) {
                    return tri::yes;
                }
            } else if (s != st_not_applicable) {
                const auto& ip = p.items[i];
                if (!ip.has_na && all_pass(ip.smin, ip.smax, c.test, c.value)) {
                    return tri::yes;
                }
                unknown = unknown || some_pass(ip.smin, ip.smax, c.test, c.value);
            }
        }
        return unknown ? tri::unknown : tri::no;
    }
    double lo = 0, hi = 0;
    for (auto i : c.items) {
        const auto s = row.s(i);
        if (present(s)) {
            lo += row.v(i);
            hi += row.v(i);
        } else if (s != st_not_applicable) {
            double a = 0, b = 0;
            unknown_bounds(p.items[i], a, b);
            lo += a;
            hi += b;
        }
    }
    if (all_pass(lo, hi, c.test, c.value)) {
        return tri::yes;
    }
    return some_pass(lo, hi, c.test, c.value) ? tri::unknown : tri::no;
}

/// Applies the skip rules to one row, in order. `inconsistent(item)` is called for each
/// answer that a rule skips and that differs from the rule's value.
template <class OnInconsistent>
void apply_skips(const plan& p, const row_ref& row, OnInconsistent&& inconsistent) {
    for (const auto& r : p.skips) {
        if (evaluate(p, r.when, row) != tri::yes) {
            continue;
        }
        for (auto i : r.skip) {
            auto& s = row.s(i);
            if (s == st_answered) {
                if (r.not_applicable || row.v(i) != r.score_as) {
                    s = st_invalid;
                    row.v(i) = 0;
                    inconsistent(i);
                }
            } else if (s == st_missing) {
                s = r.not_applicable ? st_not_applicable : st_skipped;
                row.v(i) = r.not_applicable ? 0 : r.score_as;
            }
        }
    }
}

inline double round_value(double v, rounding_rule r) {
    switch (r) {
        case rounding_rule::none:
            return v;
        case rounding_rule::half_up:
            return v < 0 ? -std::floor(-v + 0.5) : std::floor(v + 0.5);
        case rounding_rule::half_even: {
            const double f = std::floor(v);
            const double diff = v - f;
            if (diff > 0.5) {
                return f + 1;
            }
            if (diff < 0.5) {
                return f;
            }
            return std::fmod(f, 2.0) == 0 ? f : f + 1;
        }
    }
    return v;
}

/// Per-scale counts of the last row scored, for `score()`'s detailed result.
struct scale_counts {
    int answered = 0;  ///< answered or scored by a skip rule
    int missing = 0;
    int not_applicable = 0;
};

// ---------------------------------------------------------------------------------------------
// The kernel

inline constexpr std::size_t block_rows = 256;

/// Reusable buffers for one scoring call (sized once; nothing is allocated per row).
class kernel {
  public:
    kernel(const plan& p, std::size_t block)
        : p_(p),
          block_(block),
          val_(p.items.size() * block),
          st_(p.items.size() * block),
          u8_(p.items.size() * block),
          first_invalid_(block),
          sum_(block),
          present_(block),
          missing_(block),
          na_(block),
          answered_row_(block),
          missing_row_(block),
          tri_(std::max<std::size_t>(1, max_triggers(p)) * block),
          yes_(block),
          unknown_(block),
          criteria_met_(block),
          flag_yes_(block),
          flag_unknown_(block),
          ok_(block),
          lo_(block),
          hi_(block),
          known_(block),
          certain_(block),
          possible_(block),
          known8_(block),
          certain8_(block),
          possible8_(block),
          reached_(block) {}

    /// Scores rows [first, last) of `view` into `out` (already sized). `problems`, when given,
    /// receives the skip-rule inconsistencies of every row (for `score()`); `counts`, when
    /// given, receives per-scale counts of the last row.
    void run(const batch_view& view, std::size_t first, std::size_t last, batch_result& out,
             std::vector<std::uint32_t>* inconsistent = nullptr,
             std::vector<scale_counts>* counts = nullptr) {
        for (std::size_t r0 = first; r0 < last; r0 += block_) {
            const std::size_t n = std::min(block_, last - r0);
            load(view, r0, n);
            if (!p_.skips.empty()) {
                for (std::size_t r = 0; r < n; ++r) {
                    const row_ref row{val_.data() + r, st_.data() + r, block_};
                    apply_skips(p_, row, [&](std::uint32_t i) {
                        if (first_invalid_[r] < 0 ||
                            static_cast<std::uint32_t>(first_invalid_[r]) > i) {
                            first_invalid_[r] = static_cast<std::int32_t>(i);
                        }
                        if (inconsistent) {
                            inconsistent->push_back(i);
                        }
                    });
                }
            }
            count_rows(n);
            std::fill(out.cut_offs.begin() + static_cast<std::ptrdiff_t>(r0),
                      out.cut_offs.begin() + static_cast<std::ptrdiff_t>(r0 + n), 0);
            for (std::size_t k = 0; k < p_.scales.size(); ++k) {
                sum_scale(p_.scales[k], n);
                finish_scale(k, r0, n, out, counts);
            }
            finish_rows(r0, n, out);
        }
    }

  private:
    static std::size_t max_triggers(const plan& p) {
        std::size_t most = 0;
        for (const auto& d : p.derived) {
            most = std::max(most, d.triggers.size());
        }
        return most;
    }

    /// Loads one column; true when it also wrote the bytes of a `small` item into `u8`.
    template <class T>
    bool load_column(const item_plan& ip, const column_view& c, std::optional<std::int64_t> code,
                     std::size_t r0, std::size_t n, double* val, std::uint8_t* st,
                     std::uint8_t* u8) {
        const auto* base =
            static_cast<const unsigned char*>(c.data) + static_cast<std::ptrdiff_t>(r0) * c.stride;
#if THERACORE_DETAIL_SSE2
        if (ip.dense) {
            load_dense_sse2<T>(ip, base, c.stride, code, n, val, st, u8);
            return true;
        }
#else
        (void)u8;
#endif
        if (!ip.dense) {
            load_any<T>(ip, base, c.stride, code, n, val, st);
        } else if (c.stride == static_cast<std::ptrdiff_t>(sizeof(T)) &&
                   reinterpret_cast<std::uintptr_t>(base) % alignof(T) == 0) {
            // A contiguous, aligned column (column-major input) is read as an array of T, which
            // the compiler vectorises (it cannot prove byte copies do not alias the outputs).
            load_dense<T, true>(ip, base, c.stride, code, n, val, st);
        } else {
            load_dense<T, false>(ip, base, c.stride, code, n, val, st);
        }
        return false;
    }

#if THERACORE_DETAIL_SSE2
    /// `load_dense` in SSE2 registers, eight rows at a time: the same comparisons and selects
    /// on doubles, so the same states and values (the vectoriser cannot do this itself, as
    /// states are bytes and values doubles). Cells of other types are converted to double as
    /// they are read, an integer column's missing code becoming NaN. Also writes the bytes of
    /// a `small` item.
    template <class T>
    void load_dense_sse2(const item_plan& ip, const unsigned char* base, std::ptrdiff_t stride,
                         std::optional<std::int64_t> code, std::size_t n, double* val,
                         std::uint8_t* st, std::uint8_t* u8) {
        const __m128d lo = _mm_set1_pd(ip.dense_lo);
        const __m128d hi = _mm_set1_pd(ip.dense_hi);
        const __m128d offset = _mm_set1_pd(ip.offset);
        const __m128d sign = _mm_set1_pd(ip.sign);
        const __m128d na = _mm_set1_pd(ip.na);
        const __m128d zero = _mm_setzero_pd();
        const __m128d ones = _mm_castsi128_pd(_mm_set1_epi32(-1));
        const __m128d use_na = ip.has_na ? ones : zero;
        const __m128d magic = _mm_set1_pd(6755399441055744.0);  // see load_dense
        const __m128i code_missing = _mm_set1_epi64x(st_missing);
        const __m128i code_na = _mm_set1_epi64x(st_not_applicable);
        const __m128i code_invalid = _mm_set1_epi64x(st_invalid);
        const bool contiguous = stride == static_cast<std::ptrdiff_t>(sizeof(T));
        const bool has_code = code.has_value() && (std::is_signed_v<T> || *code >= 0);
        const std::int64_t code_value = code.value_or(0);
        const auto cell = [&](const unsigned char* at) {
            T raw;
            std::memcpy(&raw, at, sizeof raw);
            double v = static_cast<double>(raw);
            if constexpr (std::is_integral_v<T>) {
                v = has_code && static_cast<std::int64_t>(raw) == code_value
                        ? std::numeric_limits<double>::quiet_NaN()
                        : v;
            }
            return v;
        };
        const auto load2 = [&](std::size_t r) {
            const unsigned char* at = base + static_cast<std::ptrdiff_t>(r) * stride;
            if constexpr (std::is_same_v<T, double>) {
                if (contiguous) {
                    return _mm_loadu_pd(reinterpret_cast<const double*>(at));
                }
            }
            return _mm_set_pd(cell(at + stride), cell(at));
        };
        // Two cells: stores their keyed values; returns their states, one per 64-bit lane.
        const auto check2 = [&](__m128d v, double* out) {
            const __m128d missing = _mm_cmpunord_pd(v, v);
            // maxpd returns its second operand when the first is NaN: NaN becomes lo.
            const __m128d inside = _mm_min_pd(hi, _mm_max_pd(v, lo));
            const __m128d rounded = _mm_sub_pd(_mm_add_pd(inside, magic), magic);
            const __m128d ok = _mm_and_pd(_mm_and_pd(_mm_cmpge_pd(v, lo), _mm_cmple_pd(v, hi)),
                                          _mm_cmpeq_pd(rounded, inside));
            const __m128d is_na = _mm_and_pd(use_na, _mm_cmpeq_pd(v, na));
            const __m128d answered = _mm_andnot_pd(is_na, ok);
            const __m128d invalid = _mm_andnot_pd(_mm_or_pd(ok, _mm_or_pd(missing, is_na)), ones);
            const __m128d keyed = _mm_add_pd(
                _mm_and_pd(answered, _mm_add_pd(offset, _mm_mul_pd(sign, inside))), zero);
            _mm_storeu_pd(out, keyed);
            // The three masks exclude one another, so their codes combine with `or`.
            return _mm_or_si128(
                _mm_and_si128(_mm_castpd_si128(missing), code_missing),
                _mm_or_si128(_mm_and_si128(_mm_castpd_si128(is_na), code_na),
                             _mm_and_si128(_mm_castpd_si128(invalid), code_invalid)));
        };
        // The low 32 bits of each 64-bit lane of a and b, as four 32-bit lanes.
        const auto low_halves = [](__m128i a, __m128i b) {
            return _mm_castps_si128(
                _mm_shuffle_ps(_mm_castsi128_ps(a), _mm_castsi128_ps(b), _MM_SHUFFLE(2, 0, 2, 0)));
        };
        std::size_t r = 0;
        // Eight rows at a time: states and bytes are narrowed together and stored 8 at once.
        for (; r + 8 <= n; r += 8) {
            const __m128i c0 = check2(load2(r), val + r);
            const __m128i c1 = check2(load2(r + 2), val + r + 2);
            const __m128i c2 = check2(load2(r + 4), val + r + 4);
            const __m128i c3 = check2(load2(r + 6), val + r + 6);
            const __m128i states =
                _mm_packs_epi32(low_halves(c0, c1), low_halves(c2, c3));  // 8 x int16
            // Truncations of the keyed values: an integer in [0, 255] for a small item (others
            // saturate, and their bytes are not read).
            const __m128i k01 = _mm_unpacklo_epi64(_mm_cvttpd_epi32(_mm_loadu_pd(val + r)),
                                                   _mm_cvttpd_epi32(_mm_loadu_pd(val + r + 2)));
            const __m128i k23 = _mm_unpacklo_epi64(_mm_cvttpd_epi32(_mm_loadu_pd(val + r + 4)),
                                                   _mm_cvttpd_epi32(_mm_loadu_pd(val + r + 6)));
            const __m128i bytes = _mm_packus_epi16(states, _mm_packs_epi32(k01, k23));
            _mm_storel_epi64(reinterpret_cast<__m128i*>(st + r), bytes);
            _mm_storel_epi64(reinterpret_cast<__m128i*>(u8 + r), _mm_srli_si128(bytes, 8));
        }
        const std::size_t eights = r;  // rows whose bytes are written
        for (; r + 2 <= n; r += 2) {
            const __m128i c = check2(load2(r), val + r);
            st[r] = static_cast<std::uint8_t>(_mm_cvtsi128_si32(c));
            st[r + 1] = static_cast<std::uint8_t>(_mm_cvtsi128_si32(_mm_srli_si128(c, 8)));
        }
        if (r < n) {
            load_dense<T, false>(ip, base + static_cast<std::ptrdiff_t>(r) * stride, stride, code,
                                 n - r, val + r, st + r);
        }
        if (ip.small) {
            for (std::size_t t = eights; t < n; ++t) {
                u8[t] = static_cast<std::uint8_t>(static_cast<std::int32_t>(val[t]));
            }
        }
    }
#endif

    /// Checks and keys a column of an item that accepts exactly the integers in
    /// [dense_lo, dense_hi], without a branch per cell: the state is chosen by selects in the
    /// same order of precedence as `load_any` (missing, not applicable, accepted, invalid).
    template <class T, bool contiguous>
    void load_dense(const item_plan& ip, const unsigned char* base, std::ptrdiff_t stride,
                    std::optional<std::int64_t> code, std::size_t n, double* val,
                    std::uint8_t* st) {
        // Locals, so that stores through `val` and `st` cannot alias the plan's numbers.
        const double lo = ip.dense_lo, hi = ip.dense_hi;
        const double offset = ip.offset, sign = ip.sign;
        const bool has_na = ip.has_na;
        const double na = ip.na;
        const bool has_code = code.has_value() && (std::is_signed_v<T> || *code >= 0);
        const std::int64_t code_value = code.value_or(0);
        // Adding and subtracting 1.5 * 2^52 rounds a double below 2^51 to an integer with plain
        // additions (std::floor is a library call at the x86-64 baseline, without SSE4.1).
        constexpr double round_magic = 6755399441055744.0;
        const T* typed = contiguous ? reinterpret_cast<const T*>(base) : nullptr;
        for (std::size_t r = 0; r < n; ++r) {
            T raw;
            if constexpr (contiguous) {
                raw = typed[r];
            } else {
                std::memcpy(&raw, base + static_cast<std::ptrdiff_t>(r) * stride, sizeof(T));
            }
            const double v = static_cast<double>(raw);
            // `&` rather than `&&`, and no selects: random answers would mispredict branches.
            // Clamped into [lo, hi] (NaN becomes lo) so that what follows is finite.
            const double inside = std::min(hi, std::max(lo, v));
            bool ok = (v >= lo) & (v <= hi);
            bool is_missing;
            if constexpr (std::is_floating_point_v<T>) {
                is_missing = v != v;
                ok = ok & ((inside + round_magic) - round_magic == inside);
            } else {
                is_missing = has_code & (static_cast<std::int64_t>(raw) == code_value);
            }
            const bool is_na = has_na & (v == na) & !is_missing;
            const bool answered = ok & !is_missing & !is_na;
            const bool invalid = !ok & !is_missing & !is_na;
            st[r] = static_cast<std::uint8_t>(is_missing * st_missing + is_na * st_not_applicable +
                                              invalid * st_invalid);
            // `inside` is finite, so a product by 0 or 1 selects (+ 0.0 turns -0 into 0).
            val[r] = static_cast<double>(answered) * (offset + sign * inside) + 0.0;
        }
    }

    template <class T>
    void load_any(const item_plan& ip, const unsigned char* base, std::ptrdiff_t stride,
                  std::optional<std::int64_t> code, std::size_t n, double* val, std::uint8_t* st) {
        for (std::size_t r = 0; r < n; ++r) {
            T raw;
            std::memcpy(&raw, base + static_cast<std::ptrdiff_t>(r) * stride, sizeof(T));
            const double v = static_cast<double>(raw);
            bool is_missing = false;
            if constexpr (std::is_floating_point_v<T>) {
                is_missing = std::isnan(v);
            } else {
                is_missing = code.has_value() && static_cast<std::int64_t>(raw) == *code &&
                             (std::is_signed_v<T> || *code >= 0);
            }
            std::uint8_t s;
            double x = 0;
            if (is_missing) {
                s = st_missing;
            } else if (ip.has_na && v == ip.na) {
                s = st_not_applicable;
            } else if (ip.allowed(v)) {
                s = st_answered;
                x = ip.offset + ip.sign * v;
            } else {
                s = st_invalid;
            }
            st[r] = s;
            val[r] = x;
        }
    }

    void load(const batch_view& view, std::size_t r0, std::size_t n) {
        std::fill(first_invalid_.begin(), first_invalid_.begin() + static_cast<std::ptrdiff_t>(n),
                  -1);
        const auto& cols = view.columns();
        for (std::size_t i = 0; i < p_.items.size(); ++i) {
            double* val = val_.data() + i * block_;
            std::uint8_t* st = st_.data() + i * block_;
            std::uint8_t* u8 = u8_.data() + i * block_;
            if (i >= cols.size()) {
                std::fill(st, st + n, std::uint8_t{st_missing});
                std::fill(val, val + n, 0.0);
                std::fill(u8, u8 + n, std::uint8_t{0});
                continue;
            }
            const auto& ip = p_.items[i];
            const auto code = view.integer_missing();
            bool wrote = false;
            switch (cols[i].type) {
                case element_type::f64:
                    wrote = load_column<double>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::f32:
                    wrote = load_column<float>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::i8:
                    wrote = load_column<std::int8_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::i16:
                    wrote = load_column<std::int16_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::i32:
                    wrote = load_column<std::int32_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::i64:
                    wrote = load_column<std::int64_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::u8:
                    wrote = load_column<std::uint8_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::u16:
                    wrote = load_column<std::uint16_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::u32:
                    wrote = load_column<std::uint32_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
                case element_type::u64:
                    wrote = load_column<std::uint64_t>(ip, cols[i], code, r0, n, val, st, u8);
                    break;
            }
            if (ip.small && !wrote) {
                for (std::size_t r = 0; r < n; ++r) {
                    u8[r] = static_cast<std::uint8_t>(static_cast<std::int32_t>(val[r]));
                }
            }
        }
        // Most blocks hold no invalid answer: one byte-wide scan (16 at a time) decides.
        unsigned any_invalid = 0;
        for (std::size_t i = 0; i < p_.items.size(); ++i) {
            const std::uint8_t* st = st_.data() + i * block_;
            for (std::size_t r = 0; r < n; ++r) {
                any_invalid |= static_cast<unsigned>(st[r] == st_invalid);
            }
        }
        if (any_invalid == 0) {
            return;
        }
        // The first invalid answer of each row: items last to first, so the earliest wins.
        std::int32_t* first_invalid = first_invalid_.data();
        for (std::size_t i = p_.items.size(); i-- > 0;) {
            const std::uint8_t* st = st_.data() + i * block_;
            const auto item = static_cast<std::int32_t>(i);
            for (std::size_t r = 0; r < n; ++r) {
                first_invalid[r] = st[r] == st_invalid ? item : first_invalid[r];
            }
        }
    }

    void count_rows(std::size_t n) {
        std::fill(answered_row_.begin(), answered_row_.begin() + static_cast<std::ptrdiff_t>(n), 0);
        std::fill(missing_row_.begin(), missing_row_.begin() + static_cast<std::ptrdiff_t>(n), 0);
        for (std::size_t i = 0; i < p_.items.size(); ++i) {
            if (!p_.items[i].counted) {
                continue;
            }
            const std::uint8_t* st = st_.data() + i * block_;
            for (std::size_t r = 0; r < n; ++r) {
                answered_row_[r] =
                    static_cast<std::uint16_t>(answered_row_[r] + (st[r] == st_answered));
                missing_row_[r] =
                    static_cast<std::uint16_t>(missing_row_[r] + (st[r] == st_missing));
            }
        }
    }

    void sum_scale(const scale_plan& s, std::size_t n) {
        std::fill(sum_.begin(), sum_.begin() + static_cast<std::ptrdiff_t>(n), 0.0);
        std::fill(present_.begin(), present_.begin() + static_cast<std::ptrdiff_t>(n), 0);
        std::fill(missing_.begin(), missing_.begin() + static_cast<std::ptrdiff_t>(n), 0);
        std::fill(na_.begin(), na_.begin() + static_cast<std::ptrdiff_t>(n), 0);
        for (auto i : s.items) {
            const double* val = val_.data() + i * block_;
            const std::uint8_t* st = st_.data() + i * block_;
            double* sum = sum_.data();
            std::uint16_t* present_n = present_.data();
            std::uint16_t* missing_n = missing_.data();
            std::uint16_t* na_n = na_.data();
            // Two loops, one element width each, so that both vectorise.
            for (std::size_t r = 0; r < n; ++r) {
                sum[r] += val[r];
            }
            for (std::size_t r = 0; r < n; ++r) {
                present_n[r] = static_cast<std::uint16_t>(present_n[r] + (st[r] <= st_skipped));
                missing_n[r] = static_cast<std::uint16_t>(missing_n[r] + (st[r] == st_missing));
                na_n[r] = static_cast<std::uint16_t>(na_n[r] + (st[r] == st_not_applicable));
            }
        }
    }

    void finish_scale(std::size_t k, std::size_t r0, std::size_t n, batch_result& out,
                      std::vector<scale_counts>* counts) {
        const auto& s = p_.scales[k];
        auto& col = out.scales[k];
        // Everything the loop reads from the plan or `out`, in locals: the result columns hold
        // bytes, whose stores the compiler must otherwise assume may change any of it.
        const int items = static_cast<int>(s.items.size());
        const bool has_rule = s.has_rule, mean = s.mean;
        const int max_missing = s.max_missing;
        const double multiplier = s.multiplier;
        const rounding_rule rounding = s.rounding;
        const double* band_mins = s.band_mins.data();
        const std::size_t bands = s.band_mins.size();
        double* values = col.value.data() + r0;
        std::int8_t* band_out = col.band.data() + r0;
        scale_status* status_out = col.status.data() + r0;
        std::uint8_t* prorated_out = col.prorated.data() + r0;
        std::uint64_t* cut_offs = out.cut_offs.data() + r0;
        const std::int32_t* first_invalid = first_invalid_.data();
        const double* sums = sum_.data();
        for (std::size_t r = 0; r < n; ++r) {
            double value = std::numeric_limits<double>::quiet_NaN();
            bool prorated = false;
            scale_status status = scale_status::scored;
            const int present_n = present_[r];
            const int missing_n = missing_[r];
            const int applicable = items - na_[r];
            if (first_invalid[r] >= 0) {
                status = scale_status::invalid_row;
            } else if (applicable == 0) {
                status = scale_status::not_applicable;
            } else if (present_n == 0) {
                status = scale_status::nothing_answered;
            } else if (missing_n > 0) {
                if (!has_rule) {
                    status = scale_status::too_many_missing;
                } else if (std::any_of(s.required.begin(), s.required.end(), [&](std::uint32_t i) {
                               return st_[i * block_ + r] == st_missing;
                           })) {
                    status = scale_status::required_missing;
                } else if (missing_n > max_missing) {
                    status = scale_status::too_many_missing;
                } else {
                    prorated = true;
                }
            }
            if (status == scale_status::scored) {
                double base = sums[r];
                if (mean) {
                    base = base / present_n;
                } else if (prorated) {
                    base = base * applicable / present_n;
                }
                value = base * multiplier;
                if (prorated) {
                    value = round_value(value, rounding);
                }
            }
            values[r] = value;
            status_out[r] = status;
            prorated_out[r] = prorated ? 1 : 0;
            if (counts && r + 1 == n) {
                (*counts)[k] = {present_n, missing_n, na_[r]};
            }
        }
        // Bands and cut-offs a column at a time (the value is NaN, and so meets no minimum
        // and no cut-off, exactly where the scale was not scored).
        if (bands == 0) {
            std::fill(band_out, band_out + n, std::int8_t{-1});
        } else {
            // The last band whose minimum the value reaches (the bands are sorted), counted.
            double* reached = reached_.data();
            std::fill(reached, reached + n, 0.0);
            for (std::size_t b = 0; b < bands; ++b) {
                const double m = band_mins[b];
                for (std::size_t r = 0; r < n; ++r) {
                    reached[r] += static_cast<double>(values[r] >= m);
                }
            }
            for (std::size_t r = 0; r < n; ++r) {
                const double band = values[r] == values[r] ? std::max(reached[r] - 1, 0.0) : -1.0;
                band_out[r] = static_cast<std::int8_t>(band);
            }
        }
        for (const auto& c : s.cuts) {
            const interval pass = passing(c.test, c.threshold);
            const unsigned bit = c.bit;
            for (std::size_t r = 0; r < n; ++r) {
                const bool met = (values[r] >= pass.lo) & (values[r] <= pass.hi);
                cut_offs[r] |= static_cast<std::uint64_t>(met) << bit;
            }
        }
    }

    // Rules are evaluated a column at a time over the block, like the scales: per item a
    // branch-free loop over the rows, then a short loop that combines the counts. The logic is
    // `evaluate` (which `apply_skips` still uses) turned inside out; rows
    // that turn out invalid are evaluated too and overwritten in `finish_rows`.

    /// `compare(v, test, value)` as `lo <= v && v <= hi`, so that every test is two compares.
    struct interval {
        double lo, hi;
    };
    static interval passing(comparison test, double value) {
        constexpr double inf = std::numeric_limits<double>::infinity();
        switch (test) {
            case comparison::at_least:
                return {value, inf};
            case comparison::greater_than:
                return {std::nextafter(value, inf), inf};
            case comparison::at_most:
                return {-inf, value};
            case comparison::less_than:
                return {-inf, std::nextafter(value, -inf)};
            case comparison::equal:
                return {value, value};
        }
        return {inf, -inf};
    }

    /// `evaluate(c)` for each row of the block, into `out` (a `tri` per row).
    void evaluate_block(const condition_plan& c, std::size_t n, std::uint8_t* out) {
        const interval pass = passing(c.test, c.value);
        if (c.match == condition_match::any) {
            std::uint8_t* yes = yes_.data();
            std::uint8_t* unknown = unknown_.data();
            std::fill(yes, yes + n, std::uint8_t{0});
            std::fill(unknown, unknown + n, std::uint8_t{0});
            for (auto i : c.items) {
                const auto& ip = p_.items[i];
                const bool certain = !ip.has_na && all_pass(ip.smin, ip.smax, c.test, c.value);
                const bool possible = some_pass(ip.smin, ip.smax, c.test, c.value);
                const double* v = val_.data() + i * block_;
                const std::uint8_t* s = st_.data() + i * block_;
                if (ip.small) {
                    // The same in bytes, 16 rows per SSE2 instruction.
                    const byte_range bytes = bytes_passing(pass);
                    const std::uint8_t* x = u8_.data() + i * block_;
                    const auto cert = static_cast<std::uint8_t>(certain);
                    const auto poss = static_cast<std::uint8_t>(possible);
                    for (std::size_t r = 0; r < n; ++r) {
                        const byte_test cell = test_byte(s[r], x[r], bytes);
                        yes[r] =
                            static_cast<std::uint8_t>(yes[r] | cell.passes | (cell.absent & cert));
                        unknown[r] = static_cast<std::uint8_t>(unknown[r] | (cell.absent & poss));
                    }
                    continue;
                }
                for (std::size_t r = 0; r < n; ++r) {
                    const int is_present = s[r] <= st_skipped;
                    const int absent = static_cast<int>(s[r] >= st_missing) &
                                       static_cast<int>(s[r] != st_not_applicable);
                    const int passes =
                        static_cast<int>(v[r] >= pass.lo) & static_cast<int>(v[r] <= pass.hi);
                    yes[r] = static_cast<std::uint8_t>(yes[r] | (is_present & passes) |
                                                       (absent & static_cast<int>(certain)));
                    unknown[r] = static_cast<std::uint8_t>(unknown[r] |
                                                           (absent & static_cast<int>(possible)));
                }
            }
            static_assert(static_cast<int>(tri::no) == 0 && static_cast<int>(tri::yes) == 1 &&
                          static_cast<int>(tri::unknown) == 2);
            for (std::size_t r = 0; r < n; ++r) {
                out[r] = static_cast<std::uint8_t>(yes[r] | ((unknown[r] & (yes[r] ^ 1)) << 1));
            }
            return;
        }
        double* lo = lo_.data();
        double* hi = hi_.data();
        std::fill(lo, lo + n, 0.0);
        std::fill(hi, hi + n, 0.0);
        for (auto i : c.items) {
            double a = 0, b = 0;
            unknown_bounds(p_.items[i], a, b);
            const double* v = val_.data() + i * block_;
            const std::uint8_t* s = st_.data() + i * block_;
            for (std::size_t r = 0; r < n; ++r) {
                // The kernel keeps 0 as the value of an item that is not present, so
                // `v[r]` is the present item's value or nothing.
                const bool absent = (s[r] >= st_missing) & (s[r] != st_not_applicable);
                lo[r] += v[r] + static_cast<double>(absent) * a;
                hi[r] += v[r] + static_cast<double>(absent) * b;
            }
        }
        for (std::size_t r = 0; r < n; ++r) {
            out[r] = static_cast<std::uint8_t>(
                all_pass(lo[r], hi[r], c.test, c.value)
                    ? tri::yes
                    : (some_pass(lo[r], hi[r], c.test, c.value) ? tri::unknown : tri::no));
        }
    }

    /// The answers of a `small` item that pass `pass`, as the byte range [lo, lo + span];
    /// `any` is 0 when none does.
    struct byte_range {
        std::uint8_t lo = 0, span = 0, any = 0;
    };
    static byte_range bytes_passing(const interval& pass) {
        const double a = std::max(0.0, std::ceil(pass.lo));
        const double b = std::min(255.0, std::floor(pass.hi));
        if (!(a <= b)) {
            return {};
        }
        return {static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b - a), 1};
    }

    /// One answer of a `small` item (state `s`, scored byte `x`) against `b`: `passes` when it
    /// is present and in the range, `absent` when missing or invalid (not "not applicable").
    /// Answers not present hold byte 0, so presence is tested from the state, not the byte.
    struct byte_test {
        std::uint8_t passes, absent;
    };
    static byte_test test_byte(std::uint8_t s, std::uint8_t x, const byte_range& b) {
        const auto is_present = static_cast<std::uint8_t>(s <= st_skipped);
        const auto in_range = static_cast<std::uint8_t>(
            b.any & static_cast<std::uint8_t>(static_cast<std::uint8_t>(x - b.lo) <= b.span));
        return {static_cast<std::uint8_t>(is_present & in_range),
                static_cast<std::uint8_t>((s >= st_missing) & (s != st_not_applicable))};
    }

    /// Whether a criterion counts only `small` items, few enough for byte counters.
    bool small_criterion(const criterion_plan& c) const {
        std::size_t items = 0;
        for (const auto& t : c.terms) {
            for (auto i : t.items) {
                if (!p_.items[i].small) {
                    return false;
                }
                ++items;
            }
        }
        return items <= 255;
    }

    /// Per row of the block, how many of a criterion's answers pass (`known`), and how many
    /// missing answers would pass whatever they were (`certain`) or might pass (`possible`).
    /// `T` is `std::uint8_t` for a `small_criterion` (16 rows per SSE2 instruction), else int.
    template <class T>
    void count_criterion(const criterion_plan& c, std::size_t n, T* known, T* certain_n,
                         T* possible_n) {
        std::fill(known, known + n, T{0});
        std::fill(certain_n, certain_n + n, T{0});
        std::fill(possible_n, possible_n + n, T{0});
        for (const auto& t : c.terms) {
            const interval pass = passing(t.test, t.value);
            const byte_range bytes = bytes_passing(pass);
            for (auto i : t.items) {
                double a = 0, b = 0;
                unknown_bounds(p_.items[i], a, b);
                const bool certain = !p_.items[i].has_na && all_pass(a, b, t.test, t.value);
                const bool possible = !certain && some_pass(a, b, t.test, t.value);
                const std::uint8_t* s = st_.data() + i * block_;
                if constexpr (std::is_same_v<T, std::uint8_t>) {
                    const std::uint8_t* x = u8_.data() + i * block_;
                    const auto cert = static_cast<std::uint8_t>(certain);
                    const auto poss = static_cast<std::uint8_t>(possible);
                    for (std::size_t r = 0; r < n; ++r) {
                        const byte_test cell = test_byte(s[r], x[r], bytes);
                        known[r] = static_cast<std::uint8_t>(known[r] + cell.passes);
                        certain_n[r] =
                            static_cast<std::uint8_t>(certain_n[r] + (cell.absent & cert));
                        possible_n[r] =
                            static_cast<std::uint8_t>(possible_n[r] + (cell.absent & poss));
                    }
                } else {
                    const double* v = val_.data() + i * block_;
                    for (std::size_t r = 0; r < n; ++r) {
                        const int is_present = s[r] <= st_skipped;
                        const int absent = static_cast<int>(s[r] >= st_missing) &
                                           static_cast<int>(s[r] != st_not_applicable);
                        known[r] += is_present & static_cast<int>(v[r] >= pass.lo) &
                                    static_cast<int>(v[r] <= pass.hi);
                        certain_n[r] += absent & static_cast<int>(certain);
                        possible_n[r] += absent & static_cast<int>(possible);
                    }
                }
            }
        }
    }

    static constexpr std::uint8_t crit_all_met = 1, crit_not_met = 2, crit_answers_met = 4;

    /// Folds one criterion's counts into `met`: whether all criteria are met (bit 0), one is
    /// not (bit 1), all are met by the answers given (bit 2). One output array, so that the
    /// compiler's aliasing checks stay few enough to vectorise.
    template <class T>
    static void combine_criterion(const criterion_plan& c, std::size_t n, const T* known,
                                  const T* certain_n, const T* possible_n, std::uint8_t* met_bits) {
        // No upper bound: one no count can exceed. Locals: byte stores may alias the plan.
        const int at_most = c.at_most < 0 ? std::numeric_limits<int>::max() : c.at_most;
        const int at_least = c.at_least;
        for (std::size_t r = 0; r < n; ++r) {
            const int lo = static_cast<int>(known[r]) + static_cast<int>(certain_n[r]);
            const int hi = lo + static_cast<int>(possible_n[r]);
            const int met = static_cast<int>(lo >= at_least) & static_cast<int>(hi <= at_most);
            const int not_met = static_cast<int>(hi < at_least) | static_cast<int>(lo > at_most);
            const int answers = static_cast<int>(lo >= at_least) & static_cast<int>(lo <= at_most);
            // Clear "all met" and "answers met" where this one is not; set "not met".
            const int keep = ~((met ^ 1) * crit_all_met | (answers ^ 1) * crit_answers_met);
            met_bits[r] = static_cast<std::uint8_t>((met_bits[r] & keep) | not_met * crit_not_met);
        }
    }

    /// Folds a criterion's condition into `met` like `combine_criterion`: yes keeps the bits,
    /// no sets "not met", unknown clears "all met" and "answers met" (the answers given do not
    /// decide it).
    void fold_condition(const condition_plan& c, std::size_t n, std::uint8_t* met_bits) {
        std::uint8_t* tr = tri_.data();
        evaluate_block(c, n, tr);
        for (std::size_t r = 0; r < n; ++r) {
            const int yes = static_cast<int>(tr[r] == static_cast<std::uint8_t>(tri::yes));
            const int no = static_cast<int>(tr[r] == static_cast<std::uint8_t>(tri::no));
            const int keep = ~((yes ^ 1) * (crit_all_met | crit_answers_met));
            met_bits[r] = static_cast<std::uint8_t>((met_bits[r] & keep) | no * crit_not_met);
        }
    }

    /// `evaluate_derived(d)` for each row of the block; `ok` is cleared where undetermined.
    void derive_block(const derived_plan& d, std::size_t n, std::int8_t* level,
                      std::uint8_t* determined, std::uint8_t* ok) {
        if (d.triage) {
            for (std::size_t r = 0; r < n; ++r) {
                level[r] = 0;
                determined[r] = 1;
            }
            for (std::size_t t = 0; t < d.triggers.size(); ++t) {
                std::uint8_t* tr = tri_.data() + t * block_;
                evaluate_block(d.triggers[t].when, n, tr);
                const auto l = static_cast<std::int8_t>(d.triggers[t].level);
                for (std::size_t r = 0; r < n; ++r) {
                    level[r] =
                        tr[r] == static_cast<std::uint8_t>(tri::yes) && l > level[r] ? l : level[r];
                }
            }
            for (std::size_t t = 0; t < d.triggers.size(); ++t) {
                const std::uint8_t* tr = tri_.data() + t * block_;
                const auto l = static_cast<std::int8_t>(d.triggers[t].level);
                for (std::size_t r = 0; r < n; ++r) {
                    const bool open =
                        l > level[r] && tr[r] == static_cast<std::uint8_t>(tri::unknown);
                    determined[r] = static_cast<std::uint8_t>(determined[r] & !open);
                }
            }
        } else {
            // Per row: bit 0 all criteria met, bit 1 one not met, bit 2 all met by the answers.
            std::uint8_t* met = criteria_met_.data();
            std::fill(met, met + n, std::uint8_t{crit_all_met | crit_answers_met});
            std::int32_t* known = known_.data();
            std::int32_t* certain_n = certain_.data();
            std::int32_t* possible_n = possible_.data();
            for (const auto& c : d.criteria) {
                if (c.has_when) {
                    fold_condition(c.when, n, met);
                }
                if (c.terms.empty()) {
                    continue;
                }
                if (small_criterion(c)) {
                    count_criterion(c, n, known8_.data(), certain8_.data(), possible8_.data());
                    combine_criterion(c, n, known8_.data(), certain8_.data(), possible8_.data(),
                                      met);
                } else {
                    count_criterion(c, n, known, certain_n, possible_n);
                    combine_criterion(c, n, known, certain_n, possible_n, met);
                }
            }
            // Met when all criteria are; else not met when one is not; else (undetermined)
            // what the answers given say. Without branches:
            for (std::size_t r = 0; r < n; ++r) {
                const unsigned m = met[r];
                const unsigned all = m & 1U, not_met = (m >> 1U) & 1U, answers = (m >> 2U) & 1U;
                level[r] = static_cast<std::int8_t>(all | ((not_met ^ 1U) & answers));
                determined[r] = static_cast<std::uint8_t>(all | not_met);
            }
        }
        for (std::size_t r = 0; r < n; ++r) {
            ok[r] = static_cast<std::uint8_t>(ok[r] & determined[r]);
        }
    }

    void finish_rows(std::size_t r0, std::size_t n, batch_result& out) {
        const auto at = static_cast<std::ptrdiff_t>(r0);
        std::copy(first_invalid_.begin(), first_invalid_.begin() + static_cast<std::ptrdiff_t>(n),
                  out.first_invalid.begin() + at);
        std::copy(answered_row_.begin(), answered_row_.begin() + static_cast<std::ptrdiff_t>(n),
                  out.answered.begin() + at);
        std::copy(missing_row_.begin(), missing_row_.begin() + static_cast<std::ptrdiff_t>(n),
                  out.missing.begin() + at);
        std::uint64_t* fired = out.flags.data() + r0;
        std::uint64_t* unknown = out.flags_unknown.data() + r0;
        std::fill(fired, fired + n, std::uint64_t{0});
        std::fill(unknown, unknown + n, std::uint64_t{0});
        std::uint8_t* any_yes = flag_yes_.data();
        std::uint8_t* any_unknown = flag_unknown_.data();
        std::uint8_t* tr = tri_.data();
        for (std::size_t f = 0; f < p_.flags.size(); ++f) {
            std::fill(any_yes, any_yes + n, std::uint8_t{0});
            std::fill(any_unknown, any_unknown + n, std::uint8_t{0});
            for (const auto& c : p_.flags[f].any_of) {
                evaluate_block(c, n, tr);
                for (std::size_t r = 0; r < n; ++r) {
                    any_yes[r] = static_cast<std::uint8_t>(
                        any_yes[r] | (tr[r] == static_cast<std::uint8_t>(tri::yes)));
                    any_unknown[r] = static_cast<std::uint8_t>(
                        any_unknown[r] | (tr[r] == static_cast<std::uint8_t>(tri::unknown)));
                }
            }
            for (std::size_t r = 0; r < n; ++r) {
                fired[r] |= static_cast<std::uint64_t>(any_yes[r]) << f;
                unknown[r] |= static_cast<std::uint64_t>((any_yes[r] ^ 1U) & any_unknown[r]) << f;
            }
        }
        std::uint8_t* ok = ok_.data();
        std::fill(ok, ok + n, std::uint8_t{1});
        for (std::size_t k = 0; k < p_.scales.size(); ++k) {
            const scale_status* status = out.scales[k].status.data() + r0;
            for (std::size_t r = 0; r < n; ++r) {
                ok[r] = static_cast<std::uint8_t>(ok[r] & (status[r] == scale_status::scored));
            }
        }
        for (std::size_t k = 0; k < p_.derived.size(); ++k) {
            auto& col = out.derived[k];
            std::int8_t* reached = col.reached.data() + r0;
            std::uint8_t* determined = col.determined.data() + r0;
            derive_block(p_.derived[k], n, reached, determined, ok);
            // Undetermined is not negative: the outcome column says missing (-1).
            std::int8_t* level = col.level.data() + r0;
            for (std::size_t r = 0; r < n; ++r) {
                level[r] = determined[r] != 0 ? reached[r] : std::int8_t{-1};
            }
        }
        row_status* status = out.status.data() + r0;
        for (std::size_t r = 0; r < n; ++r) {
            status[r] = ok[r] ? row_status::ok : row_status::not_scorable;
        }
        for (std::size_t r = 0; r < n; ++r) {
            if (first_invalid_[r] < 0) {
                continue;
            }
            const std::size_t row = r0 + r;
            // Flags keep what was found above: each is judged on its own answers, an invalid
            // one counting as missing, so an answer of 3 to PHQ-9 item 9 raises its flag
            // whatever another item holds (a critical answer is never lost with the row).
            status[r] = row_status::invalid;
            out.cut_offs[row] = 0;
            for (auto& d : out.derived) {
                d.level[row] = -1;
                d.determined[row] = 0;
                d.reached[row] = -1;
            }
        }
    }

    const plan& p_;
    std::size_t block_;
    std::vector<double> val_;
    std::vector<std::uint8_t> st_;
    // The scored value of each `small` item as a byte (0 when not present), for the rules.
    std::vector<std::uint8_t> u8_;
    std::vector<std::int32_t> first_invalid_;
    std::vector<double> sum_;
    std::vector<std::uint16_t> present_, missing_, na_;
    std::vector<std::uint16_t> answered_row_, missing_row_;
    // Rule evaluation, one entry per row of the block (`tri_`: one block per triage trigger).
    std::vector<std::uint8_t> tri_, yes_, unknown_, criteria_met_, flag_yes_, flag_unknown_, ok_;
    std::vector<double> lo_, hi_;
    std::vector<std::int32_t> known_, certain_, possible_;
    // The same counts for criteria over `small` items only (at most 255 items a criterion).
    std::vector<std::uint8_t> known8_, certain8_, possible8_;
    std::vector<double> reached_;  // per row, how many band minimums the value reaches
};

/// Result columns sized for `rows` rows of plan `p`.
[[nodiscard]] batch_result make_result(const plan& p, std::size_t rows);

}  // namespace detail
}  // namespace instruments
THERACORE_NAMESPACE_END
