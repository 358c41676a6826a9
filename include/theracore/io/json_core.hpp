// SPDX-License-Identifier: Apache-2.0
/// @file
/// The generic JSON walker: one reader and one writer that walk the field descriptions of a
/// value type. The library's adapters (`theracore/io/json.hpp`) are compiled from it; include
/// it to give an own described type the same JSON form, with `THERACORE_JSON_DEFINE(T)` in one
/// source file (after `THERACORE_JSON_DECLARE(T)` in a header) or `THERACORE_JSON_ADL(T)`
/// inline, or to write and read values without adapters of their own (`io::detail::read`).
///
/// Wire rules:
/// - keys are the described field names; unknown keys are rejected (a misspelt optional key
///   would otherwise vanish silently);
/// - `std::optional` fields may be absent or `null`, and so may a field added after the first
///   version (it keeps its default); every other field is required;
/// - enums are their wire names, dates `YYYY-MM-DD`, instants ISO-8601 in UTC with `Z`;
/// - a top-level record carries `"schema"` and `"version"`; a version newer than this library
///   knows is rejected; an older version reads with the fields added since (`detail::field<N>`)
///   absent and keeping their defaults, after the record's `upgrade_json` hook when it has one;
/// - `std::variant` is an object with one key, the alternative's `variant_tag`;
/// - reading a record validates it: malformed input throws `parse_error` naming the path,
///   well-formed but invalid input throws `validation_error` listing every problem.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include <theracore/detail/describe.hpp>
#include <theracore/detail/validation.hpp>
#include <theracore/enum.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>
#include <theracore/io/json_api.hpp>
#include <theracore/time.hpp>

