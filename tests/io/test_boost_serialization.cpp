// SPDX-License-Identifier: Apache-2.0
#include <sstream>

#include <gtest/gtest.h>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>

#include <theracore/io/boost_serialization.hpp>

#include "support/builders.hpp"

using namespace theracore;
using boost::serialization::make_nvp;

namespace {

template <class OArchive, class IArchive, class T>
T round_trip(const T& value) {
    std::stringstream ss;
    {
        OArchive oa(ss);
        oa << make_nvp("value", value);
    }
    T back{};
    {
        IArchive ia(ss);
        ia >> make_nvp("value", back);
    }
    return back;
}

template <class T>
void expect_round_trip_all_archives(const T& value) {
    using namespace boost::archive;
    EXPECT_EQ((round_trip<text_oarchive, text_iarchive>(value)), value);
    EXPECT_EQ((round_trip<xml_oarchive, xml_iarchive>(value)), value);
    EXPECT_EQ((round_trip<binary_oarchive, binary_iarchive>(value)), value);
}

}  // namespace

TEST(BoostSerialization, EveryModelTypeRoundTripsThroughTextXmlAndBinary) {
    expect_round_trip_all_archives(test::full_client());
    expect_round_trip_all_archives(test::minimal_client());
    expect_round_trip_all_archives(test::full_clinician());
    expect_round_trip_all_archives(test::sample_licence());
    expect_round_trip_all_archives(care_episode::create(test::couple_episode_fields()));
    expect_round_trip_all_archives(test::closed_episode());
    expect_round_trip_all_archives(test::full_intake());
    expect_round_trip_all_archives(intake{});  // empty optionals and not-a-date
    expect_round_trip_all_archives(
        coded_concept{code_systems::snomed_ct, "35489007", "Depressive disorder"});
}

TEST(BoostSerialization, XmlUsesTheWireNames) {
    std::stringstream ss;
    {
        boost::archive::xml_oarchive oa(ss);
        const auto c = test::minimal_client();
        oa << make_nvp("client", c);
    }
    const std::string xml = ss.str();
    EXPECT_NE(xml.find("<legal_name"), std::string::npos);
    EXPECT_NE(xml.find("<date_of_birth"), std::string::npos);
    EXPECT_NE(xml.find("李小龍"), std::string::npos);
}

namespace {
// Lays out an archive exactly as care_episode does, but from fields that break its invariants,
// as a tampered or hand-edited archive would.
struct episode_shadow {
    care_episode::fields f;
    template <class Archive>
    void serialize(Archive& ar, const unsigned int /*version*/) {
        ar& make_nvp("fields", f);
    }
};
}  // namespace
BOOST_CLASS_VERSION(episode_shadow, 1)

TEST(BoostSerialization, LoadingAnEpisodeRechecksItsInvariants) {
    episode_shadow shadow{test::closed_episode().data()};
    std::stringstream ss;
    {
        boost::archive::text_oarchive oa(ss);
        oa << make_nvp("value", shadow);
    }
    {  // unchanged fields load fine: the shadow really has the episode's layout
        std::stringstream copy(ss.str());
        boost::archive::text_iarchive ia(copy);
        care_episode e;
        ia >> make_nvp("value", e);
        EXPECT_EQ(e, test::closed_episode());
    }
    shadow.f.closed.reset();
    std::stringstream bad;
    {
        boost::archive::text_oarchive oa(bad);
        oa << make_nvp("value", shadow);
    }
    care_episode e;
    boost::archive::text_iarchive ia(bad);
    EXPECT_THROW(ia >> make_nvp("value", e), validation_error);
}
