// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled Boost.Serialization of the types of `THERACORE_INSTRUMENT_DEFINITION_TYPES` and
/// `THERACORE_INSTRUMENTS_TYPES`, and of `answer` (archived as its kind, number and text).
#include "instantiate.hpp"

#include <string>

#include <boost/serialization/split_free.hpp>

#include <theracore/io/boost/instruments.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

THERACORE_INSTRUMENT_DEFINITION_TYPES(THERACORE_BOOST_COMPILE)
THERACORE_INSTRUMENTS_TYPES(THERACORE_BOOST_COMPILE)

template <class Archive>
void save(Archive& ar, const answer& a, const unsigned int /*version*/) {
    const int kind = static_cast<int>(a.what());
    const double number = a.number();
    const std::string text = a.text();
    ar << boost::serialization::make_nvp("kind", kind);
    ar << boost::serialization::make_nvp("number", number);
    ar << boost::serialization::make_nvp("text", text);
}

template <class Archive>
void load(Archive& ar, answer& a, const unsigned int /*version*/) {
    int kind = 0;
    double number = 0;
    std::string text;
    ar >> boost::serialization::make_nvp("kind", kind);
    ar >> boost::serialization::make_nvp("number", number);
    ar >> boost::serialization::make_nvp("text", text);
    switch (static_cast<answer::kind>(kind)) {
        case answer::kind::missing:
            a = answer();
            return;
        case answer::kind::number:
            a = answer(number);
            return;
        case answer::kind::text:
            a = answer(std::move(text));
            return;
    }
    throw parse_error("kind", "unknown answer kind " + std::to_string(kind));
}

template <class Archive>
void serialize(Archive& ar, answer& a, const unsigned int version) {
    boost::serialization::split_free(ar, a, version);
}
THERACORE_BOOST_INSTANTIATE_ONE(answer)

}  // namespace instruments
THERACORE_NAMESPACE_END