THERACORE_NAMESPACE_BEGIN
namespace io {
namespace detail {

using theracore::detail::is_described_v;

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};
template <class T>
struct is_string_map : std::false_type {};
template <class T, class C, class A>
struct is_string_map<std::map<std::string, T, C, A>> : std::true_type {};
template <class T>
struct is_variant : std::false_type {};
template <class... Ts>
struct is_variant<std::variant<Ts...>> : std::true_type {};
template <class T>
struct is_id : std::false_type {};
template <class Tag>
struct is_id<basic_id<Tag>> : std::true_type {};

template <class T, class = void>
struct is_record : std::false_type {};
template <class T>
struct is_record<T, std::void_t<decltype(T::schema_name), decltype(T::schema_version)>>
    : std::true_type {};

/// A class that keeps invariants: plain data in `T::fields`, built by `T::create(fields)`.
template <class T, class = void>
struct is_validated_class : std::false_type {};
template <class T>
struct is_validated_class<
    T, std::void_t<typename T::fields, decltype(T::create(std::declval<typename T::fields>())),
                   decltype(std::declval<const T&>().data())>> : std::true_type {};

template <class T, class = void>
struct has_validate : std::false_type {};
template <class T>
struct has_validate<T, std::void_t<decltype(validate(std::declval<const T&>()))>> : std::true_type {
};

template <class T, class = void>
struct has_upgrade : std::false_type {};
template <class T>
struct has_upgrade<T, std::void_t<decltype(T::upgrade_json(std::declval<json&>(), 0))>>
    : std::true_type {};

[[noreturn]] inline void fail(std::string reason) {
    throw parse_error("", std::move(reason));
}

inline std::string kind_of(const json& j) {
    switch (j.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return j.get<bool>() ? "true" : "false";
        case json::value_t::string: {
            std::string s = j.get<std::string>();
            if (s.size() > 40) {
                s = s.substr(0, 40) + "...";
            }
            return json(s).dump(-1, ' ', false, json::error_handler_t::replace);
        }
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "an object";
        default:
            return j.dump();
    }
}

/// The record's short name for error paths: "theracore.client" -> "client".
inline std::string record_name(const char* schema) {
    std::string s = schema;
    const auto dot = s.rfind('.');
    return dot == std::string::npos ? s : s.substr(dot + 1);
}

/// Runs `f`, re-throwing parse and validation errors as seen from `prefix`.
template <class F>
void within(const std::string& prefix, F&& f) {
    try {
        f();
    } catch (const parse_error& e) {
        throw e.with_prefix(prefix);
    } catch (const validation_error& e) {
        problem_list p;
        theracore::detail::append_prefixed(p, prefix, e.problems());
        throw validation_error("invalid " + prefix, std::move(p));
    }
}

template <class T>
void write(json& j, const T& v);
template <class T>
void read(const json& j, T& out);

template <class T>
void write_fields(json& j, const T& v) {
    j = json::object();
    theracore::detail::for_each_field(v, [&](auto f) {
        using F = std::decay_t<decltype(f.ref)>;
        if constexpr (is_optional<F>::value) {
            if (!f.ref) {
                return;
            }
        }
        write(j[f.name], f.ref);
    });
}

template <class T>
void read_fields(const json& j, T& out, std::set<std::string> allowed = {}) {
    if (!j.is_object()) {
        fail("expected an object, got " + kind_of(j));
    }
    theracore::detail::for_each_field(out, [&](auto f) {
        using F = std::decay_t<decltype(f.ref)>;
        allowed.insert(f.name);
        const auto it = j.find(f.name);
        if (it == j.end() || (is_optional<F>::value && it->is_null())) {
            if constexpr (is_optional<F>::value) {
                f.ref.reset();
                return;
            } else if constexpr (decltype(f)::since > 1) {
                // Added after the first version: JSON written before it has no key.
                f.ref = F{};
                return;
            } else {
                throw parse_error(f.name, "required key is missing");
            }
        }
        within(f.name, [&] { read(*it, f.ref); });
    });
    for (const auto& item : j.items()) {
        if (allowed.count(item.key()) == 0) {
            throw parse_error(item.key(), "unknown key");
        }
    }
}

template <class T>
void write_schema(json& j) {
    j["schema"] = T::schema_name;
    j["version"] = T::schema_version;
}

/// Checks `schema`/`version` and returns a copy upgraded to the current version if needed.
template <class T>
json check_schema(const json& j) {
    if (!j.is_object()) {
        fail("expected an object, got " + kind_of(j));
    }
    const auto s = j.find("schema");
    if (s == j.end()) {
        throw parse_error("schema", "required key is missing");
    }
    if (!s->is_string() || s->get<std::string>() != T::schema_name) {
        throw parse_error("schema",
                          std::string("expected \"") + T::schema_name + "\", got " + kind_of(*s));
    }
    const auto v = j.find("version");
    if (v == j.end()) {
        throw parse_error("version", "required key is missing");
    }
    if (!v->is_number_integer() || v->get<long long>() < 1) {
        throw parse_error("version", "expected a positive integer, got " + kind_of(*v));
    }
    if (v->is_number_unsigned()
            ? v->get<unsigned long long>() > static_cast<unsigned long long>(T::schema_version)
            : v->get<long long>() > T::schema_version) {
        throw parse_error("version", "written by a newer TheraCore (version " + v->dump() +
                                         "; this library reads up to " +
                                         std::to_string(T::schema_version) + ")");
    }
    const auto version = v->get<int>();
    json copy = j;
    if (version < T::schema_version) {
        // Fields added since (`detail::field<N>`) are simply absent; a change that needs more
        // than that has an `upgrade_json` hook.
        if constexpr (has_upgrade<T>::value) {
            T::upgrade_json(copy, version);
        }
    }
    copy.erase("schema");
    copy.erase("version");
    return copy;
}

template <class T>
void write(json& j, const T& v) {
    if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool>) {
        j = v;
    } else if constexpr (std::is_enum_v<T> && is_described_enum_v<T>) {
        j = std::string(to_string(v));
    } else if constexpr (std::is_integral_v<T>) {
        j = v;
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!std::isfinite(v)) {
            throw validation_error("cannot write JSON", {{"", "not a finite number"}});
        }
        j = v;
    } else if constexpr (std::is_same_v<T, date> || std::is_same_v<T, instant>) {
        if (v.is_special()) {
            j = nullptr;  // validate() reports it; reading null back fails loudly
        } else {
            j = to_iso8601(v);
        }
    } else if constexpr (is_id<T>::value) {
        j = v.str();
    } else if constexpr (is_optional<T>::value) {
        if (v) {
            write(j, *v);
        } else {
            j = nullptr;
        }
    } else if constexpr (is_vector<T>::value) {
        j = json::array();
        for (const auto& e : v) {
            json item;
            write(item, e);
            j.push_back(std::move(item));
        }
    } else if constexpr (is_string_map<T>::value) {
        j = json::object();
        for (const auto& [k, e] : v) {
            write(j[k], e);
        }
    } else if constexpr (is_variant<T>::value) {
        j = json::object();
        std::visit(
            [&](const auto& alt) {
                using A = std::decay_t<decltype(alt)>;
                write(j[A::variant_tag], alt);
            },
            v);
    } else if constexpr (is_validated_class<T>::value) {
        write_fields(j, v.data());
        if constexpr (is_record<T>::value) {
            write_schema<T>(j);
        }
    } else if constexpr (is_described_v<T>) {
        write_fields(j, v);
        if constexpr (is_record<T>::value) {
            write_schema<T>(j);
        }
    } else {
        j = v;  // a type with its own nlohmann adapter
    }
}

