// SPDX-License-Identifier: Apache-2.0
/// @file
/// Private to src/io/boost/: the archives `theracore::serialization` compiles every listed
/// type's `serialize` for, and the macro that instantiates one type for all of them.
#pragma once

#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_define.hpp>
// Every listed type's declaration: an area's types contain those of others (coded concepts).
#include <theracore/io/boost_serialization.hpp>
#include <theracore/io/types.hpp>

// Defines the declared `serialize` of T and instantiates it for the six archives (in T's
// namespace).
#define THERACORE_BOOST_INSTANTIATE_ONE_FOR(T, A) \
    template void serialize<boost::archive::A>(boost::archive::A&, T&, const unsigned int);
#define THERACORE_BOOST_INSTANTIATE_FOR(T, A)   \
    THERACORE_BOOST_INSTANTIATE_ONE_FOR(T, A)   \
    template void serialize<boost::archive::A>( \
        boost::archive::A&, ::theracore::io::detail::fields_of<T>::type&, const unsigned int);
#define THERACORE_BOOST_INSTANTIATE_WITH(T, FOR) \
    FOR(T, text_oarchive)                        \
    FOR(T, text_iarchive)                        \
    FOR(T, xml_oarchive)                         \
    FOR(T, xml_iarchive)                         \
    FOR(T, binary_oarchive)                      \
    FOR(T, binary_iarchive)
#define THERACORE_BOOST_INSTANTIATE(T) \
    THERACORE_BOOST_INSTANTIATE_WITH(T, THERACORE_BOOST_INSTANTIATE_FOR)
// For a type with a `serialize` of its own making (THERACORE_BOOST_DECLARE_ONE).
#define THERACORE_BOOST_INSTANTIATE_ONE(T) \
    THERACORE_BOOST_INSTANTIATE_WITH(T, THERACORE_BOOST_INSTANTIATE_ONE_FOR)
#define THERACORE_BOOST_COMPILE(T) \
    THERACORE_BOOST_DEFINE(T)      \
    THERACORE_BOOST_INSTANTIATE(T)
