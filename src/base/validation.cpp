// SPDX-License-Identifier: Apache-2.0
#include <theracore/detail/validation.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {

std::string join_path(const std::string& prefix, const std::string& path) {
    if (path.empty()) {
        return prefix;
    }
    if (prefix.empty()) {
        return path;
    }
    return path.front() == '[' ? prefix + path : prefix + "." + path;
}

void append_prefixed(problem_list& out, const std::string& prefix, const problem_list& inner) {
    for (const auto& p : inner) {
        out.push_back({join_path(prefix, p.path), p.message});
    }
}

}  // namespace detail
THERACORE_NAMESPACE_END
