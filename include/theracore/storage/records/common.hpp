// SPDX-License-Identifier: Apache-2.0
/// @file
/// What several record registrations share: keys made of several parts, for record types whose
/// identity is more than one id (a safety plan version, a client's diary in an episode, an
/// instrument definition version).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN
namespace storage {
namespace detail {

/// The parts joined with `|`, each with `%` and `|` percent-encoded, so that different parts
/// never give the same key ("sp-1|2", "e-100|c-zoe", "e|1%7C2|c").
[[nodiscard]] inline std::string composite_key(std::initializer_list<std::string_view> parts) {
    std::string out;
    bool first = true;
    for (const auto part : parts) {
        if (!first) {
            out += '|';
        }
        first = false;
        for (const char c : part) {
            if (c == '%') {
                out += "%25";
            } else if (c == '|') {
                out += "%7C";
            } else {
                out += c;
            }
        }
    }
    return out;
}

}  // namespace detail
}  // namespace storage
THERACORE_NAMESPACE_END
