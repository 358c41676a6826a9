// SPDX-License-Identifier: Apache-2.0
/// @file
/// The Boost.Serialization machinery behind `theracore/io/boost_serialization.hpp`: adapters for
/// `std::optional`, `std::variant` and ids (Boost 1.74 has none for the std types), and one
/// `serialize` that walks a type's field description with `make_nvp(name, field)`, so text,
/// XML and binary archives all work. Include `theracore/io/boost_serialization.hpp` instead.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
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

/// Serializes each described field of `v` as a named value.
template <class Archive, class T>
void serialize_fields(Archive& ar, T& v) {
    theracore::detail::for_each_field(
        v, [&](auto f) { ar& boost::serialization::make_nvp(f.name, f.ref); });
}

/// Saves a validated class as its fields; loads the fields and rebuilds it with `T::create`,
/// so an archive cannot smuggle in a value that breaks the class's invariants.
template <class Archive, class T>
void serialize_validated(Archive& ar, T& v) {
    if constexpr (Archive::is_saving::value) {
        auto f = v.data();
        ar& boost::serialization::make_nvp("fields", f);
    } else {
        typename T::fields f{};
        ar& boost::serialization::make_nvp("fields", f);
        v = T::create(std::move(f));
    }
}

}  // namespace detail
}  // namespace io

THERACORE_NAMESPACE_END

/// Declares the Boost `serialize` overload of a described struct (inside its namespace).
#define THERACORE_BOOST_SERIALIZE(T)                                    \
    template <class Archive>                                            \
    void serialize(Archive& ar, T& v, const unsigned int /*version*/) { \
        ::theracore::io::detail::serialize_fields(ar, v);               \
    }

/// Declares the Boost `serialize` overloads of a validated class and its `fields`.
#define THERACORE_BOOST_SERIALIZE_VALIDATED(T)                          \
    THERACORE_BOOST_SERIALIZE(T::fields)                                \
    template <class Archive>                                            \
    void serialize(Archive& ar, T& v, const unsigned int /*version*/) { \
        ::theracore::io::detail::serialize_validated(ar, v);            \
    }
