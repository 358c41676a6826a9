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

#include <algorithm>
#include <tuple>
#include <type_traits>
#include <utility>

#include <theracore/config.hpp>

THERACORE_NAMESPACE_BEGIN
namespace detail {

/// A named reference to one field of a value. `name` is the stable wire name (JSON key, XML tag).
///
/// `since` is the schema version that added the field (1: there from the start). A field added
/// later may be absent when read (it keeps its default): JSON written before it existed has no
/// key, and a Boost archive of an older class version has no entry. `optional_since` marks an
/// `std::optional` field that was a plain value before that version (a Boost archive of an
/// older class version holds the value itself; JSON reads either form anyway). A type's Boost
/// class version is the highest of these, so adding a field with `field<N>` is all it takes;
/// a record must raise its `schema_version` to match (checked at compile time).
template <class T, int Since = 1, int OptionalSince = 0>
struct field_ref {
    static constexpr int since = Since;
    static constexpr int optional_since = OptionalSince;
    const char* name;
    T& ref;
};

template <int Since = 1, class T>
constexpr field_ref<T, Since> field(const char* name, T& ref) noexcept {
    static_assert(Since >= 1, "schema versions start at 1");
    return {name, ref};
}

/// An optional field that held a plain value before schema version `Since` (see `field_ref`).
template <int Since, class T>
constexpr field_ref<T, 1, Since> field_optional_since(const char* name, T& ref) noexcept {
    static_assert(Since >= 2, "a field that was always optional needs no marker");
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

namespace describe_detail {
template <class Tuple>
struct max_version;
template <class... Fs>
struct max_version<std::tuple<Fs...>> {
    static constexpr int value = std::max({1, Fs::since..., Fs::optional_since...});
};
}  // namespace describe_detail

/// The highest schema version any described field of `T` names (1 when none does): the Boost
/// class version of a described type that has no `schema_version` of its own.
template <class T>
constexpr int fields_version() noexcept {
    return describe_detail::max_version<decltype(T::describe(std::declval<T&>()))>::value;
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
