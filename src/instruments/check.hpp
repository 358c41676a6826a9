// SPDX-License-Identifier: Apache-2.0
// Helpers of the definition checks and the plan compiler: ids, language tags, what an item's
// response scale allows, lookups by id; and normalization and checking of a definition.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <theracore/error.hpp>
#include <theracore/instruments/definition.hpp>
#include <theracore/instruments/detail/check.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {
namespace detail {

/// Most flags, cut-offs and derived rules per instrument: batch results keep them as bits.
inline constexpr std::size_t max_flags = 64;
inline constexpr std::size_t max_cut_offs = 64;
inline constexpr std::size_t max_derived = 32;
inline constexpr std::size_t max_items = 1000;
inline constexpr std::size_t max_bands = 100;

inline std::string at(const std::string& key, std::size_t i) {
    return key + "[" + std::to_string(i) + "]";
}

/// `s` with ASCII letters lowercased (BCP-47 tags compare case-insensitively).
inline std::string lower_ascii(std::string s) {
    for (auto& c : s) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return s;
}

/// Lowercase ASCII letters, digits and `_`, starting with a letter.
inline bool valid_id(const std::string& s) {
    if (s.empty() || s.front() < 'a' || s.front() > 'z') {
        return false;
    }
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

/// A plausible BCP-47 tag: 1–8 alphanumerics per subtag, separated by `-`, starting with 2–3
/// or 5–8 letters.
inline bool valid_language_tag(const std::string& s) {
    if (s.empty()) {
        return false;
    }
    std::size_t start = 0;
    bool first = true;
    while (start <= s.size()) {
        const auto dash = s.find('-', start);
        const auto end = dash == std::string::npos ? s.size() : dash;
        const auto len = end - start;
        if (len < 1 || len > 8) {
            return false;
        }
        for (std::size_t i = start; i < end; ++i) {
            const char c = s[i];
            const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (!(alpha || (digit && !first))) {
                return false;
            }
        }
        if (first && (len == 1 || len == 4)) {
            return false;
        }
        first = false;
        if (dash == std::string::npos) {
            break;
        }
        start = dash + 1;
    }
    return true;
}

/// What the engine needs to know about one item's answers.
struct item_values {
    const response_scale* scale = nullptr;
    /// Answer values that are real answers (not the not-applicable code), sorted.
    std::vector<double> options;
    std::optional<double> not_applicable;
    double lo = 0;  ///< smallest real answer
    double hi = 0;  ///< largest real answer (infinity for an open range)
    bool bounded = false;
    bool integer = true;  ///< every answer is an integer
    bool is_range = false;
    bool range_integer = true;
};

inline bool is_integer(double v) {
    return std::isfinite(v) && std::floor(v) == v;
}

inline item_values values_of(const response_scale& rs) {
    item_values v;
    v.scale = &rs;
    if (rs.range) {
        v.is_range = true;
        v.lo = rs.range->min;
        v.hi = rs.range->max ? *rs.range->max : std::numeric_limits<double>::infinity();
        v.bounded = rs.range->max.has_value();
        v.range_integer = rs.range->integer;
        v.integer = rs.range->integer;
        return v;
    }
    for (const auto& o : rs.options) {
        if (o.not_applicable) {
            v.not_applicable = o.value;
        } else {
            v.options.push_back(o.value);
            v.integer = v.integer && is_integer(o.value);
        }
    }
    std::sort(v.options.begin(), v.options.end());
    v.bounded = !v.options.empty();
    if (v.bounded) {
        v.lo = v.options.front();
        v.hi = v.options.back();
    }
    return v;
}

inline const response_scale* find_response_scale(const instrument_definition& d,
                                                 const std::string& id) {
    for (const auto& rs : d.response_scales) {
        if (rs.id == id) {
            return &rs;
        }
    }
    return nullptr;
}

inline std::ptrdiff_t find_item(const instrument_definition& d, const std::string& id) {
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        if (d.items[i].id == id) {
            return static_cast<std::ptrdiff_t>(i);
        }
    }
    return -1;
}

/// Fills what a definition may leave out: item ids (`<id>_<n>`), item labels ("Item n") and
/// the response scale of items when the instrument has exactly one.
void normalize(instrument_definition& d);

/// Checks a missing-data rule for scale `s` of `d` (also a caller-supplied policy), adding its
/// problems under `path` to `out`.
void check_missing_rule(problem_list& out, const std::string& path, const scale& s,
                        const missing_rule& m, const instrument_definition& d);

/// Every problem of `d` as written (normalize first to check what `create` would build).
[[nodiscard]] problem_list check_definition(const instrument_definition& d);

}  // namespace detail
}  // namespace instruments
THERACORE_NAMESPACE_END
