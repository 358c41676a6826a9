// SPDX-License-Identifier: Apache-2.0
// The error hierarchy's out-of-line members: each class's destructor is its key function, so its
// vtable and type information live once, in this library, and a `catch` in a program that links
// the shared library matches what the library threw.
#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN

error::~error() = default;
validation_error::~validation_error() = default;
parse_error::~parse_error() = default;
not_found::~not_found() = default;
conflict::~conflict() = default;
access_denied::~access_denied() = default;
storage_error::~storage_error() = default;

namespace detail {
std::string join_problems(const std::string& what, const problem_list& problems) {
    std::string s = what;
    for (const auto& p : problems) {
        s += "\n  ";
        s += p.path.empty() ? std::string("(value)") : p.path;
        s += ": ";
        s += p.message;
    }
    return s;
}
}  // namespace detail

THERACORE_NAMESPACE_END
