// SPDX-License-Identifier: Apache-2.0
/// @file
/// String round-trip for closed status sets (`enum class`). Each enum declares, next to itself,
///
/// ```
/// constexpr auto describe_enum(episode_status) {
///     return enum_table<episode_status, 2>{"episode_status", {{{episode_status::active, "active"},
///                                                               {episode_status::closed,
///                                                               "closed"}}}};
/// }
/// ```
///
/// and gets `to_string(e)`, `enum_from_string<E>(s)` and the JSON/Boost adapters for free.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <theracore/error.hpp>

THERACORE_NAMESPACE_BEGIN

/// The wire names of an enum's values, with the enum's own name for error messages.
template <class E, std::size_t N>
struct enum_table {
    std::string_view type_name;
    std::array<std::pair<E, std::string_view>, N> entries;
};

namespace detail {
template <class E, class = void>
struct has_enum_table : std::false_type {};
template <class E>
struct has_enum_table<E, std::void_t<decltype(describe_enum(std::declval<E>()))>>
    : std::is_enum<E> {};
}  // namespace detail

/// True for enums that declare `describe_enum`.
template <class E>
inline constexpr bool is_described_enum_v = detail::has_enum_table<E>::value;

/// The wire name of `e`.
/// @throws error if `e` is not one of the declared values (only possible through a cast).
template <class E, std::enable_if_t<is_described_enum_v<E>, int> = 0>
[[nodiscard]] std::string_view to_string(E e) {
    constexpr auto table = describe_enum(E{});
    for (const auto& [value, name] : table.entries) {
        if (value == e) {
            return name;
        }
    }
    throw error("invalid " + std::string(table.type_name) + " value " +
                std::to_string(static_cast<long long>(e)));
}

/// The value whose wire name is `s`, or nothing.
template <class E, std::enable_if_t<is_described_enum_v<E>, int> = 0>
[[nodiscard]] constexpr std::optional<E> enum_from_string(std::string_view s) noexcept {
    constexpr auto table = describe_enum(E{});
    for (const auto& [value, name] : table.entries) {
        if (name == s) {
            return value;
        }
    }
    return std::nullopt;
}

/// The enum's own name and its allowed values, for messages: `episode_status (referred, active,
/// …)`.
template <class E, std::enable_if_t<is_described_enum_v<E>, int> = 0>
[[nodiscard]] std::string enum_choices() {
    constexpr auto table = describe_enum(E{});
    std::string s;
    for (const auto& entry : table.entries) {
        if (!s.empty()) {
            s += ", ";
        }
        s += entry.second;
    }
    return std::string(table.type_name) + " (" + s + ")";
}

THERACORE_NAMESPACE_END