template <class T>
struct type_tag {
    using type = T;
};
template <class Variant>
struct variant_tags_t;
template <class... Ts>
struct variant_tags_t<std::variant<Ts...>> {
    static std::tuple<type_tag<Ts>...> get() { return {}; }
};
template <class Variant>
auto variant_tags() {
    return variant_tags_t<Variant>::get();
}

template <class Variant, std::size_t I = 0>
void read_variant(const std::string& tag, const json& j, Variant& out) {
    if constexpr (I < std::variant_size_v<Variant>) {
        using A = std::variant_alternative_t<I, Variant>;
        if (tag == A::variant_tag) {
            A alt{};
            within(tag, [&] { read(j, alt); });
            out = std::move(alt);
            return;
        }
        read_variant<Variant, I + 1>(tag, j, out);
    } else {
        std::string choices;
        std::apply(
            [&](auto... alts) {
                ((choices +=
                  (choices.empty() ? "" : ", ") + std::string(decltype(alts)::type::variant_tag)),
                 ...);
            },
            variant_tags<Variant>());
        throw parse_error(tag, "unknown kind; expected one of: " + choices);
    }
}

template <class T>
void read(const json& j, T& out) {
    if constexpr (std::is_same_v<T, std::string>) {
        if (!j.is_string()) {
            fail("expected a string, got " + kind_of(j));
        }
        out = j.get<std::string>();
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!j.is_boolean()) {
            fail("expected true or false, got " + kind_of(j));
        }
        out = j.get<bool>();
    } else if constexpr (std::is_enum_v<T> && is_described_enum_v<T>) {
        if (!j.is_string()) {
            fail("expected one of " + enum_choices<T>() + ", got " + kind_of(j));
        }
        const auto v = enum_from_string<T>(j.get<std::string>());
        if (!v) {
            fail("expected one of " + enum_choices<T>() + ", got " + kind_of(j));
        }
        out = *v;
    } else if constexpr (std::is_integral_v<T>) {
        if (!j.is_number_integer()) {
            fail("expected an integer, got " + kind_of(j));
        }
        // nlohmann keeps a non-negative integer parsed from text as unsigned and one built in
        // memory as signed, so both representations are range-checked.
        const bool too_big_unsigned =
            j.is_number_unsigned() &&
            j.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<T>::max());
        if constexpr (std::is_unsigned_v<T>) {
            if (too_big_unsigned ||
                (!j.is_number_unsigned() &&
                 (j.get<long long>() < 0 || static_cast<std::uint64_t>(j.get<long long>()) >
                                                std::numeric_limits<T>::max()))) {
                fail("expected a non-negative integer up to " +
                     std::to_string(std::numeric_limits<T>::max()) + ", got " + kind_of(j));
            }
        } else {
            if (too_big_unsigned ||
                (!j.is_number_unsigned() && (j.get<long long>() < std::numeric_limits<T>::min() ||
                                             j.get<long long>() > std::numeric_limits<T>::max()))) {
                fail("integer out of range: " + kind_of(j));
            }
        }
        out = j.get<T>();
    } else if constexpr (std::is_floating_point_v<T>) {
        if (!j.is_number()) {
            fail("expected a number, got " + kind_of(j));
        }
        out = j.get<T>();
    } else if constexpr (std::is_same_v<T, date>) {
        const auto d = j.is_string() ? parse_date(j.get<std::string>()) : std::nullopt;
        if (!d) {
            fail("expected YYYY-MM-DD, got " + kind_of(j));
        }
        out = *d;
    } else if constexpr (std::is_same_v<T, instant>) {
        const auto t = j.is_string() ? parse_instant(j.get<std::string>()) : std::nullopt;
        if (!t) {
            fail("expected an ISO-8601 date-time with a zone (YYYY-MM-DDTHH:MM:SSZ), got " +
                 kind_of(j));
        }
        out = *t;
    } else if constexpr (is_id<T>::value) {
        if (!j.is_string()) {
            fail(std::string("expected a ") + T::kind() + " string, got " + kind_of(j));
        }
        out = T(j.get<std::string>());
    } else if constexpr (is_optional<T>::value) {
        if (j.is_null()) {
            out.reset();
        } else {
            typename T::value_type v{};
            read(j, v);
            out = std::move(v);
        }
    } else if constexpr (is_vector<T>::value) {
        if (!j.is_array()) {
            fail("expected an array, got " + kind_of(j));
        }
        T result;
        result.reserve(j.size());
        for (std::size_t i = 0; i < j.size(); ++i) {
            typename T::value_type v{};
            within("[" + std::to_string(i) + "]", [&] { read(j[i], v); });
            result.push_back(std::move(v));
        }
        out = std::move(result);
    } else if constexpr (is_string_map<T>::value) {
        if (!j.is_object()) {
            fail("expected an object, got " + kind_of(j));
        }
        T result;
        for (const auto& item : j.items()) {
            typename T::mapped_type v{};
            within(item.key(), [&] { read(item.value(), v); });
            result.emplace(item.key(), std::move(v));
        }
        out = std::move(result);
    } else if constexpr (is_variant<T>::value) {
        if (!j.is_object() || j.size() != 1) {
            fail("expected an object with exactly one key naming its kind, got " + kind_of(j));
        }
        read_variant(j.begin().key(), j.begin().value(), out);
    } else if constexpr (is_validated_class<T>::value) {
        typename T::fields f{};
        if constexpr (is_record<T>::value) {
            read_fields(check_schema<T>(j), f);
        } else {
            read_fields(j, f);
        }
        out = T::create(std::move(f));
    } else if constexpr (is_described_v<T>) {
        T v{};
        if constexpr (is_record<T>::value) {
            read_fields(check_schema<T>(j), v);
            if constexpr (has_validate<T>::value) {
                throw_if_invalid(validate(v),
                                 std::string("invalid ") + record_name(T::schema_name));
            }
        } else {
            read_fields(j, v);
        }
        out = std::move(v);
    } else {
        try {
            out = j.get<T>();  // a type with its own nlohmann adapter
        } catch (const json::exception& e) {
            fail(e.what());
        }
    }
}

