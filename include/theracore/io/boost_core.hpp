// SPDX-License-Identifier: Apache-2.0
/// @file
/// The Boost.Serialization machinery behind `theracore/io/boost_serialization.hpp`: adapters for
/// `std::optional`, `std::variant` and ids (Boost 1.74 has none for the std types), and the
/// macros that declare each listed type's `serialize` and class version. Include
/// `theracore/io/boost_serialization.hpp` instead.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

// Boost's date_time serializers use split_free without including it: it must come first.
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_free.hpp>

#include <boost/date_time/gregorian/greg_serialize.hpp>
#include <boost/date_time/posix_time/time_serialize.hpp>
#include <boost/serialization/map.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/split_free.hpp>
#include <boost/serialization/string.hpp>
#include <boost/serialization/vector.hpp>
#include <boost/serialization/version.hpp>
#include <boost/version.hpp>

#include <theracore/detail/describe.hpp>
#include <theracore/error.hpp>
#include <theracore/id.hpp>

#if BOOST_VERSION >= 108400
#error "Boost >= 1.84 serializes std::optional itself; drop the adapter below"
#endif

namespace boost {
namespace serialization {

template <class Archive, class T>
void save(Archive& ar, const std::optional<T>& o, const unsigned int /*version*/) {
    const bool has_value = o.has_value();
    ar << make_nvp("has_value", has_value);
    if (has_value) {
        ar << make_nvp("value", *o);
    }
}

template <class Archive, class T>
void load(Archive& ar, std::optional<T>& o, const unsigned int /*version*/) {
    bool has_value = false;
    ar >> make_nvp("has_value", has_value);
    if (has_value) {
        T value{};
        ar >> make_nvp("value", value);
        o = std::move(value);
    } else {
        o.reset();
    }
}

template <class Archive, class T>
void serialize(Archive& ar, std::optional<T>& o, const unsigned int version) {
    split_free(ar, o, version);
}

template <class Archive, class... Ts>
void save(Archive& ar, const std::variant<Ts...>& v, const unsigned int /*version*/) {
    const int which = static_cast<int>(v.index());
    ar << make_nvp("which", which);
    std::visit([&](const auto& alt) { ar << make_nvp("value", alt); }, v);
}

namespace theracore_detail {
template <class Archive, class Variant, std::size_t I = 0>
void load_alternative(Archive& ar, Variant& v, int which) {
    if constexpr (I < std::variant_size_v<Variant>) {
        if (which == static_cast<int>(I)) {
            std::variant_alternative_t<I, Variant> alt{};
            ar >> make_nvp("value", alt);
            v = std::move(alt);
            return;
        }
        load_alternative<Archive, Variant, I + 1>(ar, v, which);
    } else {
        throw ::theracore::parse_error(
            "which", "variant alternative " + std::to_string(which) + " does not exist");
    }
}
}  // namespace theracore_detail

template <class Archive, class... Ts>
void load(Archive& ar, std::variant<Ts...>& v, const unsigned int /*version*/) {
    int which = 0;
    ar >> make_nvp("which", which);
    theracore_detail::load_alternative(ar, v, which);
}

template <class Archive, class... Ts>
void serialize(Archive& ar, std::variant<Ts...>& v, const unsigned int version) {
    split_free(ar, v, version);
}

}  // namespace serialization
}  // namespace boost

THERACORE_NAMESPACE_BEGIN

template <class Archive, class Tag>
void serialize(Archive& ar, basic_id<Tag>& id, const unsigned int /*version*/) {
    if constexpr (Archive::is_saving::value) {
        std::string s = id.str();
        ar& boost::serialization::make_nvp("value", s);
    } else {
        std::string s;
        ar& boost::serialization::make_nvp("value", s);
        id = basic_id<Tag>(std::move(s));
    }
}

namespace io {
namespace detail {

template <class T, class = void>
struct has_schema_version : std::false_type {};
template <class T>
struct has_schema_version<T, std::void_t<decltype(T::schema_version)>> : std::true_type {};

template <class T, class = void>
struct is_validated : std::false_type {};
/// A validated class: made only by `T::create(T::fields)`, read back with `data()`.
template <class T>
struct is_validated<
    T, std::void_t<typename T::fields, decltype(T::create(std::declval<typename T::fields>())),
                   decltype(std::declval<const T&>().data())>> : std::true_type {};

/// The `fields` of a validated class `T`, which Boost archives in its place; for any other type,
/// a placeholder of its own that is never archived.
template <class T, bool = is_validated<T>::value>
struct fields_of {
    struct none {};
    using type = none;
};
template <class T>
struct fields_of<T, true> {
    using type = typename T::fields;
};

/// The Boost class version of `T`: a record's JSON `schema_version`; for another described
/// type (a validated class's `fields` included) the highest version its fields name
/// (`detail::field<N>`), 1 when none does.
template <class T>
constexpr int boost_version() {
    if constexpr (has_schema_version<T>::value) {
        if constexpr (is_validated<T>::value) {
            static_assert(
                theracore::detail::fields_version<typename T::fields>() <= T::schema_version,
                "a record's fields name a version above its schema_version: raise it");
        } else if constexpr (theracore::detail::is_described_v<T>) {
            static_assert(theracore::detail::fields_version<T>() <= T::schema_version,
                          "a record's fields name a version above its schema_version: raise it");
        }
        return T::schema_version;
    } else if constexpr (theracore::detail::is_described_v<T>) {
        return theracore::detail::fields_version<T>();
    } else {
        return 1;
    }
}

}  // namespace detail
}  // namespace io

THERACORE_NAMESPACE_END

/// Declares the Boost `serialize` of a type with one of its own making (`instruments::answer`,
/// `outcomes::observation_time`), inside its namespace.
#define THERACORE_BOOST_DECLARE_ONE(T) \
    template <class Archive>           \
    void serialize(Archive& ar, T& v, const unsigned int version);

/// Declares the Boost `serialize` of a listed type, and of its `fields` when it is a validated
/// class (inside its namespace). The definitions and their explicit instantiations for the
/// text, XML and binary archives are compiled into `theracore::serialization` (src/io/boost/);
/// `theracore/io/boost_define.hpp` defines them for other archive types.
#define THERACORE_BOOST_DECLARE(T)                                                       \
    template <class Archive>                                                             \
    void serialize(Archive& ar, T& v, const unsigned int version);                       \
    template <class Archive>                                                             \
    void serialize(Archive& ar, typename ::theracore::io::detail::fields_of<T>::type& v, \
                   const unsigned int version);

/// The class version of a listed type (and of its `fields`), named from `theracore` (at
/// global scope).
#define THERACORE_BOOST_VERSION(T)                                                                \
    BOOST_CLASS_VERSION(::theracore::T, ::theracore::io::detail::boost_version<::theracore::T>()) \
    BOOST_CLASS_VERSION(::theracore::io::detail::fields_of<::theracore::T>::type,                 \
                        ::theracore::io::detail::boost_version<                                   \
                            ::theracore::io::detail::fields_of<::theracore::T>::type>())
#define THERACORE_BOOST_VERSION_INSTRUMENTS(T) THERACORE_BOOST_VERSION(instruments::T)
#define THERACORE_BOOST_VERSION_OUTCOMES(T) THERACORE_BOOST_VERSION(outcomes::T)
