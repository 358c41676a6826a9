// SPDX-License-Identifier: Apache-2.0
/// @file
/// Field descriptions: each value type lists its fields once, with stable wire names, in a
/// static `describe(self)` that returns a tuple of named references. Equality, JSON and
/// Boost.Serialization are all derived from that one list, so a field cannot be compared but
/// forgotten by a serializer (or the reverse).
///
/// ```
/// struct coded_concept {
///     std::string system, code, display;
///     template <class Self> static auto describe(Self& s) {
///         return std::make_tuple(detail::field("system", s.system), ...);
///     }
/// };
/// ```
#pragma once

#include <tuple>
#include <type_traits>
#include <utility>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {

/// A named reference to one field of a value. `name` is the stable wire name (JSON key, XML tag).
template <class T>
struct field_ref {
    const char* name;
    T& ref;
};

template <class T>
constexpr field_ref<T> field(const char* name, T& ref) noexcept {
    return {name, ref};
}

template <class T, class = void>
struct is_described : std::false_type {};
template <class T>
struct is_described<T, std::void_t<decltype(T::describe(std::declval<const T&>()))>>
    : std::true_type {};
template <class T>
inline constexpr bool is_described_v = is_described<T>::value;

/// Calls `f(field_ref)` for each described field of `value`.
template <class T, class F>
constexpr void for_each_field(T& value, F&& f) {
    std::apply([&](auto... fields) { (f(fields), ...); }, std::remove_const_t<T>::describe(value));
}

/// The described fields of `value` as a tuple of references, for comparisons.
template <class T>
constexpr auto tie_fields(const T& value) {
    return std::apply([](auto... fields) { return std::tie(fields.ref...); }, T::describe(value));
}

}  // namespace detail

/// Field-wise equality for every described value type (found by ADL).
template <class T, std::enable_if_t<detail::is_described_v<T>, int> = 0>
bool operator==(const T& a, const T& b) {
    return detail::tie_fields(a) == detail::tie_fields(b);
}
template <class T, std::enable_if_t<detail::is_described_v<T>, int> = 0>
bool operator!=(const T& a, const T& b) {
    return !(a == b);
}

THERACORE_NAMESPACE_END
