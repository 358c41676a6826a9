// SPDX-License-Identifier: Apache-2.0
/// @file
/// Validation helpers shared by the risk, safety, referral, consent, culture and continuing
/// education records. Internal: not part of the public API.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <theracore/coded_concept.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/error.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {
namespace safety {

/// Records "required" for a missing (not-a-date) date.
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

/// Records "not a calendar date" for an optional date that holds a special value.
inline void check_optional_date(problem_list& out, const std::string& path,
                                const std::optional<date>& d) {
    if (d && d->is_special()) {
        out.push_back({path, "not a calendar date"});
    }
}

/// Records a problem for each empty entry of a list of free-text items: an empty line on a
/// safety plan or a blank warning sign says nothing and hides the real entries.
inline void no_empty_entries(problem_list& out, const std::string& key,
                             const std::vector<std::string>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].empty()) {
            out.push_back({key + "[" + std::to_string(i) + "]", "empty entry"});
        }
    }
}

/// Records "must be on or after <what> (<date>)" when both dates are real and `later` < `earlier`.
inline void not_before(problem_list& out, const std::string& path, const date& later,
                       const date& earlier, const std::string& what) {
    if (!later.is_special() && !earlier.is_special() && later < earlier) {
        out.push_back({path, "must be on or after " + what + " (" + to_iso8601(earlier) + ")"});
    }
}

/// True when `items` contains `x`.
template <class T>
bool contains(const std::vector<T>& items, const T& x) {
    return std::find(items.begin(), items.end(), x) != items.end();
}

/// Validates an optional coded concept under `key`.
inline void validate_optional_code(problem_list& out, const std::string& key,
                                   const std::optional<coded_concept>& c) {
    if (c) {
        append_prefixed(out, key, validate(*c));
    }
}

}  // namespace safety
}  // namespace detail
THERACORE_NAMESPACE_END
