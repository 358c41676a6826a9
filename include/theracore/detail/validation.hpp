// SPDX-License-Identifier: Apache-2.0
/// @file
/// Helpers shared by the `validate()` functions of the value types.
#pragma once

#include <string>
#include <vector>

#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {

/// `key` then `.path`, or `key` alone.
THERACORE_API std::string join_path(const std::string& prefix, const std::string& path);

/// Appends `inner` to `out` with each path prefixed by `prefix` (a key or `key[i]`).
THERACORE_API void append_prefixed(problem_list& out, const std::string& prefix,
                                   const problem_list& inner);

/// Records "required" when `value.empty()` (strings, ids, vectors).
template <class T>
void require_nonempty(problem_list& out, const std::string& path, const T& value) {
    if (value.empty()) {
        out.push_back({path, "required"});
    }
}

/// Validates each element of `items` with the ADL `validate` and prefixes `key[i]`.
template <class T>
void validate_each(problem_list& out, const std::string& key, const std::vector<T>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        append_prefixed(out, key + "[" + std::to_string(i) + "]", validate(items[i]));
    }
}

}  // namespace detail

/// Returns `value` when its ADL `validate(value)` finds nothing.
/// @throws validation_error listing every problem otherwise.
template <class T>
const T& ensure_valid(const T& value, const std::string& what = "invalid value") {
    throw_if_invalid(validate(value), what);
    return value;
}

THERACORE_NAMESPACE_END
