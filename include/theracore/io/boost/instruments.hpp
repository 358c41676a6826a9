// SPDX-License-Identifier: Apache-2.0
/// @file
/// Boost.Serialization support for the instrument engine and administrations.
#pragma once

#include <string>

#include <boost/serialization/split_free.hpp>

#include <theracore/instruments.hpp>
#include <theracore/instruments/administration.hpp>
#include <theracore/io/boost_core.hpp>

THERACORE_NAMESPACE_BEGIN
namespace instruments {

THERACORE_BOOST_SERIALIZE(response_option)
THERACORE_BOOST_SERIALIZE(numeric_range)
THERACORE_BOOST_SERIALIZE(response_scale)
THERACORE_BOOST_SERIALIZE(item)
THERACORE_BOOST_SERIALIZE(condition)
THERACORE_BOOST_SERIALIZE(skip_rule)
THERACORE_BOOST_SERIALIZE(missing_rule)
THERACORE_BOOST_SERIALIZE(band)
THERACORE_BOOST_SERIALIZE(band_set)
THERACORE_BOOST_SERIALIZE(cut_off)
THERACORE_BOOST_SERIALIZE(reliability_estimate)
THERACORE_BOOST_SERIALIZE(norm_group)
THERACORE_BOOST_SERIALIZE(change_criterion)
THERACORE_BOOST_SERIALIZE(scale_psychometrics)
THERACORE_BOOST_SERIALIZE(scale)
THERACORE_BOOST_SERIALIZE(flag_rule)
THERACORE_BOOST_SERIALIZE(count_term)
THERACORE_BOOST_SERIALIZE(count_criterion)
THERACORE_BOOST_SERIALIZE(criteria_rule)
THERACORE_BOOST_SERIALIZE(triage_trigger)
THERACORE_BOOST_SERIALIZE(triage_rule)
THERACORE_BOOST_SERIALIZE(derived_rule)
THERACORE_BOOST_SERIALIZE(option_label)
THERACORE_BOOST_SERIALIZE(instrument_locale)
THERACORE_BOOST_SERIALIZE_VALIDATED(instrument)
THERACORE_BOOST_SERIALIZE(score_options)
THERACORE_BOOST_SERIALIZE(responses)
THERACORE_BOOST_SERIALIZE(score_provenance)
THERACORE_BOOST_SERIALIZE(scale_score)
THERACORE_BOOST_SERIALIZE(fired_flag)
THERACORE_BOOST_SERIALIZE(derived_result)
THERACORE_BOOST_SERIALIZE(score_result)

/// An answer is saved as its kind, number and text.
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

THERACORE_BOOST_SERIALIZE(administration)

}  // namespace instruments

THERACORE_NAMESPACE_END

// Versions: records use their JSON schema_version; other value types start at 1.
BOOST_CLASS_VERSION(theracore::instruments::response_option, 1)
BOOST_CLASS_VERSION(theracore::instruments::numeric_range, 1)
BOOST_CLASS_VERSION(theracore::instruments::response_scale, 1)
BOOST_CLASS_VERSION(theracore::instruments::item, 1)
BOOST_CLASS_VERSION(theracore::instruments::condition, 1)
BOOST_CLASS_VERSION(theracore::instruments::skip_rule, 1)
BOOST_CLASS_VERSION(theracore::instruments::missing_rule, 1)
BOOST_CLASS_VERSION(theracore::instruments::band, 1)
BOOST_CLASS_VERSION(theracore::instruments::band_set, 1)
BOOST_CLASS_VERSION(theracore::instruments::cut_off, 1)
BOOST_CLASS_VERSION(theracore::instruments::reliability_estimate, 1)
BOOST_CLASS_VERSION(theracore::instruments::norm_group, 1)
BOOST_CLASS_VERSION(theracore::instruments::change_criterion, 1)
BOOST_CLASS_VERSION(theracore::instruments::scale_psychometrics, 1)
BOOST_CLASS_VERSION(theracore::instruments::scale, 1)
BOOST_CLASS_VERSION(theracore::instruments::flag_rule, 1)
BOOST_CLASS_VERSION(theracore::instruments::count_term, 1)
BOOST_CLASS_VERSION(theracore::instruments::count_criterion, 1)
BOOST_CLASS_VERSION(theracore::instruments::criteria_rule, 1)
BOOST_CLASS_VERSION(theracore::instruments::triage_trigger, 1)
BOOST_CLASS_VERSION(theracore::instruments::triage_rule, 1)
BOOST_CLASS_VERSION(theracore::instruments::derived_rule, 1)
BOOST_CLASS_VERSION(theracore::instruments::option_label, 1)
BOOST_CLASS_VERSION(theracore::instruments::instrument_locale, 1)
BOOST_CLASS_VERSION(theracore::instruments::instrument,
                    theracore::instruments::instrument::schema_version)
BOOST_CLASS_VERSION(theracore::instruments::instrument_definition, 1)
BOOST_CLASS_VERSION(theracore::instruments::score_options, 1)
BOOST_CLASS_VERSION(theracore::instruments::responses, 1)
BOOST_CLASS_VERSION(theracore::instruments::answer, 1)
BOOST_CLASS_VERSION(theracore::instruments::score_provenance, 1)
BOOST_CLASS_VERSION(theracore::instruments::scale_score, 1)
BOOST_CLASS_VERSION(theracore::instruments::fired_flag, 1)
BOOST_CLASS_VERSION(theracore::instruments::derived_result, 1)
BOOST_CLASS_VERSION(theracore::instruments::score_result, 1)
BOOST_CLASS_VERSION(theracore::instruments::administration,
                    theracore::instruments::administration::schema_version)
