// SPDX-License-Identifier: Apache-2.0
/// @file
/// The definitions behind `THERACORE_BOOST_DECLARE`: one `serialize` that walks a type's field
/// description with `make_nvp(name, field)` (a validated class as its `fields`, re-checked by
/// `create` when loading). `theracore::serialization` compiles them for the listed types and
/// the text, XML and binary archives; include this header only to serialize with another
/// archive type, or to give a described type of your own the same form:
///
/// ```
/// // your header, in your type's namespace:
/// THERACORE_BOOST_SERIALIZE(my_record)
/// // a listed type with another archive, in one .cpp of yours, in namespace theracore:
/// THERACORE_PEOPLE_TYPES(THERACORE_BOOST_DEFINE)
/// ```
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include <theracore/detail/describe.hpp>
#include <theracore/io/boost_core.hpp>

THERACORE_NAMESPACE_BEGIN
namespace io {
namespace detail {

template <class T>
struct optional_value;
template <class T>
struct optional_value<std::optional<T>> {
    using type = T;
};

/// Serializes each described field of `v` as a named value. Loading an archive of class
/// `version` skips the fields added after it (they keep their defaults) and reads a field that
/// became optional later as the plain value it then was.
template <class Archive, class T>
void serialize_fields(Archive& ar, T& v, unsigned int version) {
    theracore::detail::for_each_field(v, [&](auto f) {
        using F = decltype(f);
        if constexpr (Archive::is_loading::value) {
            // Only a field added later can be absent: a type of the integrator's without a
            // class version (Boost's default, 0) still loads every first-version field.
            if (F::since > 1 && version < static_cast<unsigned>(F::since)) {
                return;
            }
            if constexpr (F::optional_since > 0) {
                if (version < static_cast<unsigned>(F::optional_since)) {
                    typename optional_value<std::decay_t<decltype(f.ref)>>::type plain{};
                    ar& boost::serialization::make_nvp(f.name, plain);
                    f.ref = std::move(plain);
                    return;
                }
            }
        }
        ar& boost::serialization::make_nvp(f.name, f.ref);
    });
}

/// The body of the `serialize` of a validated class's `fields` (nothing for the placeholder of
/// another type).
template <class Archive, class F>
void serialize_fields_of(Archive& ar, F& f, unsigned int version) {
    if constexpr (!std::is_empty_v<F>) {
        static_assert(
            theracore::detail::fields_version<F>() == 1 ||
                boost::serialization::version<F>::value >= theracore::detail::fields_version<F>(),
            "a field names a schema version above the type's Boost class version: "
            "raise it with BOOST_CLASS_VERSION");
        serialize_fields(ar, f, version);
    }
}

/// The body of every listed type's `serialize`.
template <class Archive, class T>
void serialize_value(Archive& ar, T& v, unsigned int version) {
    if constexpr (is_validated<T>::value) {
        if constexpr (Archive::is_saving::value) {
            auto f = v.data();
            ar& boost::serialization::make_nvp("fields", f);
        } else {
            typename T::fields f{};
            ar& boost::serialization::make_nvp("fields", f);
            v = T::create(std::move(f));
        }
    } else {
        static_assert(
            theracore::detail::fields_version<T>() == 1 ||
                boost::serialization::version<T>::value >= theracore::detail::fields_version<T>(),
            "a field names a schema version above the type's Boost class version: "
            "raise it with BOOST_CLASS_VERSION");
        serialize_fields(ar, v, version);
    }
}

}  // namespace detail
}  // namespace io
THERACORE_NAMESPACE_END

/// Defines the `serialize` that `THERACORE_BOOST_DECLARE(T)` declared (same namespace).
#define THERACORE_BOOST_DEFINE(T)                                                        \
    template <class Archive>                                                             \
    void serialize(Archive& ar, T& v, const unsigned int version) {                      \
        ::theracore::io::detail::serialize_value(ar, v, version);                        \
    }                                                                                    \
    template <class Archive>                                                             \
    void serialize(Archive& ar, typename ::theracore::io::detail::fields_of<T>::type& v, \
                   const unsigned int version) {                                         \
        ::theracore::io::detail::serialize_fields_of(ar, v, version);                    \
    }

/// Declares and defines the Boost `serialize` of a described type of your own (in its
/// namespace): a validated class is archived as its `fields`. A type whose fields all date from
/// its first version needs no class version; after adding one with `field<N>`, give the type
/// `BOOST_CLASS_VERSION(T, N)` (a static assertion reminds you), so that older archives load.
#define THERACORE_BOOST_SERIALIZE(T) THERACORE_BOOST_DEFINE(T)
