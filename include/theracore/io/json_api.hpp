// SPDX-License-Identifier: Apache-2.0
/// @file
/// The JSON front end every adapter header shares: `io::json`, the declaration macro for the
/// compiled adapters, and `io::to_json_value`, `from_json_value`, `to_json_string` and
/// `from_json_string`. Include `theracore/io/json.hpp` (or one `theracore/io/json/<area>.hpp`)
/// rather than this.
///
/// A type with JSON adapters found by argument-dependent lookup (`to_json(json&, const T&)`
/// and `from_json(const json&, T&)` in its namespace, as every type of the registration lists
/// in `theracore/io/types.hpp` has, compiled into the library) is written and read through
/// them. Any other type (an integrator's own described type, a `std::vector` of records, a
/// number) goes through the generic walker of `theracore/io/json_core.hpp`, which the
/// translation unit must then include.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include <nlohmann/json.hpp>

#include <theracore/config.hpp>
#include <theracore/error.hpp>
#include <theracore/io/types.hpp>

/// Declares the compiled JSON adapters of `T`; use in T's namespace. The definitions come from
/// `THERACORE_JSON_DEFINE(T)` (theracore/io/json_core.hpp) in one source file.
#define THERACORE_JSON_DECLARE(T)                                \
    THERACORE_API void to_json(::nlohmann::json& j, const T& v); \
    THERACORE_API void from_json(const ::nlohmann::json& j, T& v);

namespace theracore_io_adl {

// Outside every TheraCore namespace, so that only argument-dependent lookup finds adapters.
template <class T, class = void>
struct has_adapter : std::false_type {};
template <class T>
struct has_adapter<
    T,
    std::void_t<decltype(to_json(std::declval<::nlohmann::json&>(), std::declval<const T&>())),
                decltype(from_json(std::declval<const ::nlohmann::json&>(), std::declval<T&>()))>>
    : std::true_type {};

template <class T>
void write(::nlohmann::json& j, const T& v) {
    to_json(j, v);
}
template <class T>
void read(const ::nlohmann::json& j, T& v) {
    from_json(j, v);
}

}  // namespace theracore_io_adl

THERACORE_NAMESPACE_BEGIN
namespace io {

using json = nlohmann::json;

/// True when `T` has JSON adapters of its own (found by argument-dependent lookup).
template <class T>
inline constexpr bool has_json_adapter_v = theracore_io_adl::has_adapter<T>::value;

namespace detail {
// The generic walker, defined in theracore/io/json_core.hpp.
template <class T>
void write(json& j, const T& v);
template <class T>
void read_root(const json& j, T& out);
}  // namespace detail

/// `value` as JSON. @throws validation_error for a non-finite number.
template <class T>
[[nodiscard]] json to_json_value(const T& value) {
    json j;
    if constexpr (has_json_adapter_v<T>) {
        theracore_io_adl::write(j, value);
    } else {
        detail::write(j, value);
    }
    return j;
}

/// A `T` from JSON. @throws parse_error (naming the path) for malformed input,
/// validation_error for well-formed input that breaks the type's rules.
template <class T>
[[nodiscard]] T from_json_value(const json& j) {
    T out{};
    if constexpr (has_json_adapter_v<T>) {
        theracore_io_adl::read(j, out);
    } else {
        detail::read_root(j, out);
    }
    return out;
}

/// `value` as JSON text; `indent` < 0 gives one line. Non-ASCII text is written as UTF-8.
template <class T>
[[nodiscard]] std::string to_json_string(const T& value, int indent = -1) {
    return to_json_value(value).dump(indent);
}

/// A `T` from JSON text. @throws parse_error for text that is not JSON (with the byte
/// position) or input that does not match the format; validation_error as `from_json_value`.
template <class T>
[[nodiscard]] T from_json_string(const std::string& text) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw parse_error("", std::string("malformed JSON: ") + e.what());
    }
    return from_json_value<T>(j);
}

}  // namespace io
THERACORE_NAMESPACE_END
