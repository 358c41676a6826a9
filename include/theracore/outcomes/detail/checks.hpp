// SPDX-License-Identifier: Apache-2.0
/// @file
/// Helpers shared by the outcome headers: number formatting for messages and argument checks.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {
namespace detail {

/// `v` with up to six significant digits ("6.74935", "10", "-0.5"), for messages and labels.
/// Independent of the global locale's decimal separator only as far as `snprintf` is; TheraCore
/// never calls `setlocale`.
inline std::string number(double v) {
    if (std::isnan(v)) {
        return "NaN";
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}

/// `v` with exactly `decimals` decimals ("6.75"), for reports.
inline std::string fixed(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s.rfind("-0.", 0) == 0) {
        // "-0.00" reads as a change where there is none.
        bool all_zero = true;
        for (char ch : s) {
            all_zero = all_zero && (ch == '-' || ch == '0' || ch == '.');
        }
        if (all_zero) {
            s.erase(0, 1);
        }
    }
    return s;
}

/// `items` separated by ", ".
inline std::string join(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& item : items) {
        s += (s.empty() ? "" : ", ") + item;
    }
    return s;
}

inline void require_finite(problem_list& out, const std::string& path, double v) {
    if (!std::isfinite(v)) {
        out.push_back({path, "must be a finite number"});
    }
}

/// Throws `validation_error(what)` listing `problems` with each path prefixed by the argument
/// name `arg`, so the message names the argument (`parameters.reliability.value: …`).
inline void throw_if_invalid_argument(const std::string& arg, const problem_list& problems,
                                      const std::string& what) {
    if (problems.empty()) {
        return;
    }
    problem_list p;
    theracore::detail::append_prefixed(p, arg, problems);
    throw validation_error(what, std::move(p));
}

}  // namespace detail
}  // namespace outcomes
THERACORE_NAMESPACE_END
