// SPDX-License-Identifier: Apache-2.0
/// @file
/// Small helpers shared by the validation of the care records (plans, sessions, notes, homework,
/// behaviour diaries). Internal: the public API is the records' own `check`/`validate`.
#pragma once

#include <cmath>
#include <cstddef>
#include <string>

#include <theracore/error.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {

/// `key[i]`, the path of one element of a list.
inline std::string indexed(const std::string& key, std::size_t i) {
    return key + "[" + std::to_string(i) + "]";
}

/// Records "required" for a missing (not-a-date) calendar date.
inline void require_date(problem_list& out, const std::string& path, const date& d) {
    if (d.is_special()) {
        out.push_back({path, "required"});
    }
}

/// Records "required" for a missing (not-a-date-time) instant.
inline void require_instant(problem_list& out, const std::string& path, const instant& t) {
    if (t.is_special()) {
        out.push_back({path, "required"});
    }
}

/// Records a problem for a NaN or infinite number.
inline void require_finite(problem_list& out, const std::string& path, double v) {
    if (!std::isfinite(v)) {
        out.push_back({path, "must be a finite number"});
    }
}

/// Records a problem when `v` is outside [lo, hi].
inline void require_range(problem_list& out, const std::string& path, int v, int lo, int hi) {
    if (v < lo || v > hi) {
        out.push_back({path, "must be between " + std::to_string(lo) + " and " +
                                 std::to_string(hi) + " (got " + std::to_string(v) + ")"});
    }
}

}  // namespace detail
THERACORE_NAMESPACE_END