/// Reads a value at the top level: records name themselves in error paths (`client.x`).
template <class T>
void read_root(const json& j, T& out) {
    if constexpr (is_record<T>::value) {
        within(record_name(T::schema_name), [&] { read(j, out); });
    } else {
        read(j, out);
    }
}

}  // namespace detail

}  // namespace io
THERACORE_NAMESPACE_END

/// Defines the adapters `THERACORE_JSON_DECLARE(T)` declared (in T's namespace), following the
/// rules above; in one source file.
#define THERACORE_JSON_DEFINE(T)                      \
    void to_json(::nlohmann::json& j, const T& v) {   \
        ::theracore::io::detail::write(j, v);         \
    }                                                 \
    void from_json(const ::nlohmann::json& j, T& v) { \
        ::theracore::io::detail::read_root(j, v);     \
    }

/// Defines inline nlohmann ADL hooks for `T` (in T's namespace) so that `json j = value;` and
/// `j.get<T>()` work and follow the rules above.
#define THERACORE_JSON_ADL(T)                              \
    inline void to_json(nlohmann::json& j, const T& v) {   \
        ::theracore::io::detail::write(j, v);              \
    }                                                      \
    inline void from_json(const nlohmann::json& j, T& v) { \
        ::theracore::io::detail::read_root(j, v);          \
    }
