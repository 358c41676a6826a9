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
THERACORE_API std::string number(double v);

/// `v` with exactly `decimals` decimals ("6.75"), for reports.
THERACORE_API std::string fixed(double v, int decimals);

/// `items` separated by ", ".
THERACORE_API std::string join(const std::vector<std::string>& items);

THERACORE_API void require_finite(problem_list& out, const std::string& path, double v);

/// Throws `validation_error(what)` listing `problems` with each path prefixed by the argument
/// name `arg`, so the message names the argument (`parameters.reliability.value: …`).
THERACORE_API void throw_if_invalid_argument(const std::string& arg, const problem_list& problems,
                                             const std::string& what);

}  // namespace detail
}  // namespace outcomes
THERACORE_NAMESPACE_END
