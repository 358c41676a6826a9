// SPDX-License-Identifier: Apache-2.0
/// @file
/// The compiled Boost.Serialization of the types of `THERACORE_OUTCOMES_TYPES` and of
/// `observation_time` (archived as its ISO-8601 text, empty when not set).
#include "instantiate.hpp"

#include <string>

#include <theracore/io/boost/outcomes.hpp>

THERACORE_NAMESPACE_BEGIN
namespace outcomes {

THERACORE_OUTCOMES_TYPES(THERACORE_BOOST_COMPILE)

template <class Archive>
void serialize(Archive& ar, observation_time& t, const unsigned int /*version*/) {
    if constexpr (Archive::is_saving::value) {
        std::string text = t.is_set() ? t.iso8601() : std::string();
        ar& boost::serialization::make_nvp("iso8601", text);
    } else {
        std::string text;
        ar& boost::serialization::make_nvp("iso8601", text);
        if (text.empty()) {
            t = observation_time();
            return;
        }
        const auto v = observation_time::parse(text);
        if (!v) {
            throw parse_error("iso8601", "not a date or an instant: \"" + text + "\"");
        }
        t = *v;
    }
}
THERACORE_BOOST_INSTANTIATE_ONE(observation_time)

}  // namespace outcomes
THERACORE_NAMESPACE_END
